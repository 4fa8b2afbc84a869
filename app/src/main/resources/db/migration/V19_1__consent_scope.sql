-- Issue 11 item 1: the consent scope of a transfer limits what the new owner holds.
-- NULL: the case is not limited (registered by the owning agency, or moved before V19_1).
-- Otherwise the field groups the person consented to hand over with the transfer; the access
-- policy intersects the owner's grant with them (docs/security.md, "Consent scopes").
ALTER TABLE case_file ADD COLUMN consent_scope TEXT[];

-- Issue 13 §2: a competent authority is classified by its function. sits_in names the
-- enforcement body an agency is a unit of (NULL: independent); the firewall treats such an agency
-- as that enforcement body.
ALTER TABLE agency ADD COLUMN sits_in TEXT
  CHECK (sits_in IN ('LAW_ENFORCEMENT', 'IMMIGRATION_ENFORCEMENT'));
