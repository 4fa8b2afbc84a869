-- Issue #14 item 14: messages between the sender and the recipient of a referral ("bed allocated,
-- arrive 10:00"). Owned by `referral`. The text is sealed under the case's data key like the
-- referral's note (V17): there is no plaintext column, and erasing the case's data key shreds it;
-- erasure also deletes the rows (referral.ReferralErasure). case_id is the referral's, kept here so
-- that subject access and erasure find the messages of a case in one statement.
CREATE TABLE referral_message (
  id               UUID PRIMARY KEY,
  referral_id      UUID NOT NULL REFERENCES referral (id),
  case_id          UUID NOT NULL REFERENCES case_file (id),
  author_id        UUID NOT NULL,
  author_agency_id UUID NOT NULL,
  created_at       TIMESTAMPTZ NOT NULL,
  text_sealed      BYTEA NOT NULL
);
CREATE INDEX referral_message_referral_idx ON referral_message (referral_id, created_at, id);
CREATE INDEX referral_message_case_idx ON referral_message (case_id);
