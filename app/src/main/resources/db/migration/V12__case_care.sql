-- What a case holds (issue 4 §1, "a case also holds"): risk and vulnerability assessments at four
-- levels, a support plan with objectives (HTCDS spl_), services delivered, case notes (HTCDS
-- cco_CaseComment) and encrypted attachments. Owned by cases.care; see docs/case-care.md.

-- One assessment of one level (IOM determinants of migrant vulnerability: individual, household,
-- community, structural). Repeated during the case: every assessment is kept.
CREATE TABLE care_assessment (
  id              UUID PRIMARY KEY,
  case_id         UUID NOT NULL REFERENCES case_file (id),
  level           TEXT NOT NULL CHECK (level IN ('INDIVIDUAL', 'HOUSEHOLD', 'COMMUNITY',
                    'STRUCTURAL')),
  assessed_on     DATE NOT NULL,
  summary         TEXT NOT NULL DEFAULT '',
  recorded_by     TEXT NOT NULL,
  recorded_agency TEXT NOT NULL,
  recorded_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX care_assessment_case_idx ON care_assessment (case_id, assessed_on DESC, recorded_at DESC);

CREATE TABLE care_assessment_factor (
  assessment_id UUID NOT NULL REFERENCES care_assessment (id),
  factor        TEXT NOT NULL,
  rating        TEXT NOT NULL CHECK (rating IN ('RISK', 'PROTECTIVE', 'NOT_ASSESSED')),
  note          TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (assessment_id, factor)
);

-- One objective of the support plan (HTCDS spl_Objectives, spl_ActionPlan, spl_PlannedEndDate,
-- spl_ActualEndDate, spl_Type).
CREATE TABLE care_plan_objective (
  id              UUID PRIMARY KEY,
  case_id         UUID NOT NULL REFERENCES case_file (id),
  type            TEXT NOT NULL CHECK (type IN ('Education', 'Financial', 'Health',
                    'LabourExploitationRehabilitation', 'Legal', 'Livelihood',
                    'RightsBasedTraining', 'SexualExploitationRehabilitation', 'SocialCare')),
  objective       TEXT NOT NULL,
  action_plan     TEXT NOT NULL DEFAULT '',
  planned_end     DATE,
  actual_end      DATE,
  status          TEXT NOT NULL CHECK (status IN ('OPEN', 'ACHIEVED', 'NOT_ACHIEVED')),
  recorded_by     TEXT NOT NULL,
  recorded_agency TEXT NOT NULL,
  recorded_at     TIMESTAMPTZ NOT NULL,
  version         INT NOT NULL DEFAULT 0
);
CREATE INDEX care_plan_objective_case_idx ON care_plan_objective (case_id, recorded_at);

-- A service delivered: by an agency in Palermo or by a named provider outside it.
CREATE TABLE care_service (
  id                 UUID PRIMARY KEY,
  case_id            UUID NOT NULL REFERENCES case_file (id),
  service_type       TEXT NOT NULL,
  delivered_on       DATE NOT NULL,
  provider_agency_id UUID REFERENCES agency (id),
  provider_name      TEXT,
  objective_id       UUID REFERENCES care_plan_objective (id),
  note               TEXT NOT NULL DEFAULT '',
  recorded_by        TEXT NOT NULL,
  recorded_agency    TEXT NOT NULL,
  recorded_at        TIMESTAMPTZ NOT NULL,
  CHECK ((provider_agency_id IS NULL) <> (provider_name IS NULL))
);
CREATE INDEX care_service_case_idx ON care_service (case_id, delivered_on DESC);

-- Case notes: append-only (no update or delete path in the application).
CREATE TABLE care_note (
  id           UUID PRIMARY KEY,
  case_id      UUID NOT NULL REFERENCES case_file (id),
  body         TEXT NOT NULL,
  health       BOOLEAN NOT NULL DEFAULT FALSE,
  author       TEXT NOT NULL,
  author_agency TEXT NOT NULL,
  written_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX care_note_case_idx ON care_note (case_id, written_at DESC);

-- Attachments, encrypted with AES-256-GCM under a fresh data key per attachment; the data key is
-- stored wrapped by the master key (outside the database). The file name is encrypted too.
-- Each encrypted column holds the 12-byte IV followed by the ciphertext and tag.
CREATE TABLE care_attachment (
  id              UUID PRIMARY KEY,
  case_id         UUID NOT NULL REFERENCES case_file (id),
  content_type    TEXT NOT NULL CHECK (content_type IN ('application/pdf', 'image/png',
                    'image/jpeg', 'text/plain')),
  size_bytes      BIGINT NOT NULL,
  wrapped_key     BYTEA NOT NULL,
  key_id          TEXT NOT NULL,
  file_name       BYTEA NOT NULL,
  content         BYTEA NOT NULL,
  uploaded_by     TEXT NOT NULL,
  uploaded_agency TEXT NOT NULL,
  uploaded_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX care_attachment_case_idx ON care_attachment (case_id, uploaded_at DESC);

-- Idempotency-Key of the create calls of the care API: a repeated key by the same user answers
-- with what the first call created, instead of creating it twice.
CREATE TABLE care_idempotency (
  user_id    UUID NOT NULL,
  idem_key   TEXT NOT NULL,
  scope      TEXT NOT NULL,
  result_id  UUID,
  created_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (user_id, idem_key)
);
