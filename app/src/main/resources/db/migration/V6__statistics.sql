-- Statistics: the read model of registered victims (fed by PersonRegistered events, never by
-- the case tables), the privacy-budget ledger, the record of releases, and imported CTDC
-- reference datasets. No names, no dates of birth, no contact details anywhere here.

CREATE TABLE statistics_victim (
  case_id                 UUID PRIMARY KEY,
  registered_on           DATE NOT NULL,
  registration_year       INT NOT NULL,
  gender                  TEXT,
  age_at_registration     INT CHECK (age_at_registration >= 0),
  minor_at_registration   BOOLEAN,
  citizenship             CHAR(2),
  country_of_exploitation CHAR(2),
  exploitation_types      TEXT[] NOT NULL DEFAULT '{}',
  owner_agency_type       TEXT,
  synthetic               BOOLEAN NOT NULL,
  received_at             TIMESTAMPTZ NOT NULL
);

-- One charge per differentially private release; (dataset_id, sequence) refuses a second
-- charge with the same number, so two concurrent releases cannot both spend the last of a
-- budget. Updates, deletes and truncation are refused: spent budget is never given back.
CREATE TABLE privacy_ledger (
  dataset_id  TEXT NOT NULL,
  sequence    BIGINT NOT NULL CHECK (sequence >= 0),
  epsilon     NUMERIC NOT NULL CHECK (epsilon > 0),
  delta       NUMERIC NOT NULL CHECK (delta >= 0 AND delta < 1),
  purpose     TEXT NOT NULL,
  released_by TEXT NOT NULL,
  charged_at  TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (dataset_id, sequence)
);

CREATE FUNCTION privacy_ledger_is_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'privacy_ledger is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER privacy_ledger_no_update BEFORE UPDATE OR DELETE ON privacy_ledger
  FOR EACH ROW EXECUTE FUNCTION privacy_ledger_is_append_only();
CREATE TRIGGER privacy_ledger_no_truncate BEFORE TRUNCATE ON privacy_ledger
  FOR EACH STATEMENT EXECUTE FUNCTION privacy_ledger_is_append_only();

-- Every release made, with its JSON sidecar and the files written.
CREATE SEQUENCE statistics_release_seq;

CREATE TABLE statistics_release (
  id          BIGINT PRIMARY KEY,
  name        TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('microdata', 'table', 'dp-table')),
  dataset_id  TEXT NOT NULL,
  released_at TIMESTAMPTZ NOT NULL,
  released_by TEXT NOT NULL,
  files       TEXT[] NOT NULL,
  sidecar     JSONB NOT NULL
);
CREATE INDEX statistics_release_dataset_idx ON statistics_release (dataset_id, released_at);

-- Imported CTDC-format reference data (e.g. the CTDC global dataset), kept apart from the
-- victims registered here. Flags are packed as in privacy's CtdcFlags: bit n of flags_known is
-- set when flag n is 0 or 1, bit n of flags_ones when it is 1.
CREATE TABLE statistics_reference_dataset (
  name        TEXT PRIMARY KEY,
  source_file TEXT NOT NULL,
  records     BIGINT NOT NULL,
  imported_at TIMESTAMPTZ NOT NULL,
  imported_by TEXT NOT NULL
);

CREATE TABLE statistics_reference_record (
  dataset                    TEXT NOT NULL REFERENCES statistics_reference_dataset (name),
  seq                        BIGINT NOT NULL,
  year_of_registration       INT,
  datasource                 TEXT,
  gender                     TEXT,
  age_broad                  TEXT,
  majority_status            TEXT,
  majority_status_at_exploit TEXT,
  majority_entry             TEXT,
  citizenship                CHAR(2),
  country_of_exploitation    CHAR(2),
  traffick_months            INT,
  flags_known                BIGINT NOT NULL,
  flags_ones                 BIGINT NOT NULL,
  PRIMARY KEY (dataset, seq)
);
