-- Referral between agencies (referral module) and child safeguards, return and residence
-- (cases.protection). Consent is recorded with each referral (SECURITY.md rule 4); a child's
-- referral rests on the guardian's best-interests determination instead (CRC art. 3).

CREATE TABLE referral (
  id                   UUID PRIMARY KEY,
  case_id              UUID NOT NULL REFERENCES case_file (id),
  from_agency_id       UUID NOT NULL REFERENCES agency (id),
  to_agency_id         UUID NOT NULL REFERENCES agency (id),
  service_id           UUID REFERENCES directory_service (id),
  service_type         TEXT NOT NULL,
  need                 TEXT,
  transfer             BOOLEAN NOT NULL DEFAULT FALSE,
  child                BOOLEAN NOT NULL,
  note                 TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
  status               TEXT NOT NULL CHECK (status IN ('PENDING', 'ACCEPTED', 'DECLINED',
                         'COMPLETED', 'REVOKED')),
  basis                TEXT NOT NULL CHECK (basis IN ('CONSENT', 'BEST_INTERESTS', 'OVERRIDE')),
  consent_given_by     TEXT,
  consent_at           TIMESTAMPTZ,
  consent_informed_how TEXT,
  consent_interpreter  BOOLEAN,
  scope                TEXT[] NOT NULL DEFAULT '{}',
  best_interests_id    UUID,
  override_reason      TEXT,
  created_by           TEXT NOT NULL,
  created_at           TIMESTAMPTZ NOT NULL,
  due_at               TIMESTAMPTZ NOT NULL,
  answered_at          TIMESTAMPTZ,
  decline_code         TEXT,
  decline_text         TEXT,
  closed_at            TIMESTAMPTZ,
  idempotency_key      TEXT,
  version              INT NOT NULL DEFAULT 0
);
CREATE INDEX referral_case_idx ON referral (case_id, created_at DESC);
CREATE INDEX referral_to_idx ON referral (to_agency_id, status, due_at);
CREATE INDEX referral_from_idx ON referral (from_agency_id, created_at DESC);
CREATE UNIQUE INDEX referral_idempotency_idx ON referral (created_by, idempotency_key)
  WHERE idempotency_key IS NOT NULL;

CREATE TABLE child_guardian (
  id            UUID PRIMARY KEY,
  case_id       UUID NOT NULL REFERENCES case_file (id),
  guardian_name TEXT NOT NULL CHECK (length(guardian_name) BETWEEN 1 AND 200),
  organisation  TEXT NOT NULL DEFAULT '',
  authority     TEXT NOT NULL CHECK (length(authority) BETWEEN 1 AND 200),
  appointed_on  DATE NOT NULL,
  ended_on      DATE,
  recorded_by   TEXT NOT NULL,
  recorded_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX child_guardian_case_idx ON child_guardian (case_id);

CREATE TABLE child_best_interests (
  id           UUID PRIMARY KEY,
  case_id      UUID NOT NULL REFERENCES case_file (id),
  kind         TEXT NOT NULL CHECK (kind IN ('ASSESSMENT', 'DETERMINATION')),
  done_on      DATE NOT NULL,
  conducted_by TEXT NOT NULL,
  guardian_id  UUID REFERENCES child_guardian (id),
  child_heard  BOOLEAN NOT NULL,
  outcome      TEXT,
  summary      TEXT NOT NULL DEFAULT '',
  recorded_by  TEXT NOT NULL,
  recorded_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX child_best_interests_case_idx ON child_best_interests (case_id, done_on);

CREATE TABLE return_risk_assessment (
  id                     UUID PRIMARY KEY,
  case_id                UUID NOT NULL REFERENCES case_file (id),
  destination_country    CHAR(2) NOT NULL,
  assessed_on            DATE NOT NULL,
  risk_to_life_or_freedom BOOLEAN NOT NULL,
  risk_of_torture        BOOLEAN NOT NULL,
  risk_of_serious_harm   BOOLEAN NOT NULL,
  risk_of_retrafficking  BOOLEAN NOT NULL,
  sources                TEXT NOT NULL CHECK (length(sources) BETWEEN 1 AND 2000),
  recorded_by            TEXT NOT NULL,
  recorded_at            TIMESTAMPTZ NOT NULL
);
CREATE INDEX return_risk_case_idx ON return_risk_assessment (case_id, assessed_on);

CREATE TABLE case_return (
  id                  UUID PRIMARY KEY,
  case_id             UUID NOT NULL REFERENCES case_file (id),
  kind                TEXT NOT NULL CHECK (kind IN ('ASSISTED_VOLUNTARY', 'OTHER')),
  destination_country CHAR(2) NOT NULL,
  return_on           DATE NOT NULL,
  risk_assessment_id  UUID NOT NULL REFERENCES return_risk_assessment (id),
  free_choice         BOOLEAN,
  informed_decision   BOOLEAN,
  best_interests_id   UUID REFERENCES child_best_interests (id),
  recorded_by         TEXT NOT NULL,
  recorded_at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX case_return_case_idx ON case_return (case_id);

CREATE TABLE reintegration_followup (
  id          UUID PRIMARY KEY,
  case_id     UUID NOT NULL REFERENCES case_file (id),
  description TEXT NOT NULL CHECK (length(description) BETWEEN 1 AND 500),
  due_on      DATE NOT NULL,
  done_on     DATE,
  recorded_by TEXT NOT NULL,
  recorded_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX reintegration_followup_case_idx ON reintegration_followup (case_id, due_on);

CREATE TABLE residence_permit (
  id          UUID PRIMARY KEY,
  case_id     UUID NOT NULL REFERENCES case_file (id),
  kind        TEXT NOT NULL CHECK (kind IN ('REFLECTION_PERIOD', 'VICTIM_RESIDENCE',
                'ASYLUM_SEEKER', 'INTERNATIONAL_PROTECTION', 'HUMANITARIAN', 'OTHER')),
  valid_from  DATE NOT NULL,
  valid_to    DATE NOT NULL CHECK (valid_to >= valid_from),
  recorded_by TEXT NOT NULL,
  recorded_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX residence_permit_case_idx ON residence_permit (case_id, valid_to);
CREATE INDEX residence_permit_expiry_idx ON residence_permit (valid_to);

-- Whether the person cooperates with the authorities: recorded for information only. No referral,
-- shelter place or residence step reads it (CoE Convention art. 12(6)).
CREATE TABLE case_cooperation (
  case_id     UUID PRIMARY KEY REFERENCES case_file (id),
  status      TEXT NOT NULL CHECK (status IN ('NOT_ASKED', 'UNDECIDED', 'AGREED', 'DECLINED')),
  recorded_by TEXT NOT NULL,
  recorded_at TIMESTAMPTZ NOT NULL
);
