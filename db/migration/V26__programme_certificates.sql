-- Certificates of a completed programme (today: a Leadership Exchange), issued from the exchange feature's
-- ProgrammeCompleted event. Such a certificate comes from no attempt, module or version: it has no version number,
-- credits or time spent, so those columns now allow NULL (a module's certificate still fills them all, see the check
-- below). It names the programme ("exchange"), the publisher's stable key for the completion ("exchange-pair:12"),
-- and the partner's organisation as named at issue. It never expires: valid_until stays NULL.
--
-- What was completed (the round's name) goes in module_title rather than a new column: that column already holds
-- "what this certificate is for" as printed at issue, and everything that reads a certificate's subject (the
-- admin's filter by title, the CSV, the revoke dialog and notification) keeps working for
-- both kinds without a second column to consult. The printed heading ("Leadership Exchange: <round>") is made from
-- programme and this name in the reader's language.

ALTER TABLE certificate
    MODIFY attempt_id BIGINT NULL,
    MODIFY module_id BIGINT NULL,
    MODIFY version_id BIGINT NULL,
    MODIFY version_number INT NULL,
    MODIFY credits VARCHAR(1000) NULL,
    MODIFY seconds_spent INT NULL,
    ADD COLUMN programme VARCHAR(20) NULL AFTER version_number,
    ADD COLUMN programme_reference VARCHAR(60) NULL AFTER programme,
    ADD COLUMN partner_organisation VARCHAR(150) NULL AFTER programme_reference,
    -- Exactly once per person and completion, however often (or however concurrently) the event arrives. Module
    -- certificates have no reference, and a unique index admits any number of NULLs, so they are unaffected; the
    -- index also answers the issuer's "already issued?" look-up.
    ADD CONSTRAINT uk_certificate_programme UNIQUE (learner_id, programme_reference),
    -- Either a module's certificate (attempt, module, version, number, credits and time all there, no programme) or
    -- a programme's (programme and reference there, no attempt, module or version).
    ADD CONSTRAINT ck_certificate_kind CHECK (
        (attempt_id IS NOT NULL AND module_id IS NOT NULL AND version_id IS NOT NULL AND version_number IS NOT NULL
            AND credits IS NOT NULL AND seconds_spent IS NOT NULL AND programme IS NULL
            AND programme_reference IS NULL)
        OR (programme IS NOT NULL AND programme_reference IS NOT NULL AND attempt_id IS NULL AND module_id IS NULL
            AND version_id IS NULL));
