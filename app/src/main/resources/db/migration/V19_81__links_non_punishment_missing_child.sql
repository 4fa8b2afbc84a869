-- Links between persons and non-punishment (issue 13 §§3–4).
-- A link ties a case to a related person: a parent, a child, a sibling, a co-victim, or the
-- person suspected of exploiting them. Links are case narrative, inside the assistance-enforcement
-- firewall (SECURITY.md rule 3); no child is returned or placed with a linked suspected exploiter
-- (CRC GC 6 §§ 82, 84; CoE Convention art. 16(7); Directive 2011/36/EU art. 14(2)).
CREATE TABLE person_link (
  id                   UUID PRIMARY KEY,
  case_id              UUID NOT NULL REFERENCES case_file (id),
  kind                 TEXT NOT NULL CHECK (kind IN ('PARENT', 'CHILD', 'SIBLING', 'CO_VICTIM',
                         'SUSPECTED_EXPLOITER')),
  linked_case_id       UUID REFERENCES case_file (id),
  name                 TEXT,
  name_sealed          BYTEA,
  parent_or_caregiver  BOOLEAN NOT NULL DEFAULT FALSE,
  recorded_by          TEXT NOT NULL,
  recorded_at          TIMESTAMPTZ NOT NULL
);
CREATE INDEX person_link_case_idx ON person_link (case_id);

-- Offences charged and proceedings against the person (CoE Convention art. 26; Directive
-- 2011/36/EU art. 8): recorded by the case owner, with the person's consent, from what the person
-- or their lawyer reports.
CREATE TABLE proceeding_against_person (
  id              UUID PRIMARY KEY,
  case_id         UUID NOT NULL REFERENCES case_file (id),
  offence         TEXT,
  offence_sealed  BYTEA,
  stage           TEXT NOT NULL CHECK (stage IN ('SUSPECTED', 'CHARGED', 'ON_TRIAL', 'CONVICTED',
                    'CLOSED')),
  authority       TEXT NOT NULL CHECK (length(authority) BETWEEN 1 AND 200),
  reported_by     TEXT NOT NULL CHECK (reported_by IN ('THE_PERSON', 'LAWYER')),
  consent         BOOLEAN NOT NULL CHECK (consent),
  recorded_by     TEXT NOT NULL,
  recorded_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX proceeding_against_person_case_idx ON proceeding_against_person (case_id);

-- Each non-punishment notice produced, for whom, in which language, on whose consent.
CREATE TABLE non_punishment_notice (
  id            UUID PRIMARY KEY,
  case_id       UUID NOT NULL REFERENCES case_file (id),
  addressed_to  TEXT NOT NULL CHECK (addressed_to IN ('PROSECUTOR', 'DEFENCE_LAWYER')),
  language      TEXT NOT NULL CHECK (language IN ('en', 'fr', 'es', 'ar')),
  consent_by    TEXT NOT NULL CHECK (consent_by IN ('THE_PERSON', 'GUARDIAN',
                  'LEGAL_REPRESENTATIVE')),
  consent_at    TIMESTAMPTZ NOT NULL,
  produced_by   TEXT NOT NULL,
  produced_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX non_punishment_notice_case_idx ON non_punishment_notice (case_id);

-- A missing-child alert: a child left care without notice (issue 13 §3; CRC GC 6 § 24; Directive
-- 2011/36/EU art. 16(1)). Escalated to the case owner (its supervisors) and the agencies the case is
-- referred to; closed when the child is found.
CREATE TABLE missing_child_alert (
  id                     UUID PRIMARY KEY,
  case_id                UUID NOT NULL REFERENCES case_file (id),
  missing_since          TIMESTAMPTZ NOT NULL,
  circumstances          TEXT,
  circumstances_sealed   BYTEA,
  reported_by            TEXT NOT NULL,
  reported_at            TIMESTAMPTZ NOT NULL,
  found_at               TIMESTAMPTZ
);
CREATE INDEX missing_child_alert_case_idx ON missing_child_alert (case_id);
