-- Impact released in closed cohorts (progress.ImpactRelease explains the rule).
--
-- Live averages could be subtracted: 6·avg₆ − 5·avg₅ is the sixth person's answer. Now each figure (an impact
-- statement's change, or "tried the planned action") is released per scope only in whole cohorts of five new
-- answers, and a released sum never changes again. Scope 0 is everyone; any other scope is the one team
-- (the learner's lowest team id when they answered) whose figures count that answer.

-- Answers not yet released: fewer than five are waiting per scope, module and figure. Individual answers, so
-- they go with the person (erasure); released sums hold no one.
CREATE TABLE impact_waiting (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    scope_team_id  BIGINT NOT NULL,
    module_id      BIGINT NOT NULL,
    figure         INT NOT NULL,
    learner_id     BIGINT NOT NULL,
    answered_at    TIMESTAMP(6) NOT NULL,
    value          INT NOT NULL,
    CONSTRAINT fk_impact_waiting_learner FOREIGN KEY (learner_id) REFERENCES person (id) ON DELETE CASCADE,
    CONSTRAINT fk_impact_waiting_module FOREIGN KEY (module_id) REFERENCES module (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The oldest waiting answers of one scope, module and figure (sealing), and how many wait (the screens).
CREATE INDEX ix_impact_waiting_scope ON impact_waiting (scope_team_id, module_id, figure, answered_at, id);

-- What has been released: how many people (a multiple of five) and the sum of their values (change, or
-- 1 for tried). Figure -1 is "tried the planned action", 0.. the impact statements.
CREATE TABLE impact_released (
    scope_team_id  BIGINT NOT NULL,
    module_id      BIGINT NOT NULL,
    figure         INT NOT NULL,
    people         INT NOT NULL,
    value_sum      INT NOT NULL,
    released_at    TIMESTAMP(6) NULL,
    PRIMARY KEY (scope_team_id, module_id, figure)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Existing answers, as completing would have given them: each person's first completion of a module counts,
-- in completion order; the first whole cohorts of each scope are released, the rest wait.
INSERT INTO impact_waiting (scope_team_id, module_id, figure, learner_id, answered_at, value)
SELECT sc.scope_team_id, x.module_id, x.figure, x.learner_id, x.completed_at, x.value
FROM (
    SELECT a.learner_id, a.module_id, a.completed_at, s.statement AS figure, r.rating - s.rating AS value
    FROM attempt a
    JOIN attempt_rating s ON s.attempt_id = a.id AND s.phase = 'START'
    JOIN attempt_rating r ON r.attempt_id = a.id AND r.phase = 'REPORT' AND r.statement = s.statement
    WHERE a.status = 'COMPLETED' AND NOT EXISTS (SELECT 1 FROM attempt b WHERE b.learner_id = a.learner_id
        AND b.module_id = a.module_id AND b.status = 'COMPLETED'
        AND (b.completed_at < a.completed_at OR (b.completed_at = a.completed_at AND b.id < a.id)))
    UNION ALL
    SELECT a.learner_id, a.module_id, a.completed_at, -1, MAX(CASE WHEN st.choice = 1 THEN 1 ELSE 0 END)
    FROM attempt a
    JOIN attempt_step st ON st.attempt_id = a.id AND st.tried IS NOT NULL AND st.choice IS NOT NULL
    WHERE a.status = 'COMPLETED' AND NOT EXISTS (SELECT 1 FROM attempt b WHERE b.learner_id = a.learner_id
        AND b.module_id = a.module_id AND b.status = 'COMPLETED'
        AND (b.completed_at < a.completed_at OR (b.completed_at = a.completed_at AND b.id < a.id)))
    GROUP BY a.id, a.learner_id, a.module_id, a.completed_at
) x
JOIN (
    SELECT p.id AS person_id, 0 AS scope_team_id FROM person p
    UNION ALL
    SELECT person_id, MIN(team_id) FROM team_member GROUP BY person_id
) sc ON sc.person_id = x.learner_id
ORDER BY x.completed_at, x.learner_id, x.figure;

INSERT INTO impact_released (scope_team_id, module_id, figure, people, value_sum, released_at)
SELECT scope_team_id, module_id, figure, COUNT(*), SUM(value), MAX(answered_at)
FROM (SELECT w.*, ROW_NUMBER() OVER (PARTITION BY scope_team_id, module_id, figure ORDER BY answered_at, id) AS n,
             COUNT(*) OVER (PARTITION BY scope_team_id, module_id, figure) AS total
      FROM impact_waiting w) ranked
WHERE n <= total - total % 5
GROUP BY scope_team_id, module_id, figure;

DELETE FROM impact_waiting WHERE id IN (
    SELECT id FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY scope_team_id, module_id, figure
                                                  ORDER BY answered_at, id) AS n,
                           COUNT(*) OVER (PARTITION BY scope_team_id, module_id, figure) AS total
                    FROM impact_waiting) ranked
    WHERE n <= total - total % 5);

-- The live tallies are what could be subtracted; nothing reads them any more.
DROP TABLE impact_tally;
DROP TABLE action_tally;
