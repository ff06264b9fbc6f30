-- Sign-in abuse (issue "Trust I", point 5): failed sign-ins are counted per pair of client address
-- and e-mail instead of per account. After a few failures that pair waits a growing delay; other
-- clients, the owner at their own address among them, are not affected. Each try is counted by one
-- atomic upsert (INSERT ... ON DUPLICATE KEY UPDATE failures = failures + 1) that also locks the
-- pair's row while its wait is decided, so parallel tries are all counted and every app instance
-- shares the counts. E-mails that belong to nobody get rows too: the answers reveal no account.
CREATE TABLE sign_in_failure (
    email           VARCHAR(254) NOT NULL,
    -- The address as the servlet container reports it (an IPv6 address as its /64 network).
    client          VARCHAR(64)  NOT NULL,
    -- Failed or refused tries since the last success (restarted after a long quiet spell).
    failures        INT          NOT NULL,
    last_failed_at  TIMESTAMP(6) NOT NULL,
    -- Until then, tries from this pair are refused without checking the password.
    blocked_until   TIMESTAMP(6) NULL,
    PRIMARY KEY (email, client)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The scheduled purge removes rows by age.
CREATE INDEX ix_sign_in_failure_last_failed_at ON sign_in_failure (last_failed_at);

-- The account-wide lock let anybody who knew an e-mail lock its owner out; the table above replaces it.
ALTER TABLE person DROP COLUMN failed_sign_ins, DROP COLUMN locked_until;

-- New hashes are PBKDF2 ("{pbkdf2@SpringSecurity_v5_8}" and 96 hex digits: 124 characters).
ALTER TABLE person MODIFY password_hash VARCHAR(255) NOT NULL;
