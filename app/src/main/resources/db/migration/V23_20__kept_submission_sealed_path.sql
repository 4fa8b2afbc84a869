-- review8: the path a kept form posted to names the case (/cases/<id>/...): it is sealed with the
-- fields under the row's own data key (path_sealed), never kept in the clear (SECURITY.md, sealed
-- at rest; GDPR art. 32). Rows kept before this version keep `path` until the application seals it
-- at start (access.KeptSubmissions.sealLegacyPaths, then the column stays null); expired rows go now
-- (their data keys are purged with the next run of KeptSubmissions.purgeExpired).
ALTER TABLE kept_submission ADD COLUMN path_sealed TEXT;
ALTER TABLE kept_submission ALTER COLUMN path DROP NOT NULL;
ALTER TABLE kept_submission
  ADD CONSTRAINT kept_submission_path_sealed CHECK ((path IS NULL) <> (path_sealed IS NULL));
