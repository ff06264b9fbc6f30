-- Names on certificates. Beside the display name a person chooses for the app, each person has a registered
-- name that only an admin sets (or confirms when the person asks for a change). Certificates print the
-- registered name as it was at issue.

-- Everyone starts with the name they have now; an admin corrects it where needed.
ALTER TABLE person
    ADD COLUMN registered_name VARCHAR(100) NULL AFTER display_name,
    -- At most one open request per person: the name asked for and when; both null when none is open.
    ADD COLUMN requested_name VARCHAR(100) NULL AFTER registered_name,
    ADD COLUMN name_requested_at TIMESTAMP(6) NULL AFTER requested_name;
UPDATE person SET registered_name = display_name;
ALTER TABLE person MODIFY registered_name VARCHAR(100) NOT NULL;

-- The admin's list of open requests, oldest first.
CREATE INDEX ix_person_name_requested ON person (name_requested_at);

-- The name the admin who invites someone registers for them. Null only for links made before this
-- migration: whoever accepts one of those is registered under the name they give (an admin can correct it).
ALTER TABLE invitation ADD COLUMN registered_name VARCHAR(100) NULL;

-- Issued certificates are not touched: certificate.learner_name already holds the name printed at issue,
-- and a certificate never changes once issued. From now on that column receives the registered name.
