-- Free-text case contents are sealed at rest (issue 5 §4; SECURITY.md rule 6; docs/security.md,
-- "Encryption at rest"): every column below gets a <column>_sealed BYTEA holding AES-256-GCM
-- ciphertext under the data key of the case (of the person for journey events, of the screening
-- for identification decisions), bound to its table, column and row. The plaintext column stays
-- only to carry rows stored before V17: it is nullable from now on, the application writes NULL to
-- it, and the start-up step platform.crypto.PlaintextSealing seals every old row and sets its
-- plaintext to NULL (the key is outside the database, so SQL alone cannot). Readers use the sealed
-- column and fall back to the plaintext one while a row waits for that step.
-- Length limits that were CHECKs on the plaintext are enforced by the application (400 errors).

ALTER TABLE care_note
  ALTER COLUMN body DROP NOT NULL,
  ADD COLUMN body_sealed BYTEA;

ALTER TABLE care_assessment
  ALTER COLUMN summary DROP NOT NULL,
  ALTER COLUMN summary DROP DEFAULT,
  ADD COLUMN summary_sealed BYTEA;

ALTER TABLE care_assessment_factor
  ALTER COLUMN note DROP NOT NULL,
  ALTER COLUMN note DROP DEFAULT,
  ADD COLUMN note_sealed BYTEA;

ALTER TABLE care_plan_objective
  ALTER COLUMN objective DROP NOT NULL,
  ALTER COLUMN action_plan DROP NOT NULL,
  ALTER COLUMN action_plan DROP DEFAULT,
  ADD COLUMN objective_sealed BYTEA,
  ADD COLUMN action_plan_sealed BYTEA;

ALTER TABLE care_service
  ALTER COLUMN note DROP NOT NULL,
  ALTER COLUMN note DROP DEFAULT,
  ADD COLUMN note_sealed BYTEA;

ALTER TABLE referral
  DROP CONSTRAINT IF EXISTS referral_note_check,
  ALTER COLUMN note DROP NOT NULL,
  ALTER COLUMN note DROP DEFAULT,
  ADD COLUMN note_sealed BYTEA,
  ADD COLUMN override_reason_sealed BYTEA,
  ADD COLUMN decline_text_sealed BYTEA;

ALTER TABLE child_guardian
  DROP CONSTRAINT IF EXISTS child_guardian_guardian_name_check,
  ALTER COLUMN guardian_name DROP NOT NULL,
  ADD COLUMN guardian_name_sealed BYTEA;

ALTER TABLE child_best_interests
  ALTER COLUMN summary DROP NOT NULL,
  ALTER COLUMN summary DROP DEFAULT,
  ADD COLUMN summary_sealed BYTEA;

ALTER TABLE return_risk_assessment
  DROP CONSTRAINT IF EXISTS return_risk_assessment_sources_check,
  ALTER COLUMN sources DROP NOT NULL,
  ADD COLUMN sources_sealed BYTEA;

ALTER TABLE reintegration_followup
  DROP CONSTRAINT IF EXISTS reintegration_followup_description_check,
  ALTER COLUMN description DROP NOT NULL,
  ADD COLUMN description_sealed BYTEA;

ALTER TABLE journey_event
  ADD COLUMN description_sealed BYTEA;

ALTER TABLE identification_decision
  DROP CONSTRAINT IF EXISTS identification_decision_grounds_check,
  ALTER COLUMN grounds DROP NOT NULL,
  ADD COLUMN grounds_sealed BYTEA;
