-- Contact details of the person (issue #14 item 13), owned by `cases`, one row per person: phone,
-- messaging app and handle, address or current location, preferred contact method, safe times to
-- contact, and whether it is safe to contact the person at all (with a note such as "only via the
-- shelter"). They are in the CONTACT field group (access.FieldGroup): a referral recipient reads
-- them only when the person consented to CONTACT (SECURITY.md rule 4).
--
-- Every free-text value is sealed at rest like the person's names (docs/security.md, "Encryption at
-- rest"): <column>_sealed BYTEA holds AES-256-GCM ciphertext under the person's data key, bound to
-- table, column and the row's id; erasing the person's key shreds them. Only the codes (messaging
-- app, preferred method, safe to contact) are plain: they say nothing on their own of where the
-- person is or how to reach them.
CREATE TABLE person_contact (
  id                      UUID PRIMARY KEY,
  person_id               UUID NOT NULL UNIQUE REFERENCES person (id),
  phone_sealed            BYTEA,
  messaging_app           TEXT CHECK (messaging_app IN
                            ('WHATSAPP', 'SIGNAL', 'TELEGRAM', 'VIBER', 'FACEBOOK_MESSENGER', 'OTHER')),
  messaging_handle_sealed BYTEA,
  address_sealed          BYTEA,
  location_sealed         BYTEA,
  preferred_method        TEXT CHECK (preferred_method IN
                            ('PHONE_CALL', 'TEXT_MESSAGE', 'MESSAGING_APP', 'IN_PERSON',
                             'THROUGH_SERVICE')),
  safe_times_sealed       BYTEA,
  safe_to_contact         TEXT NOT NULL DEFAULT 'UNKNOWN'
                            CHECK (safe_to_contact IN ('YES', 'NO', 'UNKNOWN')),
  safety_note_sealed      BYTEA,
  updated_by              TEXT NOT NULL,
  updated_at              TIMESTAMPTZ NOT NULL
);
