-- A double click (or two tabs, or two managers) never leaves a learner with two open attempts of one module, nor a
-- person with two live (not withdrawn) assignments of one module: the database refuses the second row. A generated
-- column holds the module only while the row is open or live and is NULL otherwise; NULLs never collide in a unique
-- index, so completed attempts and withdrawn assignments stay, as many as history has.
--
-- Duplicates made before this migration are resolved first, so the indexes can be built:
-- * Attempts: per learner and module, the open attempt used last (last_activity_at, then the highest id) is kept.
--   What the others hold is not thrown away: where they are on the same published version, their answers and
--   ratings are copied into the kept attempt for the steps and statements it has none for. A copied step is not
--   marked completed (the learner completes it again, which checks it and plans the action as usual). Then the
--   other open attempts are deleted, with their remaining answers and ratings (ON DELETE CASCADE). Open attempts
--   have no certificate, feedback or story, which all come after completion.
-- * Assignments: per person and module, the live assignment made last (created_at, then the highest id) is kept;
--   the others are withdrawn now, as if their manager had withdrawn them. They stay as history.

CREATE TEMPORARY TABLE duplicate_attempt AS
SELECT o.id AS duplicate_id, o.keep_id
FROM (
    SELECT id, FIRST_VALUE(id) OVER (PARTITION BY learner_id, module_id
                                     ORDER BY last_activity_at DESC, id DESC) AS keep_id
    FROM attempt
    WHERE status <> 'COMPLETED'
) o
WHERE o.id <> o.keep_id;

INSERT IGNORE INTO attempt_step (attempt_id, position, answer, choice, tried, happened, learned, keep_doing, shared,
                                 completed_at, updated_at)
SELECT d.keep_id, s.position, s.answer, s.choice, s.tried, s.happened, s.learned, s.keep_doing, s.shared, NULL,
       s.updated_at
FROM duplicate_attempt d
JOIN attempt dup ON dup.id = d.duplicate_id
JOIN attempt kept ON kept.id = d.keep_id AND kept.version_id = dup.version_id
JOIN attempt_step s ON s.attempt_id = d.duplicate_id;

INSERT IGNORE INTO attempt_rating (attempt_id, phase, statement, rating)
SELECT d.keep_id, r.phase, r.statement, r.rating
FROM duplicate_attempt d
JOIN attempt dup ON dup.id = d.duplicate_id
JOIN attempt kept ON kept.id = d.keep_id AND kept.version_id = dup.version_id
JOIN attempt_rating r ON r.attempt_id = d.duplicate_id;

DELETE a FROM attempt a JOIN duplicate_attempt d ON d.duplicate_id = a.id;

DROP TEMPORARY TABLE duplicate_attempt;

ALTER TABLE attempt
    ADD COLUMN open_module_id BIGINT AS (IF(status = 'COMPLETED', NULL, module_id)) PERSISTENT,
    ADD CONSTRAINT ux_attempt_open UNIQUE (learner_id, open_module_id);

CREATE TEMPORARY TABLE duplicate_assignment AS
SELECT o.id AS duplicate_id
FROM (
    SELECT id, FIRST_VALUE(id) OVER (PARTITION BY learner_id, module_id ORDER BY created_at DESC, id DESC) AS keep_id
    FROM assignment
    WHERE withdrawn_at IS NULL
) o
WHERE o.id <> o.keep_id;

UPDATE assignment g JOIN duplicate_assignment d ON d.duplicate_id = g.id
SET g.withdrawn_at = CURRENT_TIMESTAMP(6), g.version = g.version + 1;

DROP TEMPORARY TABLE duplicate_assignment;

ALTER TABLE assignment
    ADD COLUMN live_module_id BIGINT AS (IF(withdrawn_at IS NULL, module_id, NULL)) PERSISTENT,
    ADD CONSTRAINT ux_assignment_live UNIQUE (learner_id, live_module_id);
