-- Retention of private answers (issue 17). Once an attempt has been completed for longer than the retention period
-- an admin sets, the words the learner kept to themselves (reflections, the action they planned, their report back)
-- are blanked; the attempt stays, with its dates and status, for the certificates and stories that refer to it.
-- answers_removed_at says when, so the player can say the answers were removed rather than show empty boxes, and
-- the retention job's next run looks only at attempts it has not done yet (the index below, from its first column).
ALTER TABLE attempt ADD COLUMN answers_removed_at TIMESTAMP(6) NULL;

CREATE INDEX ix_attempt_answers_retention ON attempt (answers_removed_at, status, completed_at);
