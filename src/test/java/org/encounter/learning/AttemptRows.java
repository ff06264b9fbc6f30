package org.encounter.learning;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Attempts written straight into the tables, for tests that run inside a transaction they roll back: the learning
 * service starts attempts in transactions of its own (so two clicks land on one), which no test could undo.
 */
public final class AttemptRows {

    private AttemptRows() {
    }

    /**
     * A completed attempt of the module's published version, every step done: a reflection (position 2), an action
     * planned, a report back (position 5) and two ratings, all words starting with {@code marker}.
     */
    public static long completed(JdbcTemplate jdbc, long learner, String title, Instant completedAt, String marker) {
        long module = jdbc.queryForObject("select id from module where title = ?", Long.class, title);
        long version = jdbc.queryForObject("select latest_version_id from module where id = ?", Long.class, module);
        LocalDateTime at = LocalDateTime.ofInstant(completedAt, ZoneOffset.UTC);
        jdbc.update("""
                insert into attempt (learner_id, module_id, version_id, status, current_position, step_count,
                action_text, action_date, started_at, last_activity_at, completed_at, seconds_spent)
                values (?, ?, ?, 'COMPLETED', 7, 7, ?, ?, ?, ?, ?, 600)""", learner, module, version,
                marker + " action", at.toLocalDate(), at.minusDays(10), at, at);
        long attempt = jdbc.queryForObject("select last_insert_id()", Long.class);
        for (int position = 0; position < 7; position++) {
            jdbc.update("insert into attempt_step (attempt_id, position, completed_at, updated_at) values (?, ?, ?, ?)",
                    attempt, position, at, at);
        }
        jdbc.update("update attempt_step set answer = ? where attempt_id = ? and position = 2",
                marker + " reflection", attempt);
        jdbc.update("update attempt_step set choice = 1 where attempt_id = ? and position = 3", attempt);
        jdbc.update("""
                update attempt_step set choice = 1, tried = ?, happened = ?, learned = ?, keep_doing = ?
                where attempt_id = ? and position = 5""", marker + " tried", marker + " happened",
                marker + " learned", marker + " keep", attempt);
        jdbc.update("insert into attempt_rating (attempt_id, phase, statement, rating) values (?, 'START', 0, 2),"
                + " (?, 'REPORT', 0, 4)", attempt, attempt);
        return attempt;
    }
}
