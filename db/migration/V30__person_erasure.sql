-- Erasure and inactivity (issue "Your data"). An erased person's row stays, so everything that points at it keeps its
-- foreign key, but it names nobody: identity replaces the names and the e-mail address and records here when.
-- Certificates and credits ask for it to say "a person whose data has been erased".
-- last_signed_in_at: the person's latest successful sign-in, for the retention of inactive accounts; null until their
-- next sign-in, when the account's creation stands in for it. The retention job asks once a day for every enabled
-- person whose later of the two is old, a scan of the person table that needs no index.
ALTER TABLE person
    ADD COLUMN erased_at TIMESTAMP(6) NULL,
    ADD COLUMN last_signed_in_at TIMESTAMP(6) NULL;
