-- Which persons a list, an export or a search showed (issue #11 item 17; ASVS 7.1): one row per
-- person per audit entry, so that a subject-access export answers "who saw my record" by an
-- index, not by reading every entry. The ids are also in the entry's detail, which the hash chain
-- covers; this table is the index. Append-only like audit_event.

CREATE TABLE audit_subject (
  person_id  UUID NOT NULL,
  audit_seq  BIGINT NOT NULL REFERENCES audit_event (seq),
  PRIMARY KEY (person_id, audit_seq)
);

CREATE TRIGGER audit_subject_no_update BEFORE UPDATE OR DELETE ON audit_subject
  FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
CREATE TRIGGER audit_subject_no_truncate BEFORE TRUNCATE ON audit_subject
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();
