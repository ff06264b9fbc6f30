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

-- When an assignment was satisfied: the learner's first completion of the module (before or after it was
-- assigned; reminders count any completion too). Open and past due, unsatisfied means overdue, so the
-- organisation's overdue count is a range of one index.
ALTER TABLE assignment ADD COLUMN satisfied_at TIMESTAMP(6) NULL;
UPDATE assignment g SET satisfied_at = (SELECT MIN(a.completed_at) FROM attempt a
    WHERE a.learner_id = g.learner_id AND a.module_id = g.module_id AND a.status = 'COMPLETED');
CREATE INDEX ix_assignment_open ON assignment (withdrawn_at, satisfied_at, due_date);
