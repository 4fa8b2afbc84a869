-- Federation inbox (issue 15 §3): every message received, once (idempotent by message id, and by
-- the digest of the message as received). The signed envelope (the sender's JWS, kept as its
-- signature) is stored only sealed under the row's own data key. The message log itself is the
-- audit trail (action federation.message.receive), hash-chained with everything else.
CREATE TABLE federation_message (
  id             uuid PRIMARY KEY,
  sender         uuid NOT NULL REFERENCES federation_partner (instance_id),
  type           text NOT NULL,
  created_at     timestamptz NOT NULL,
  expires_at     timestamptz NOT NULL,
  previous_id    uuid,
  digest         text NOT NULL UNIQUE,
  signed_sealed  bytea NOT NULL,
  received_at    timestamptz NOT NULL
);
CREATE INDEX federation_message_sender ON federation_message (sender, received_at);
