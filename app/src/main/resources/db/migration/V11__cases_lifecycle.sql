-- Persons and cases, full shape (issue 4 §1): HTCDS person and victim context, journey
-- events, the case lifecycle with supervisor approval, assignment, focal points, tasks,
-- optimistic locking of persons, and the Idempotency-Key store of the API.

ALTER TABLE person
  ADD COLUMN version             INT NOT NULL DEFAULT 0,
  ADD COLUMN sex                 TEXT CHECK (sex IN ('FEMALE', 'MALE', 'INTERSEX', 'UNKNOWN')),
  ADD COLUMN name_tokens         TEXT[] NOT NULL DEFAULT '{}',
  ADD COLUMN trafficking_status  TEXT CHECK (trafficking_status IN ('PossibleVictimOfTrafficking',
                                   'ActualVictimOfTrafficking', 'NotAVictimOfTrafficking')),
  ADD COLUMN control_methods     TEXT[] NOT NULL DEFAULT '{}',
  ADD COLUMN exploitation_types  TEXT[] NOT NULL DEFAULT '{}',
  ADD COLUMN industry            TEXT,
  ADD COLUMN recruitment_methods TEXT[] NOT NULL DEFAULT '{}',
  ADD COLUMN recruitment_city    TEXT,
  ADD COLUMN recruitment_country TEXT,
  ADD COLUMN cooperation         TEXT CHECK (cooperation IN ('NOT_ASKED', 'COOPERATING',
                                   'DECLINED')),
  ADD COLUMN updated_at          TIMESTAMPTZ;
CREATE INDEX person_name_tokens_idx ON person USING GIN (name_tokens);

CREATE TABLE journey_event (
  id          UUID PRIMARY KEY,
  person_id   UUID NOT NULL REFERENCES person (id),
  position    INT NOT NULL,
  type        TEXT NOT NULL CHECK (type IN ('RECRUITMENT', 'TRANSIT', 'EXPLOITATION')),
  city        TEXT,
  country     TEXT CHECK (country IS NULL OR country ~ '^[A-Z]{2}$'),
  occurred_on DATE,
  description TEXT
);
CREATE INDEX journey_event_person_idx ON journey_event (person_id, position);

ALTER TABLE case_file
  ADD COLUMN assigned_to        UUID REFERENCES app_user (id),
  ADD COLUMN pending_transition TEXT,
  ADD COLUMN pending_by         UUID REFERENCES app_user (id),
  ADD COLUMN pending_at         TIMESTAMPTZ,
  ADD COLUMN updated_at         TIMESTAMPTZ;
CREATE INDEX case_file_status_idx ON case_file (owner_agency_id, status, opened_at DESC);
CREATE INDEX case_file_assigned_idx ON case_file (assigned_to);
CREATE INDEX case_file_person_idx ON case_file (person_id);

CREATE TABLE case_focal_point (
  case_id  UUID NOT NULL REFERENCES case_file (id),
  user_id  UUID NOT NULL REFERENCES app_user (id),
  added_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (case_id, user_id)
);

CREATE TABLE case_task (
  id           UUID PRIMARY KEY,
  case_id      UUID NOT NULL REFERENCES case_file (id),
  title        TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  due_on       DATE NOT NULL,
  assignee     UUID REFERENCES app_user (id),
  created_by   UUID NOT NULL REFERENCES app_user (id),
  created_at   TIMESTAMPTZ NOT NULL,
  completed_at TIMESTAMPTZ,
  completed_by UUID REFERENCES app_user (id)
);
CREATE INDEX case_task_case_idx ON case_task (case_id, due_on);
CREATE INDEX case_task_open_idx ON case_task (due_on) WHERE completed_at IS NULL;

-- Idempotency-Key of API requests that create: one row per user and key, kept 24 hours.
CREATE TABLE idempotency_key (
  user_id      UUID NOT NULL,
  key          TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
  request_hash TEXT NOT NULL,
  status       INT,
  location     TEXT,
  body         TEXT,
  created_at   TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (user_id, key)
);
CREATE INDEX idempotency_key_created_idx ON idempotency_key (created_at);
