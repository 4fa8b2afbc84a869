-- Agencies, user accounts, roles and personal API tokens.

CREATE TABLE agency (
  id         UUID PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
  type       TEXT NOT NULL CHECK (type IN ('SERVICE_PROVIDER', 'CHILD_PROTECTION',
               'COMPETENT_AUTHORITY', 'LAW_ENFORCEMENT', 'IMMIGRATION_ENFORCEMENT',
               'LABOUR_INSPECTION', 'CONSULATE', 'STATISTICS_OFFICE', 'COORDINATION')),
  country    CHAR(2),
  created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE app_user (
  id              UUID PRIMARY KEY,
  username        TEXT NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
  display_name    TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
  agency_id       UUID NOT NULL REFERENCES agency (id),
  password_hash   TEXT,
  totp_secret     TEXT,
  totp_last_step  BIGINT,
  failed_attempts INT NOT NULL DEFAULT 0,
  locked_until    TIMESTAMPTZ,
  enabled         BOOLEAN NOT NULL DEFAULT TRUE,
  created_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX app_user_agency_idx ON app_user (agency_id);

CREATE TABLE user_role (
  user_id UUID NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  role    TEXT NOT NULL,
  PRIMARY KEY (user_id, role)
);

CREATE TABLE api_token (
  id           UUID PRIMARY KEY,
  user_id      UUID NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  token_hash   BYTEA NOT NULL UNIQUE,
  prefix       TEXT NOT NULL,
  created_at   TIMESTAMPTZ NOT NULL,
  expires_at   TIMESTAMPTZ,
  last_used_at TIMESTAMPTZ,
  revoked_at   TIMESTAMPTZ
);
CREATE INDEX api_token_user_idx ON api_token (user_id);
