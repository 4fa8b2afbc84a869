-- Every person read and write goes through the cipher (issue 5 §4, SECURITY.md rule 6): no
-- plaintext name, name key or date of birth is left in the database. See docs/security.md.

-- The plaintext consonant-skeleton tokens of the cases module (V11) are replaced by blind tokens
-- (HMACs) in person_name_token; the plaintext transliterated name goes too.
DROP INDEX IF EXISTS person_name_tokens_idx;
ALTER TABLE person DROP COLUMN name_tokens;
UPDATE person SET name_latin = NULL WHERE name_latin IS NOT NULL;

-- minor: under 18 today, from the sealed date of birth. Written with every write of the person
-- and refreshed daily (and at start-up) for those who turn 18, so the case list can filter
-- children without a plaintext date of birth. at_rest: the row's names and date of birth are
-- sealed and its blind tokens written; rows stored before V15 are false until the start-up
-- backfill (cases.application.PersonSealingBackfill) seals them, empties birth_date and writes
-- their tokens — the key is outside the database, so SQL alone cannot.
ALTER TABLE person
  ADD COLUMN minor   BOOLEAN NOT NULL DEFAULT FALSE,
  ADD COLUMN at_rest BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX person_not_at_rest_idx ON person (id) WHERE NOT at_rest;
CREATE INDEX person_minor_idx ON person (id) WHERE minor;
