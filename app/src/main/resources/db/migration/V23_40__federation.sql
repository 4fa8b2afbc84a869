-- Federation (issue 15 §1): this instance's identity and key pairs, and the partner instances it
-- trusts. Private keys are never stored in clear: private_sealed is the private JWK sealed with the
-- key row's own data key (platform.crypto.SealedText), wrapped by the master key.

CREATE TABLE federation_identity (
  instance_id   uuid PRIMARY KEY,
  singleton     boolean NOT NULL DEFAULT true UNIQUE CHECK (singleton),
  country       char(2) NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
  organisation  text NOT NULL CHECK (length(organisation) BETWEEN 1 AND 200),
  role          text NOT NULL,
  inbox_url     text NOT NULL,
  card_version  integer NOT NULL CHECK (card_version >= 1),
  not_before    timestamptz NOT NULL,
  not_after     timestamptz NOT NULL,
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL
);

-- This instance's keys: the current pair (usable_until NULL) and, after a rotation, the previous
-- ones until the end of their grace period (messages already encrypted to them still open).
CREATE TABLE federation_key (
  id              uuid PRIMARY KEY,
  purpose         text NOT NULL CHECK (purpose IN ('SIGNING', 'ENCRYPTION')),
  kid             text NOT NULL UNIQUE,
  public_jwk      text NOT NULL,
  private_sealed  bytea NOT NULL,
  card_version    integer NOT NULL,
  created_at      timestamptz NOT NULL,
  usable_until    timestamptz
);
CREATE UNIQUE INDEX federation_key_current ON federation_key (purpose) WHERE usable_until IS NULL;

CREATE TABLE federation_partner (
  instance_id   uuid PRIMARY KEY,
  country       char(2) NOT NULL,
  organisation  text NOT NULL,
  role          text NOT NULL,
  inbox_url     text NOT NULL,
  card          text NOT NULL,
  card_version  integer NOT NULL,
  fingerprint   text NOT NULL,
  not_before    timestamptz NOT NULL,
  not_after     timestamptz NOT NULL,
  trusted_at    timestamptz NOT NULL,
  trusted_by    text NOT NULL,
  revoked_at    timestamptz,
  revoked_by    text
);

-- Every public key of a partner's cards: the current card's (usable_until NULL) and those a newer
-- card replaced, valid for signatures until usable_until (the grace period).
CREATE TABLE federation_partner_key (
  kid           text PRIMARY KEY,
  instance_id   uuid NOT NULL REFERENCES federation_partner (instance_id),
  purpose       text NOT NULL CHECK (purpose IN ('SIGNING', 'ENCRYPTION')),
  public_jwk    text NOT NULL,
  card_version  integer NOT NULL,
  usable_until  timestamptz
);
CREATE INDEX federation_partner_key_instance ON federation_partner_key (instance_id);
