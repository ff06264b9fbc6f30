-- Reports per organisation and per partnership (issue 15, points 4, 7 and 12).

-- Completions per organisation, module and calendar month (UTC), kept as attempts complete, like completion_tally:
-- an organisation admin's completions by month and a partnership's completions per member read a few hundred rows
-- instead of every completed attempt of the organisation. A completion counts for the organisation the learner
-- belonged to when they completed.
CREATE TABLE organisation_completion_tally (
    organisation_id  BIGINT NOT NULL,
    module_id        BIGINT NOT NULL,
    month            CHAR(7) NOT NULL,
    completions      INT NOT NULL,
    PRIMARY KEY (organisation_id, module_id, month),
    -- The organisation admin's overview reads one organisation's months across every module.
    INDEX ix_organisation_completion_month (organisation_id, month, completions)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO organisation_completion_tally (organisation_id, module_id, month, completions)
SELECT p.organisation_id, a.module_id, DATE_FORMAT(a.completed_at, '%Y-%m'), COUNT(*)
FROM attempt a JOIN person p ON p.id = a.learner_id
WHERE a.status = 'COMPLETED'
GROUP BY p.organisation_id, a.module_id, DATE_FORMAT(a.completed_at, '%Y-%m');

-- One organisation's certificates valid, expiring and expired: three ranges of one index, read from the index alone.
CREATE INDEX ix_certificate_organisation_expiry ON certificate (organisation_id, revoked_at, valid_until);

-- One organisation's overdue assignments: its people's open assignments past due, from the index alone.
ALTER TABLE assignment DROP INDEX ix_assignment_learner,
    ADD INDEX ix_assignment_learner (learner_id, withdrawn_at, satisfied_at, due_date);

-- Impact answers of learners in no team now wait in their organisation's scope (scope_team_id = -organisation id),
-- beside everyone's, so an organisation's figures are sums of whole released cohorts (see ImpactRelease). From here
-- on, completing does this as it happens; this gives the answers already given the same treatment.
INSERT INTO impact_waiting (scope_team_id, module_id, figure, learner_id, answered_at, value)
SELECT -p.organisation_id, w.module_id, w.figure, w.learner_id, w.answered_at, w.value
FROM (
    SELECT a.learner_id, a.module_id, a.completed_at AS answered_at, s.statement AS figure, r.rating - s.rating AS value
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
) w
JOIN person p ON p.id = w.learner_id
WHERE NOT EXISTS (SELECT 1 FROM team_member tm WHERE tm.person_id = w.learner_id)
ORDER BY w.answered_at, w.learner_id, w.figure;

INSERT INTO impact_released (scope_team_id, module_id, figure, people, value_sum, released_at)
SELECT scope_team_id, module_id, figure, COUNT(*), SUM(value), MAX(answered_at)
FROM (SELECT w.*, ROW_NUMBER() OVER (PARTITION BY scope_team_id, module_id, figure ORDER BY answered_at, id) AS n,
             COUNT(*) OVER (PARTITION BY scope_team_id, module_id, figure) AS total
      FROM impact_waiting w WHERE w.scope_team_id < 0) ranked
WHERE n <= total - total % 5
GROUP BY scope_team_id, module_id, figure;

-- Every organisation scope gets its row, released or not, so a later completion finds one to lock.
INSERT IGNORE INTO impact_released (scope_team_id, module_id, figure, people, value_sum)
SELECT DISTINCT scope_team_id, module_id, figure, 0, 0 FROM impact_waiting WHERE scope_team_id < 0;

DELETE FROM impact_waiting WHERE id IN (
    SELECT id FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY scope_team_id, module_id, figure
                                                  ORDER BY answered_at, id) AS n,
                           COUNT(*) OVER (PARTITION BY scope_team_id, module_id, figure) AS total
                    FROM impact_waiting WHERE scope_team_id < 0) ranked
    WHERE n <= total - total % 5);

-- Each organisation's running sums of the cohorts released in its teams' scopes and its own scope (ImpactRelease
-- adds a cohort here as it releases it): a partnership report reads one row per organisation, module and figure
-- instead of one per team.
CREATE TABLE impact_released_organisation (
    organisation_id  BIGINT NOT NULL,
    module_id        BIGINT NOT NULL,
    figure           INT NOT NULL,
    people           INT NOT NULL,
    value_sum        INT NOT NULL,
    PRIMARY KEY (organisation_id, module_id, figure)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO impact_released_organisation (organisation_id, module_id, figure, people, value_sum)
SELECT IF(r.scope_team_id < 0, -r.scope_team_id, t.organisation_id), r.module_id, r.figure, SUM(r.people),
       SUM(r.value_sum)
FROM impact_released r LEFT JOIN team t ON t.id = r.scope_team_id
WHERE r.people > 0 AND (r.scope_team_id < 0 OR t.id IS NOT NULL)
GROUP BY IF(r.scope_team_id < 0, -r.scope_team_id, t.organisation_id), r.module_id, r.figure;
