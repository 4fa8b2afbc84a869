-- Idempotency keys and page submission tokens belong to the user's stable id, not the username
-- (which an administrator can rename, or give again to someone else after the account is gone),
-- and their request fingerprints become HMAC-SHA-256 under a key the database does not hold
-- (org.palermo.app.platform.Idempotency). The rows are kept 24 hours and their old SHA-256
-- fingerprints cannot be carried over, so they are cleared rather than migrated: a client retrying
-- across the upgrade with a key it used before the upgrade runs once more.
DELETE FROM idempotency_record;
ALTER TABLE idempotency_record DROP CONSTRAINT idempotency_record_pkey;
ALTER TABLE idempotency_record DROP COLUMN owner;
ALTER TABLE idempotency_record ADD COLUMN owner_id UUID NOT NULL;
ALTER TABLE idempotency_record ADD PRIMARY KEY (owner_id, key);
