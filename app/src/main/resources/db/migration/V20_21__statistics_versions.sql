-- The statistics follow corrections and transfers (issue 12 §3): each victim row remembers the
-- version of the person record (PersonChanged) and of the case record (CaseTransferred) it last
-- applied, so that an event delivered late never overwrites a newer one. A row from
-- PersonRegistered starts at 0 for both.
ALTER TABLE statistics_victim ADD COLUMN person_version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE statistics_victim ADD COLUMN owner_version BIGINT NOT NULL DEFAULT 0;
