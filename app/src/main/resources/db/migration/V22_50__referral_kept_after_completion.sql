-- Issue #14 item 15: after "Mark as completed" the recipient keeps the referral view (within the
-- consent scope) until kept_until: the period the service lasts, or until the sender withdraws it
-- (kept_until is then set to the moment of withdrawal). NULL: nothing kept (a referral completed
-- before this version, a transfer, or one never completed).
ALTER TABLE referral ADD COLUMN kept_until TIMESTAMPTZ;
CREATE INDEX referral_kept_idx ON referral (to_agency_id, kept_until) WHERE kept_until IS NOT NULL;
