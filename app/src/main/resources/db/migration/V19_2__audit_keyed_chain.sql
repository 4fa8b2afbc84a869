-- The keyed audit chain (issue 11, item 6). Each entry records how its hash was computed:
--   1 = SHA-256 over the previous hash and the entry's fields (every entry written before this
--       migration; anyone holding the database could rewrite an entry and recompute them);
--   2 = HMAC-SHA-256 over the same, under a key derived from a data key wrapped by the master key
--       (audit.AuditHash), so that holding the database is not enough to recompute the chain.
-- Existing entries keep version 1 and verify as before; the application appends a keyed entry
-- that covers the last unkeyed head at its next start (audit.AuditLog#anchorUnkeyedChain), and
-- `palermo audit verify` accepts unkeyed entries only before the first keyed one.
-- Adding a column with a default fires no row trigger, so the append-only triggers stay as they are.
ALTER TABLE audit_event ADD COLUMN hash_version SMALLINT NOT NULL DEFAULT 1;
ALTER TABLE audit_event ALTER COLUMN hash_version DROP DEFAULT;
ALTER TABLE audit_event ADD CONSTRAINT audit_event_hash_version_known CHECK (hash_version IN (1, 2));
