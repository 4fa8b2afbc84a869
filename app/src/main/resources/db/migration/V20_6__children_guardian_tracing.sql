-- Children first, what was missing (issue 13 §3).
--
-- 1. A guardian who can be reached: the guardian's agency (an agency of the instance) or user
--    account, and contact details sealed under the case's data key like other case text.
ALTER TABLE child_guardian
  ADD COLUMN guardian_agency_id UUID REFERENCES agency (id),
  ADD COLUMN guardian_user_id   UUID REFERENCES app_user (id),
  ADD COLUMN contact            TEXT,
  ADD COLUMN contact_sealed     BYTEA;

-- 2. The tasks the children's rules open on a case by themselves: "appoint a guardian" as soon as
--    a child who needs one is identified (CETS 197 art. 10(4); Directive 2011/36/EU arts. 14(2),
--    16(3)), and "inform the guardian in person or by phone" when a missing-child alert cannot
--    reach the guardian by a notification.
CREATE TABLE child_protection_task (
  task_id   UUID PRIMARY KEY REFERENCES case_task (id),
  case_id   UUID NOT NULL REFERENCES case_file (id),
  purpose   TEXT NOT NULL CHECK (purpose IN ('APPOINT_GUARDIAN', 'INFORM_GUARDIAN')),
  alert_id  UUID REFERENCES missing_child_alert (id)
);
CREATE INDEX child_protection_task_case_idx ON child_protection_task (case_id, purpose);

-- How the guardian was told of a missing-child alert: by a notification to the guardian's agency,
-- or in person or by phone, by whom and when (recorded when the task is done).
CREATE TABLE missing_child_guardian_notice (
  alert_id     UUID PRIMARY KEY REFERENCES missing_child_alert (id),
  case_id      UUID NOT NULL REFERENCES case_file (id),
  guardian_id  UUID NOT NULL REFERENCES child_guardian (id),
  channel      TEXT NOT NULL CHECK (channel IN ('NOTIFICATION', 'IN_PERSON_OR_PHONE')),
  task_id      UUID REFERENCES case_task (id),
  informed_by  TEXT CHECK (length(informed_by) BETWEEN 1 AND 200),
  informed_how TEXT CHECK (informed_how IN ('IN_PERSON', 'PHONE')),
  informed_at  TIMESTAMPTZ,
  recorded_by  TEXT,
  recorded_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX missing_child_guardian_notice_case_idx ON missing_child_guardian_notice (case_id);

-- 3. Family tracing (CRC GC 6 §§ 80–83; UNHCR Best Interests Procedure guidelines): who is
--    sought, through whom, where it stands; free text sealed under the case's data key. A safety
--    check is recorded before any status that means contact.
CREATE TABLE family_tracing (
  id            UUID PRIMARY KEY,
  case_id       UUID NOT NULL REFERENCES case_file (id),
  sought        TEXT,
  sought_sealed BYTEA,
  relationship  TEXT NOT NULL CHECK (relationship IN ('PARENT', 'SIBLING', 'GRANDPARENT',
                  'OTHER_RELATIVE', 'OTHER')),
  through       TEXT NOT NULL CHECK (through IN ('ICRC_RFL', 'NATIONAL_RED_CROSS', 'IOM',
                  'GUARDIAN', 'AUTHORITY', 'OTHER')),
  status        TEXT NOT NULL CHECK (status IN ('REQUESTED', 'IN_PROGRESS', 'FOUND', 'NOT_FOUND',
                  'CONTACT_MADE', 'REUNIFICATION_CONSIDERED', 'CLOSED')),
  notes         TEXT,
  notes_sealed  BYTEA,
  requested_on  DATE NOT NULL,
  recorded_by   TEXT NOT NULL,
  recorded_at   TIMESTAMPTZ NOT NULL,
  updated_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX family_tracing_case_idx ON family_tracing (case_id);

CREATE TABLE family_tracing_safety_check (
  id                            UUID PRIMARY KEY,
  tracing_id                    UUID NOT NULL REFERENCES family_tracing (id),
  case_id                       UUID NOT NULL REFERENCES case_file (id),
  checked_on                    DATE NOT NULL,
  checked_by                    TEXT NOT NULL CHECK (length(checked_by) BETWEEN 1 AND 200),
  risk_to_child                 BOOLEAN NOT NULL,
  risk_to_family                BOOLEAN NOT NULL,
  linked_to_suspected_exploiter BOOLEAN NOT NULL,
  child_views                   TEXT,
  child_views_sealed            BYTEA,
  best_interests                TEXT,
  best_interests_sealed         BYTEA,
  recorded_by                   TEXT NOT NULL,
  recorded_at                   TIMESTAMPTZ NOT NULL
);
CREATE INDEX family_tracing_safety_check_idx ON family_tracing_safety_check (tracing_id);
