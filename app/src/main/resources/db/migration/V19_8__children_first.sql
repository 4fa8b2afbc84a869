-- Children first (issue 13 §3). The presumption of minority: a person whose age is disputed is
-- treated as a child until an age assessment concludes otherwise (CoE Convention CETS 197 art.
-- 10(3); Directive 2011/36/EU art. 13(2)); the assessment is its own record. Emergency care of a
-- child (child protection, shelter, medical care) is never gated on a best-interests
-- determination: the referrer records a best-interests consideration instead (CRC art. 3(1)).

CREATE TABLE age_assessment (
  id                     UUID PRIMARY KEY,
  case_id                UUID NOT NULL REFERENCES case_file (id),
  person_id              UUID NOT NULL REFERENCES person (id),
  assessed_on            DATE NOT NULL,
  assessed_by            TEXT NOT NULL CHECK (length(assessed_by) BETWEEN 1 AND 200),
  method                 TEXT NOT NULL CHECK (method IN ('DOCUMENTS', 'INTERVIEW',
                           'PSYCHOSOCIAL', 'MEDICAL', 'HOLISTIC')),
  multidisciplinary      BOOLEAN NOT NULL,
  benefit_of_doubt       BOOLEAN NOT NULL,
  informed_of_challenge  BOOLEAN NOT NULL,
  outcome                TEXT NOT NULL CHECK (outcome IN ('CHILD', 'ADULT', 'INCONCLUSIVE')),
  recorded_by            TEXT NOT NULL,
  recorded_at            TIMESTAMPTZ NOT NULL
);
CREATE INDEX age_assessment_case_idx ON age_assessment (case_id, assessed_on);
CREATE INDEX age_assessment_person_idx ON age_assessment (person_id);

ALTER TABLE referral
  DROP CONSTRAINT IF EXISTS referral_basis_check,
  ADD CONSTRAINT referral_basis_check
    CHECK (basis IN ('CONSENT', 'BEST_INTERESTS', 'EMERGENCY_CARE', 'OVERRIDE')),
  ADD COLUMN best_interests_consideration TEXT,
  ADD COLUMN best_interests_consideration_sealed BYTEA;
