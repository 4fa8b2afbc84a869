-- Persons and cases: the first, minimal shape. The protection issue extends it
-- (journey events, assessments, support plans, services, attachments).

CREATE TABLE person (
  id                   UUID PRIMARY KEY,
  given_name           TEXT NOT NULL,
  family_name          TEXT,
  name_latin           TEXT NOT NULL,
  birth_date           DATE,
  birth_date_estimated BOOLEAN NOT NULL DEFAULT FALSE,
  gender               TEXT CHECK (gender IN ('Feminine', 'Masculine', 'TransgenderFeminine',
                         'TransgenderMasculine', 'NonConforming', 'NonSpecifiedUnknown')),
  citizenships         TEXT[] NOT NULL DEFAULT '{}',
  languages            TEXT[] NOT NULL DEFAULT '{}',
  legal_basis          TEXT NOT NULL CHECK (legal_basis IN ('CONSENT', 'VITAL_INTEREST',
                         'PUBLIC_INTEREST', 'LEGAL_OBLIGATION')),
  purpose              TEXT NOT NULL,
  owner_agency_id      UUID NOT NULL REFERENCES agency (id),
  synthetic            BOOLEAN NOT NULL DEFAULT FALSE,
  created_at           TIMESTAMPTZ NOT NULL
);
CREATE INDEX person_owner_idx ON person (owner_agency_id);

CREATE TABLE case_file (
  id              UUID PRIMARY KEY,
  reference       TEXT NOT NULL UNIQUE,
  person_id       UUID NOT NULL REFERENCES person (id),
  owner_agency_id UUID NOT NULL REFERENCES agency (id),
  status          TEXT NOT NULL CHECK (status IN ('IDENTIFIED', 'OPEN', 'ASSESSMENT',
                    'SUPPORT_PLAN', 'SERVICES', 'CLOSED')),
  opened_at       TIMESTAMPTZ NOT NULL,
  closed_at       TIMESTAMPTZ,
  version         INT NOT NULL DEFAULT 0
);
CREATE INDEX case_file_owner_idx ON case_file (owner_agency_id, opened_at DESC);

CREATE SEQUENCE case_reference_seq;
