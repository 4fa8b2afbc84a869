-- review8 (missing-child notices): the one user a notice is addressed to within its agency, when
-- there is one (the child's guardian, a user of the instance). A missing-child notice to the
-- guardian's agency shows only to the people who work on that child (access.Notifications.visible),
-- never to every caseworker of that agency (SECURITY.md rule 2, need to know). Owned by `access`.
ALTER TABLE notification ADD COLUMN addressee_id UUID;
