-- One protection status per person (issue 13 §1, docs/referral.md "Protection status"). The
-- identification module reports where each of its procedures stands for the case a screening is
-- linked to; the cases module reads these rows for every case of the same person, so a second
-- screening of the person sees the first one's stage. Dates and stages only: no grounds, no names.
CREATE TABLE person_identification (
  procedure_id      UUID PRIMARY KEY,
  case_id           UUID NOT NULL REFERENCES case_file (id),
  stage             TEXT NOT NULL CHECK (stage IN ('AWAITING_REASONABLE_GROUNDS',
                      'AWAITING_CONCLUSIVE_GROUNDS', 'CONCLUDED')),
  reflection_starts DATE,
  reflection_ends   DATE CHECK (reflection_ends >= reflection_starts),
  negative_on       DATE,
  identified        BOOLEAN NOT NULL DEFAULT FALSE,
  updated_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX person_identification_case_idx ON person_identification (case_id);

-- Criminal proceedings in which the person is a victim or a witness (TIP Protocol art. 8(2); CETS
-- 197 art. 16(2)): while open, no removal. Legal-proceedings field group.
CREATE TABLE criminal_proceeding (
  id          UUID PRIMARY KEY,
  case_id     UUID NOT NULL REFERENCES case_file (id),
  role        TEXT NOT NULL CHECK (role IN ('VICTIM', 'WITNESS')),
  opened_on   DATE NOT NULL,
  closed_on   DATE CHECK (closed_on >= opened_on),
  recorded_by TEXT NOT NULL,
  recorded_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX criminal_proceeding_case_idx ON criminal_proceeding (case_id);
