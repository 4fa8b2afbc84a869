-- review8: a location whose address is confidential (a shelter's, whose place must stay secret:
-- CoE Convention art. 12(1)(a) and (2), safety of victims; CETS 197 art. 11). Its addresses and its
-- coordinates never leave the instance in the public HSDS API, the HSDS exports or the public
-- directory pages (directory.hsds.HsdsReader); staff still see them for referrals. Marked by the
-- directory (DirectoryRecords.markConfidential) or by an imported HSDS location carrying
-- "confidential": true. Owned by `directory`.
ALTER TABLE directory_location ADD COLUMN confidential BOOLEAN NOT NULL DEFAULT false;
UPDATE directory_location SET confidential = true WHERE doc->>'confidential' = 'true';
