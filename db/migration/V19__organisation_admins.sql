-- Several organisations, each run by its own organisation admin (role ORG_ADMIN, stored in person_role like every
-- role); the ADMIN role stays the platform admin's. People, teams and invitations already name their organisation.
-- A certificate now names the organisation it was issued in, by id, so an organisation admin's list and revocations
-- can be kept to their own organisation without asking where the learner works today.

ALTER TABLE certificate ADD COLUMN organisation_id BIGINT NULL AFTER learner_id;

-- Existing certificates were issued in the learner's organisation; should a learner row ever be missing, the first
-- organisation (the one the installation was set up with) issued it.
UPDATE certificate c JOIN person p ON p.id = c.learner_id SET c.organisation_id = p.organisation_id;
UPDATE certificate SET organisation_id = (SELECT MIN(id) FROM organisation) WHERE organisation_id IS NULL;

ALTER TABLE certificate MODIFY organisation_id BIGINT NOT NULL,
    ADD CONSTRAINT fk_certificate_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id);

-- An organisation admin's "All certificates": their organisation's, newest first.
CREATE INDEX ix_certificate_organisation ON certificate (organisation_id, issued_at);
