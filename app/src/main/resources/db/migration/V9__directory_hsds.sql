-- The service directory as Open Referral HSDS 3.0. Every HSDS table keeps the object as it
-- was given (doc: its own fields and the parts Palermo does not model as tables, such as
-- funding, contacts or cost options) next to the columns that the product queries and the
-- links that nest it. HSDS ids are the primary keys, so an import is idempotent by id.
-- Links carry no foreign-key constraint: HSDS data may legitimately point at records that
-- another publisher holds (the official examples do).

ALTER TABLE directory_organization
  ADD COLUMN doc JSONB NOT NULL DEFAULT '{}';
UPDATE directory_organization SET doc = jsonb_strip_nulls(jsonb_build_object(
  'id', id, 'name', name, 'description', description, 'email', email, 'website', website));

ALTER TABLE directory_location
  DROP CONSTRAINT IF EXISTS directory_location_organization_id_fkey,
  ALTER COLUMN organization_id DROP NOT NULL,
  ALTER COLUMN name DROP NOT NULL,
  ALTER COLUMN city DROP NOT NULL,
  ALTER COLUMN country DROP NOT NULL,
  ALTER COLUMN country TYPE TEXT,
  ADD COLUMN location_type TEXT NOT NULL DEFAULT 'physical'
    CHECK (location_type IN ('physical', 'postal', 'virtual')),
  ADD COLUMN doc JSONB NOT NULL DEFAULT '{}';

CREATE TABLE directory_address (
  id          UUID PRIMARY KEY,
  location_id UUID,
  city        TEXT,
  country     TEXT,
  doc         JSONB NOT NULL
);
CREATE INDEX directory_address_location_idx ON directory_address (location_id);

-- Locations made before V9 get an address, so that city and country stay in HSDS form.
INSERT INTO directory_address (id, location_id, city, country, doc)
SELECT gen_random_uuid(), id, city, country, '{}' FROM directory_location;
UPDATE directory_address a SET doc = jsonb_build_object(
  'id', a.id, 'location_id', a.location_id, 'address_1', '', 'city', a.city,
  'state_province', '', 'postal_code', '', 'country', a.country, 'address_type', 'physical');
UPDATE directory_location SET doc = jsonb_strip_nulls(jsonb_build_object(
  'id', id, 'location_type', 'physical', 'organization_id', organization_id, 'name', name,
  'latitude', latitude, 'longitude', longitude));

CREATE TABLE directory_service_at_location (
  id          UUID PRIMARY KEY,
  service_id  UUID,
  location_id UUID,
  doc         JSONB NOT NULL
);
CREATE INDEX directory_sal_service_idx ON directory_service_at_location (service_id);
CREATE INDEX directory_sal_location_idx ON directory_service_at_location (location_id);

CREATE TABLE directory_language (
  id          UUID PRIMARY KEY,
  service_id  UUID,
  location_id UUID,
  phone_id    UUID,
  code        TEXT,
  doc         JSONB NOT NULL
);
CREATE INDEX directory_language_service_idx ON directory_language (service_id);
CREATE INDEX directory_language_location_idx ON directory_language (location_id);

-- Services made before V9: their location becomes a service_at_location, their language
-- array becomes language rows.
INSERT INTO directory_service_at_location (id, service_id, location_id, doc)
SELECT gen_random_uuid(), id, location_id, '{}' FROM directory_service
WHERE location_id IS NOT NULL;
UPDATE directory_service_at_location SET doc = jsonb_build_object(
  'id', id, 'service_id', service_id, 'location_id', location_id);
INSERT INTO directory_language (id, service_id, code, doc)
SELECT gen_random_uuid(), s.id, l.code, '{}'
FROM directory_service s, unnest(s.languages) AS l(code);
UPDATE directory_language SET doc = jsonb_build_object(
  'id', id, 'service_id', service_id, 'code', code);

ALTER TABLE directory_service
  DROP CONSTRAINT IF EXISTS directory_service_organization_id_fkey,
  DROP CONSTRAINT IF EXISTS directory_service_location_id_fkey,
  DROP COLUMN location_id,
  DROP COLUMN languages,
  ALTER COLUMN organization_id DROP NOT NULL,
  ALTER COLUMN description DROP NOT NULL,
  ALTER COLUMN service_type DROP NOT NULL,
  -- Free places (shelter beds, appointment slots) for referral ranking; not part of HSDS.
  ADD COLUMN capacity_available INTEGER CHECK (capacity_available >= 0),
  ADD COLUMN doc JSONB NOT NULL DEFAULT '{}';
UPDATE directory_service SET doc = jsonb_strip_nulls(jsonb_build_object(
  'id', id, 'organization_id', organization_id, 'name', name, 'description', description,
  'status', status));
CREATE INDEX directory_service_org_idx ON directory_service (organization_id);

CREATE TABLE directory_schedule (
  id                     UUID PRIMARY KEY,
  service_id             UUID,
  location_id            UUID,
  service_at_location_id UUID,
  doc                    JSONB NOT NULL
);
CREATE INDEX directory_schedule_service_idx ON directory_schedule (service_id);
CREATE INDEX directory_schedule_location_idx ON directory_schedule (location_id);
CREATE INDEX directory_schedule_sal_idx ON directory_schedule (service_at_location_id);

CREATE TABLE directory_phone (
  id                     UUID PRIMARY KEY,
  organization_id        UUID,
  service_id             UUID,
  location_id            UUID,
  service_at_location_id UUID,
  doc                    JSONB NOT NULL
);
CREATE INDEX directory_phone_service_idx ON directory_phone (service_id);
CREATE INDEX directory_phone_location_idx ON directory_phone (location_id);
CREATE INDEX directory_phone_org_idx ON directory_phone (organization_id);
CREATE INDEX directory_phone_sal_idx ON directory_phone (service_at_location_id);

CREATE TABLE directory_taxonomy (
  id  UUID PRIMARY KEY,
  doc JSONB NOT NULL
);

CREATE TABLE directory_taxonomy_term (
  id          UUID PRIMARY KEY,
  taxonomy_id UUID,
  parent_id   UUID,
  code        TEXT,
  doc         JSONB NOT NULL
);
CREATE INDEX directory_term_taxonomy_idx ON directory_taxonomy_term (taxonomy_id);

-- An attribute links a taxonomy term to a service (service_id is the service it was given
-- under; link_id and link_entity stay as the publisher wrote them, in doc).
CREATE TABLE directory_attribute (
  id               UUID PRIMARY KEY,
  service_id       UUID,
  taxonomy_term_id UUID,
  doc              JSONB NOT NULL
);
CREATE INDEX directory_attribute_service_idx ON directory_attribute (service_id);

-- Palermo's taxonomy of service types: one term per directory.ServiceType, code = its name.
INSERT INTO directory_taxonomy (id, doc) VALUES ('5f1c0e3a-7d1b-4c55-9a43-0d5b6f7a1000',
  '{"id": "5f1c0e3a-7d1b-4c55-9a43-0d5b6f7a1000", "name": "Palermo service types",
    "description": "Kinds of service a victim of trafficking or a smuggled migrant can be referred to.",
    "version": "1"}');
INSERT INTO directory_taxonomy_term (id, taxonomy_id, code, doc)
SELECT t.id::uuid, '5f1c0e3a-7d1b-4c55-9a43-0d5b6f7a1000', t.code, jsonb_build_object(
  'id', t.id, 'code', t.code, 'name', t.name, 'description', t.description,
  'taxonomy', 'Palermo service types', 'taxonomy_id', '5f1c0e3a-7d1b-4c55-9a43-0d5b6f7a1000',
  'language', 'en')
FROM (VALUES
  ('5f1c0e3a-7d1b-4c55-9a43-0d5b6f7a1001', 'SHELTER', 'Shelter',
   'Safe accommodation, emergency or longer term.'),
  ('5f1c0e3a-7d1b-4c55-9a43-0d5b6f7a1002', 'MEDICAL', 'Medical care',
   'Health care, including emergency treatment.'),
  ('5f1c0e3a-7d1b-4c55-9a43-0d5b6f7a1003', 'PSYCHOSOCIAL', 'Psychosocial support',
   'Counselling and mental health and psychosocial support.'),
  ('5f1c0e3a-7d1b-4c55-9a43-0d5b6f7a1004', 'LEGAL_AID', 'Legal aid',
   'Legal advice and representation.'),
  ('5f1c0e3a-7d1b-4c55-9a43-0d5b6f7a1005', 'INTERPRETATION', 'Interpretation',
   'Interpreting and translation.'),
  ('5f1c0e3a-7d1b-4c55-9a43-0d5b6f7a1006', 'CHILD_PROTECTION', 'Child protection',
   'Services for children, including unaccompanied and separated children.'),
  ('5f1c0e3a-7d1b-4c55-9a43-0d5b6f7a1007', 'ASYLUM_PROCEDURE', 'Asylum procedure',
   'Information and support to apply for international protection.'),
  ('5f1c0e3a-7d1b-4c55-9a43-0d5b6f7a1008', 'ASSISTED_VOLUNTARY_RETURN_AND_REINTEGRATION',
   'Assisted voluntary return and reintegration',
   'Help to return home safely and to rebuild a life there.'),
  ('5f1c0e3a-7d1b-4c55-9a43-0d5b6f7a1009', 'LIVELIHOOD', 'Livelihood',
   'Training, work and income support.'),
  ('5f1c0e3a-7d1b-4c55-9a43-0d5b6f7a1010', 'HOTLINE', 'Hotline',
   'A telephone line for help and reporting.')
) AS t(id, code, name, description);

-- Services made before V9 get the attribute of their type.
INSERT INTO directory_attribute (id, service_id, taxonomy_term_id, doc)
SELECT gen_random_uuid(), s.id, t.id, '{}'
FROM directory_service s JOIN directory_taxonomy_term t
  ON t.code = s.service_type AND t.taxonomy_id = '5f1c0e3a-7d1b-4c55-9a43-0d5b6f7a1000';
UPDATE directory_attribute SET doc = jsonb_build_object(
  'id', id, 'link_id', service_id, 'link_type', 'service_type', 'link_entity', 'service',
  'taxonomy_term_id', taxonomy_term_id);
