-- The purpose of processing and the recruitment city of a person are sealed at rest like the
-- person's other free text (issue #11 item 12; docs/security.md, "Encryption at rest"): both are
-- written by caseworkers as free text about one person (the city can point at a small place and,
-- with the date and citizenship, at the person), so each gets a <column>_sealed BYTEA holding
-- AES-256-GCM ciphertext under the person's data key, bound to table, column and row; erasing the
-- person's key shreds them. The plaintext columns stay only to carry rows stored before: nullable
-- from now on, written NULL by the application, and emptied at start-up by
-- platform.crypto.PlaintextSealing (CasesSealedColumns). Readers fall back to the plaintext while a
-- row waits. Old plaintext stays in dead tuples and the WAL until the operator's step in
-- docs/operations.md, "After an upgrade that seals columns".
ALTER TABLE person
  ALTER COLUMN purpose DROP NOT NULL,
  ADD COLUMN purpose_sealed BYTEA,
  ADD COLUMN recruitment_city_sealed BYTEA;
