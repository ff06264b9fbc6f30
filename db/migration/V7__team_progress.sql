-- Team progress and impact.
--
-- A team's dashboard reads its members' attempts (ix_attempt_learner), assignments
-- (ix_assignment_learner) and certificates (ix_certificate_learner). Organisation-wide figures read
-- completions by month from this index and impact from the tallies below, which completing an attempt
-- keeps up to date, so they never scan every learner's ratings.
CREATE INDEX ix_attempt_completed ON attempt (status, completed_at);

-- Per module and impact statement: how many learners rated it both at the start and at report back,
-- and the sum of (report back − start).
CREATE TABLE impact_tally (
    module_id   BIGINT NOT NULL,
    statement   INT NOT NULL,
    answers     INT NOT NULL,
    change_sum  INT NOT NULL,
    PRIMARY KEY (module_id, statement)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Per module: how many learners answered "did you try the action you planned?" at report back, and
-- how many said yes.
CREATE TABLE action_tally (
    module_id   BIGINT NOT NULL PRIMARY KEY,
    answers     INT NOT NULL,
    tried       INT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
