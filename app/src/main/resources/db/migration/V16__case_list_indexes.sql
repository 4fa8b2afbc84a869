-- Indexes for the case list and name search under load (issue 4, bench/cases.md).
--
-- The agency's case list reads the matching case ids, their count and the page's order from the
-- index alone (index-only scan), instead of a parallel sequential scan of case_file for the
-- count. The (owner, status, ...) index serves the status filter, the (owner, ...) one the rest.
DROP INDEX IF EXISTS case_file_owner_idx;
DROP INDEX IF EXISTS case_file_status_idx;
CREATE INDEX case_file_owner_idx ON case_file (owner_agency_id, opened_at DESC, reference DESC)
  INCLUDE (id, person_id, status, assigned_to);
CREATE INDEX case_file_status_idx
  ON case_file (owner_agency_id, status, opened_at DESC, reference DESC)
  INCLUDE (id, person_id, assigned_to);

-- A blind token's persons straight from the index (token, person_id), so that name search joins
-- them to the agency's cases by hash instead of visiting every token row and probing the case of
-- every person who bears a common name in any agency.
DROP INDEX IF EXISTS person_name_token_idx;
CREATE INDEX person_name_token_idx ON person_name_token (token, person_id);

-- The child filter: children (minors and persons whose age is disputed) in a partial index, so
-- that "adults only" is an anti-join that finds nothing in a small index for each adult's case,
-- instead of reading every person's row.
CREATE INDEX person_child_idx ON person (id) WHERE age_disputed OR minor;

ANALYZE person;
ANALYZE case_file;
ANALYZE person_name_token;
