-- Consent before a referral for formal identification (issue 13 §2): an adult's consent is
-- recorded first; a child needs none (UK NRM statutory guidance; CoE Convention art. 10(3)). When
-- an adult refuses, an anonymous, statistics-only notification can be made instead (the UK's Duty
-- to Notify, Modern Slavery Act 2015 s.52): it carries no name, no screening and no case.
CREATE TABLE identification_consent (
  screening_id      UUID PRIMARY KEY REFERENCES screening (id),
  basis             TEXT NOT NULL CHECK (basis IN ('ADULT_CONSENTED', 'CHILD_NO_CONSENT_NEEDED',
                      'ADULT_REFUSED')),
  consent_at        TIMESTAMPTZ,
  interpreter_used  BOOLEAN,
  recorded_by       TEXT NOT NULL,
  recorded_at       TIMESTAMPTZ NOT NULL,
  CHECK (basis <> 'ADULT_CONSENTED' OR (consent_at IS NOT NULL AND interpreter_used IS NOT NULL))
);

CREATE TABLE anonymous_notification (
  id              UUID PRIMARY KEY,
  agency_id       UUID NOT NULL REFERENCES agency (id),
  month           DATE NOT NULL CHECK (extract(day FROM month) = 1),
  exploitation    TEXT CHECK (exploitation IN ('SEXUAL', 'LABOUR', 'CRIMINALITY', 'DOMESTIC_SERVITUDE',
                    'ORGAN_REMOVAL', 'OTHER', 'UNKNOWN')),
  country         CHAR(2)
);
CREATE INDEX anonymous_notification_month_idx ON anonymous_notification (month);
