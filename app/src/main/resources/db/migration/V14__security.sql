-- Data protection by design (issue 5): per-record data keys wrapped by a master key held outside
-- the database, blind indexes for name search, disclosures, break-the-glass, notifications,
-- legal holds and erasure requests. See docs/security.md.

-- One AES-256 data key per record, wrapped (AES-GCM) by the master key named master_key_id.
-- Rotation re-wraps these rows; the data they protect is never re-encrypted.
CREATE TABLE data_key (
  record_id     UUID PRIMARY KEY,
  master_key_id TEXT NOT NULL,
  wrapped       BYTEA NOT NULL,
  created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX data_key_master_idx ON data_key (master_key_id);

-- Person names and date of birth are sealed: given_name/family_name hold ciphertext
-- ("pal1:..."), birth_date moves to birth_date_sealed, and name search goes through
-- HMAC tokens of the normalised name instead of the plaintext name_latin.
ALTER TABLE person
  ALTER COLUMN name_latin DROP NOT NULL,
  ADD COLUMN birth_date_sealed TEXT;

CREATE TABLE person_name_token (
  person_id UUID NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  token     TEXT NOT NULL,
  PRIMARY KEY (person_id, token)
);
CREATE INDEX person_name_token_idx ON person_name_token (token);

-- Disclosures a caseworker records with the person's consent (SECURITY.md rule 3).
CREATE TABLE disclosure (
  id                UUID PRIMARY KEY,
  case_id           UUID NOT NULL REFERENCES case_file (id),
  to_agency_id      UUID NOT NULL REFERENCES agency (id),
  field_groups      TEXT[] NOT NULL CHECK (cardinality(field_groups) > 0),
  purpose           TEXT NOT NULL,
  purpose_detail    TEXT NOT NULL DEFAULT '' CHECK (length(purpose_detail) <= 500),
  consent_reference TEXT NOT NULL CHECK (length(consent_reference) BETWEEN 1 AND 200),
  disclosed_by      UUID NOT NULL REFERENCES app_user (id),
  disclosed_at      TIMESTAMPTZ NOT NULL,
  expires_at        TIMESTAMPTZ NOT NULL,
  revoked_by        UUID REFERENCES app_user (id),
  revoked_at        TIMESTAMPTZ,
  revoke_consent_reference TEXT
);
CREATE INDEX disclosure_case_idx ON disclosure (case_id, disclosed_at DESC);
CREATE INDEX disclosure_recipient_idx ON disclosure (to_agency_id, case_id);

-- Break-the-glass: a reasoned, time-limited read of a case of another agency.
CREATE TABLE break_glass (
  id         UUID PRIMARY KEY,
  case_id    UUID NOT NULL REFERENCES case_file (id),
  user_id    UUID NOT NULL REFERENCES app_user (id),
  agency_id  UUID NOT NULL REFERENCES agency (id),
  reason     TEXT NOT NULL CHECK (length(reason) BETWEEN 10 AND 1000),
  started_at TIMESTAMPTZ NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX break_glass_user_idx ON break_glass (user_id, case_id, expires_at);

-- Notifications to an agency (the owner of a case whose glass was broken, for instance).
CREATE TABLE notification (
  id         UUID PRIMARY KEY,
  agency_id  UUID NOT NULL REFERENCES agency (id),
  kind       TEXT NOT NULL CHECK (kind ~ '^[a-z][a-zA-Z0-9.]*$'),
  case_id    UUID REFERENCES case_file (id),
  detail     TEXT NOT NULL DEFAULT '',
  created_at TIMESTAMPTZ NOT NULL,
  read_at    TIMESTAMPTZ
);
CREATE INDEX notification_agency_idx ON notification (agency_id, created_at DESC);

-- Legal holds block erasure and retention (a court order, an open proceeding).
CREATE TABLE legal_hold (
  id          UUID PRIMARY KEY,
  case_id     UUID NOT NULL REFERENCES case_file (id),
  reason      TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
  placed_by   UUID NOT NULL REFERENCES app_user (id),
  placed_at   TIMESTAMPTZ NOT NULL,
  released_by UUID REFERENCES app_user (id),
  released_at TIMESTAMPTZ
);
CREATE INDEX legal_hold_case_idx ON legal_hold (case_id) WHERE released_at IS NULL;

-- Erasure requests (GDPR Art. 17): request, then the DPO's decision, then erasure.
CREATE TABLE erasure_request (
  id            UUID PRIMARY KEY,
  case_id       UUID NOT NULL REFERENCES case_file (id),
  requested_by  UUID NOT NULL REFERENCES app_user (id),
  requested_at  TIMESTAMPTZ NOT NULL,
  reason        TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
  status        TEXT NOT NULL CHECK (status IN ('REQUESTED', 'REFUSED', 'ERASED')),
  decided_by    UUID REFERENCES app_user (id),
  decided_at    TIMESTAMPTZ,
  decision_note TEXT
);

-- What retention did: one row per anonymised or erased record (no personal data).
ALTER TABLE person ADD COLUMN anonymised_at TIMESTAMPTZ;
