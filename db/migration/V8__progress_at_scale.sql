-- Team progress at scale (measured in bench/RESULTS.md).
--
-- Completions per calendar month (UTC), kept as attempts complete, so the organisation's chart reads twelve
-- rows instead of every completed attempt of the year.
CREATE TABLE completion_tally (
    month        CHAR(7) NOT NULL PRIMARY KEY,
    completions  INT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO completion_tally (month, completions)
SELECT DATE_FORMAT(completed_at, '%Y-%m'), COUNT(*) FROM attempt WHERE status = 'COMPLETED' GROUP BY 1;

-- "Has this learner completed this module?" (overdue assignments) answered from the index alone.
-- (One statement, so the learner's foreign key always has an index.)
ALTER TABLE attempt DROP INDEX ix_attempt_learner, ADD INDEX ix_attempt_learner (learner_id, module_id, status);

-- Certificates valid, expiring and expired, counted from the index alone.
CREATE INDEX ix_certificate_expiry ON certificate (revoked_at, valid_until);
