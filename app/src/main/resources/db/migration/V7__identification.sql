-- Identification: screening interviews (drafts saved after every page), their stored assessments,
-- and formal identification by a competent authority with its decisions and deadlines.

CREATE TABLE screening (
  id                  UUID PRIMARY KEY,
  owner_agency_id     UUID NOT NULL REFERENCES agency (id),
  created_by          UUID NOT NULL REFERENCES app_user (id),
  created_at          TIMESTAMPTZ NOT NULL,
  updated_by          UUID NOT NULL REFERENCES app_user (id),
  updated_at          TIMESTAMPTZ NOT NULL,
  -- The basis comes first: a screening row cannot exist without it.
  legal_basis         TEXT NOT NULL CHECK (legal_basis IN ('CONSENT', 'VITAL_INTEREST',
                        'PUBLIC_INTEREST', 'LEGAL_OBLIGATION')),
  consent_given       BOOLEAN NOT NULL,
  interview_language  TEXT CHECK (interview_language ~ '^[a-z]{2,3}$'),
  interpreter_present BOOLEAN,
  answers             JSONB NOT NULL DEFAULT '{}'::jsonb,
  step                TEXT NOT NULL,
  status              TEXT NOT NULL CHECK (status IN ('DRAFT', 'COMPLETED')),
  case_id             UUID REFERENCES case_file (id),
  completed_at        TIMESTAMPTZ,
  version             INT NOT NULL DEFAULT 0,
  CHECK (legal_basis <> 'CONSENT' OR consent_given)
);
CREATE INDEX screening_owner_idx ON screening (owner_agency_id, status, updated_at DESC);
CREATE INDEX screening_case_idx ON screening (case_id) WHERE case_id IS NOT NULL;

-- The assessment made when a screening is completed, with the rule set and the facts it was made
-- from, so that it can be reproduced (RuleSet.forVersion).
CREATE TABLE screening_assessment (
  screening_id        UUID PRIMARY KEY REFERENCES screening (id),
  rule_set            TEXT NOT NULL,
  catalogue_version   TEXT NOT NULL,
  facts               JSONB NOT NULL,
  assessment          JSONB NOT NULL,
  trafficking_finding TEXT NOT NULL,
  smuggling_finding   TEXT NOT NULL,
  assessed_by         UUID NOT NULL REFERENCES app_user (id),
  assessed_at         TIMESTAMPTZ NOT NULL
);

CREATE TABLE identification_procedure (
  id                     UUID PRIMARY KEY,
  screening_id           UUID NOT NULL UNIQUE REFERENCES screening (id),
  referring_agency_id    UUID NOT NULL REFERENCES agency (id),
  authority_agency_id    UUID NOT NULL REFERENCES agency (id),
  referred_by            UUID NOT NULL REFERENCES app_user (id),
  referred_at            TIMESTAMPTZ NOT NULL,
  referred_on            DATE NOT NULL,
  reasonable_grounds_due DATE NOT NULL,
  stage                  TEXT NOT NULL CHECK (stage IN ('AWAITING_REASONABLE_GROUNDS',
                           'AWAITING_CONCLUSIVE_GROUNDS', 'CONCLUDED')),
  reflection_ends        DATE,
  conclusive_grounds_due DATE,
  removal_recorded_on    DATE,
  version                INT NOT NULL DEFAULT 0
);
CREATE INDEX identification_procedure_authority_idx
  ON identification_procedure (authority_agency_id, stage);

CREATE TABLE identification_decision (
  id                  UUID PRIMARY KEY,
  procedure_id        UUID NOT NULL REFERENCES identification_procedure (id),
  kind                TEXT NOT NULL CHECK (kind IN ('REASONABLE_GROUNDS', 'CONCLUSIVE_GROUNDS')),
  trafficking_status  TEXT NOT NULL CHECK (trafficking_status IN ('PossibleVictimOfTrafficking',
                        'ActualVictimOfTrafficking', 'NotAVictimOfTrafficking')),
  decision_making_org TEXT NOT NULL CHECK (decision_making_org IN ('Police', 'NGO',
                        'CourtOrProsecution', 'NonPoliceGovernmentalOrganization', 'Other')),
  grounds             TEXT NOT NULL CHECK (length(grounds) <= 4000),
  decided_by          UUID NOT NULL REFERENCES app_user (id),
  decided_by_name     TEXT NOT NULL,
  authority_name      TEXT NOT NULL,
  decided_at          TIMESTAMPTZ NOT NULL,
  decided_on          DATE NOT NULL,
  due_on              DATE NOT NULL,
  UNIQUE (procedure_id, kind)
);
