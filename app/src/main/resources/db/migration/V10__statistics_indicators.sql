-- Statistics indicators: more of the read model, still fed only by events (never by the case,
-- referral or identification tables), and the population denominators of SDG 16.2.2.
-- Every listener writes with ON CONFLICT DO NOTHING: Spring Modulith delivers at least once.

-- HTCDS Guidance 7 statuses from PersonRegistered (null when not recorded).
ALTER TABLE statistics_victim
  ADD COLUMN migration_status  TEXT,
  ADD COLUMN protection_status TEXT;
CREATE INDEX statistics_victim_registered_idx ON statistics_victim (registered_on);

-- Every step of every referral (ReferralStatusChanged), one row per step.
CREATE TABLE statistics_referral_step (
  referral_id    UUID NOT NULL,
  status         TEXT NOT NULL,
  at             TIMESTAMPTZ NOT NULL,
  case_id        UUID NOT NULL,
  from_agency_id UUID,
  from_agency_type TEXT,
  to_agency_id   UUID,
  to_agency_type TEXT,
  service_type   TEXT,
  due_at         TIMESTAMPTZ,
  PRIMARY KEY (referral_id, status, at)
);
CREATE INDEX statistics_referral_step_case_idx ON statistics_referral_step (case_id);

-- Services delivered (ServiceDelivered). The event has no id of its own, so one service of a
-- type delivered on a day by one provider to one case counts once.
CREATE TABLE statistics_service (
  delivery_key         TEXT PRIMARY KEY,
  case_id              UUID NOT NULL,
  service_type         TEXT NOT NULL,
  delivered_on         DATE NOT NULL,
  provider_agency_id   UUID,
  provider_agency_type TEXT
);
CREATE INDEX statistics_service_case_idx ON statistics_service (case_id);

-- Formal identification decisions (IdentificationDecided).
CREATE TABLE statistics_decision (
  decision_id     UUID PRIMARY KEY,
  case_id         UUID,
  kind            TEXT NOT NULL CHECK (kind IN ('REASONABLE_GROUNDS', 'CONCLUSIVE_GROUNDS')),
  outcome         TEXT NOT NULL,
  decided_by_org  TEXT,
  referred_at     TIMESTAMPTZ,
  decided_at      TIMESTAMPTZ NOT NULL,
  late            BOOLEAN NOT NULL,
  agency_id       UUID,
  agency_type     TEXT
);

-- Resident population by region (ISO 3166-1 alpha-2 country or a sub-national code), year, sex
-- and age group: the denominators of SDG 16.2.2 (DOMAIN.md §3). 'total' rows are optional.
CREATE TABLE statistics_population (
  region      TEXT NOT NULL,
  year        INT NOT NULL CHECK (year BETWEEN 1900 AND 2200),
  sex         TEXT NOT NULL CHECK (sex IN ('female', 'male', 'total')),
  age_group   TEXT NOT NULL CHECK (age_group IN ('child', 'adult', 'total')),
  population  BIGINT NOT NULL CHECK (population > 0),
  imported_at TIMESTAMPTZ NOT NULL,
  imported_by TEXT NOT NULL,
  PRIMARY KEY (region, year, sex, age_group)
);

-- Releases made from the user interface keep their files under the data directory; the HTCDS
-- export uses a keyed hash for pseudonymous ids, with its key kept here (never exported).
CREATE TABLE statistics_secret (
  name  TEXT PRIMARY KEY,
  value BYTEA NOT NULL
);
