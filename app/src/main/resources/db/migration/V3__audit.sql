-- The append-only, hash-chained audit trail. Each entry's hash covers its fields and the
-- previous entry's hash; `palermo audit verify` recomputes the chain. Updates, deletes and
-- truncation are refused by triggers.

CREATE TABLE audit_event (
  seq        BIGINT PRIMARY KEY,
  at         TIMESTAMPTZ NOT NULL,
  actor      TEXT NOT NULL,
  agency     TEXT NOT NULL,
  action     TEXT NOT NULL,
  target     TEXT NOT NULL,
  outcome    TEXT NOT NULL,
  detail     TEXT NOT NULL,
  prev_hash  TEXT NOT NULL,
  hash       TEXT NOT NULL
);
CREATE INDEX audit_event_target_idx ON audit_event (target);
CREATE INDEX audit_event_actor_idx ON audit_event (actor, at);

CREATE FUNCTION audit_event_is_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();
