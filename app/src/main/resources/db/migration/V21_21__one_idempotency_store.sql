-- One idempotency mechanism (issue #12 §2, issue #14 §1 item 1): one table for the
-- Idempotency-Key of every API call that creates and for the one-time submission token of every
-- page form, owned by `platform` (org.palermo.app.platform.Idempotency). A key is 1 to 200
-- characters, unique per signed-in user (owner = the username), and kept 24 hours.
--
-- The three stores it replaces are dropped, not migrated: `idempotency_key` (cases API, kept 24 h),
-- `care_idempotency` (care API, kept for ever) and `referral.idempotency_key` (referral API). Their
-- rows hashed other things than the new fingerprint (method, path and body), so none could be
-- replayed faithfully; a client retrying across the upgrade with an old key runs once more.
CREATE TABLE idempotency_record (
  owner        TEXT NOT NULL CHECK (length(owner) BETWEEN 1 AND 200),
  key          TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
  request_hash TEXT NOT NULL,
  status       INT,
  location     TEXT,
  body         TEXT,
  created_at   TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (owner, key)
);
CREATE INDEX idempotency_record_created_idx ON idempotency_record (created_at);

DROP TABLE idempotency_key;
DROP TABLE care_idempotency;
DROP INDEX referral_idempotency_idx;
ALTER TABLE referral DROP COLUMN idempotency_key;
