-- Name search of an agency's case list (issue 4 figure, bench/cases.md): the blind name tokens of
-- each case's person, keyed by the case's owning agency, so that a search reads only the owning
-- agency's namesakes from one index instead of every agency's namesakes joined to the agency's
-- cases. Kept by the triggers below from person_name_token and case_file, whatever code writes
-- them (registration, a name correction, a transfer, erasure). Holds no more than those two
-- tables already hold: keyed hashes and ids.
CREATE TABLE case_name_token (
  owner_agency_id UUID NOT NULL,
  token           TEXT NOT NULL,
  case_id         UUID NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
  PRIMARY KEY (owner_agency_id, token, case_id)
);
CREATE INDEX case_name_token_case_idx ON case_name_token (case_id);

-- A new case, a transfer to another agency, or a case moved to another person.
CREATE FUNCTION case_name_token_from_case() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NEW.owner_agency_id = OLD.owner_agency_id AND NEW.person_id = OLD.person_id THEN
      RETURN NULL;
    END IF;
    DELETE FROM case_name_token WHERE case_id = NEW.id;
  END IF;
  INSERT INTO case_name_token (owner_agency_id, token, case_id)
    SELECT NEW.owner_agency_id, t.token, NEW.id FROM person_name_token t
    WHERE t.person_id = NEW.person_id
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER case_name_token_case
  AFTER INSERT OR UPDATE OF owner_agency_id, person_id ON case_file
  FOR EACH ROW EXECUTE FUNCTION case_name_token_from_case();

-- A person's tokens written (registration, a name correction) or removed (correction, erasure).
CREATE FUNCTION case_name_token_from_person() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO case_name_token (owner_agency_id, token, case_id)
      SELECT c.owner_agency_id, NEW.token, c.id FROM case_file c WHERE c.person_id = NEW.person_id
      ON CONFLICT DO NOTHING;
    RETURN NULL;
  END IF;
  DELETE FROM case_name_token n USING case_file c
    WHERE c.person_id = OLD.person_id AND n.case_id = c.id AND n.token = OLD.token;
  RETURN NULL;
END $$;
CREATE TRIGGER case_name_token_person
  AFTER INSERT OR DELETE ON person_name_token
  FOR EACH ROW EXECUTE FUNCTION case_name_token_from_person();

INSERT INTO case_name_token (owner_agency_id, token, case_id)
  SELECT c.owner_agency_id, t.token, c.id
  FROM case_file c JOIN person_name_token t ON t.person_id = c.person_id
  ON CONFLICT DO NOTHING;
