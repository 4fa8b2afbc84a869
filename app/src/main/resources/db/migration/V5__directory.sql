-- Service providers and their services, shaped after Open Referral HSDS 3.0
-- (organization, location, service). The protection issue adds schedules, taxonomy,
-- import and export.

CREATE TABLE directory_organization (
  id          UUID PRIMARY KEY,
  agency_id   UUID REFERENCES agency (id),
  name        TEXT NOT NULL,
  description TEXT NOT NULL,
  email       TEXT,
  website     TEXT
);

CREATE TABLE directory_location (
  id              UUID PRIMARY KEY,
  organization_id UUID NOT NULL REFERENCES directory_organization (id),
  name            TEXT NOT NULL,
  city            TEXT NOT NULL,
  country         CHAR(2) NOT NULL,
  latitude        NUMERIC(9, 6),
  longitude       NUMERIC(9, 6)
);

CREATE TABLE directory_service (
  id              UUID PRIMARY KEY,
  organization_id UUID NOT NULL REFERENCES directory_organization (id),
  location_id     UUID REFERENCES directory_location (id),
  name            TEXT NOT NULL,
  description     TEXT NOT NULL,
  service_type    TEXT NOT NULL,
  status          TEXT NOT NULL CHECK (status IN ('active', 'inactive', 'defunct',
                    'temporarily closed')),
  languages       TEXT[] NOT NULL DEFAULT '{}'
);
CREATE INDEX directory_service_type_idx ON directory_service (service_type);
