-- Shared case contracts used by several modules: the case timeline (cases, referral, care),
-- the age-disputed flag that makes a person a child for protection until assessed, and the
-- HTCDS Guidance 7 migration and protection statuses.

ALTER TABLE person
  ADD COLUMN age_disputed      BOOLEAN NOT NULL DEFAULT FALSE,
  ADD COLUMN migration_status  TEXT,
  ADD COLUMN protection_status TEXT;

CREATE TABLE case_timeline (
  id         BIGSERIAL PRIMARY KEY,
  case_id    UUID NOT NULL REFERENCES case_file (id),
  at         TIMESTAMPTZ NOT NULL,
  actor      TEXT NOT NULL,
  agency     TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind ~ '^[a-z][a-zA-Z0-9.]*$'),
  detail     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX case_timeline_case_idx ON case_timeline (case_id, at);
