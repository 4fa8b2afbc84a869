-- An expired session loses nothing (issue #14 item 3): a page form posted after the session ended
-- is kept here, sealed with its own data key (FieldCipher, record id = id), for the user whose
-- session it was, until that user signs in again in the same browser (the browser holds only a
-- random handle, in a short-lived cookie; only its SHA-256 is stored). Single use: the row and its
-- data key are deleted when the user is shown the kept answers, and at the latest when it expires
-- (30 minutes). Owned by `access` (org.palermo.app.access.KeptSubmissions).
CREATE TABLE kept_submission (
  id          UUID PRIMARY KEY,
  handle_hash BYTEA NOT NULL UNIQUE,
  user_id     UUID NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  path        TEXT NOT NULL CHECK (length(path) BETWEEN 1 AND 2000),
  fields      TEXT NOT NULL,
  kept_at     TIMESTAMPTZ NOT NULL,
  expires_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX kept_submission_expires_idx ON kept_submission (expires_at);
