package org.encounter.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.sql.DataSource;
import org.encounter.EncounterTest;
import org.encounter.MigrationSandbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The migration that makes the database refuse duplicates runs on a database that already holds them (made by
 * double clicks before it): per learner and module the open attempt used last is kept, with what the others held
 * copied in where it had nothing; per person and module the live assignment made last is kept, the others are
 * withdrawn.
 */
@EncounterTest
class DuplicatesMigrationTest {

    static final int MIGRATION = 13;

    @Autowired DataSource app;

    @Test
    void duplicates_made_before_are_resolved_and_the_database_refuses_new_ones() throws Exception {
        try (MigrationSandbox sandbox = MigrationSandbox.before(app, MIGRATION, "duplicates")) {
            JdbcTemplate db = sandbox.db();
            db.execute("insert into organisation (id, name, created_at) values (1, 'Org', now(6))");
            db.execute("insert into person (id, organisation_id, email, display_name, password_hash, created_at) values"
                    + " (1, 1, 'a@example.org', 'A', 'x', now(6)), (2, 1, 'b@example.org', 'B', 'x', now(6))");
            db.execute("insert into module (id, owner_id, status, title, language, created_at, updated_at)"
                    + " values (1, 1, 'PUBLISHED', 'M', 'en', now(6), now(6))");
            db.execute("insert into module_version (id, module_id, number, title, language, published_at, published_by_id,"
                    + " content) values (1, 1, 1, 'M', 'en', now(6), 1, '{}')");
            String attempt = "insert into attempt (id, learner_id, module_id, version_id, status, step_count, started_at,"
                    + " last_activity_at, completed_at) values (?, ?, 1, 1, ?, 4, '2026-01-01', ?, ?)";
            db.update(attempt, 10, 1, "COMPLETED", "2026-01-02", "2026-01-02");
            db.update(attempt, 11, 1, "IN_PROGRESS", "2026-02-01 10:00:00", null);
            db.update(attempt, 12, 1, "AWAITING_REPORT_BACK", "2026-02-03 10:00:00", null);
            db.update(attempt, 13, 1, "IN_PROGRESS", "2026-01-05 10:00:00", null);
            db.update(attempt, 20, 2, "IN_PROGRESS", "2026-02-01 10:00:00", null);
            String step = "insert into attempt_step (attempt_id, position, answer, completed_at, updated_at)"
                    + " values (?, ?, ?, ?, now(6))";
            db.update(step, 11, 0, "older words at step 1", "2026-02-01");
            db.update(step, 11, 1, "words only the older one has", "2026-02-01");
            db.update(step, 12, 0, "the newest words at step 1", "2026-02-03");
            db.execute("insert into attempt_rating (attempt_id, phase, statement, rating) values (11, 'START', 0, 2),"
                    + " (12, 'START', 1, 4)");
            String assignment = "insert into assignment (id, learner_id, module_id, assigned_by_id, due_date, created_at,"
                    + " withdrawn_at) values (?, ?, 1, 1, '2026-06-01', ?, ?)";
            db.update(assignment, 30, 1, "2026-01-01", "2026-01-02");
            db.update(assignment, 31, 1, "2026-02-01", null);
            db.update(assignment, 32, 1, "2026-02-02", null);
            db.update(assignment, 40, 2, "2026-02-01", null);

            sandbox.migrate();

            assertThat(db.queryForList("select id from attempt order by id", Long.class)).containsExactly(10L, 12L, 20L);
            assertThat(db.queryForList("select concat(position, ':', answer, ':', completed_at is null)"
                    + " from attempt_step where attempt_id = 12 order by position", String.class))
                    .containsExactly("0:the newest words at step 1:0", "1:words only the older one has:1");
            assertThat(db.queryForList("select concat(phase, statement, '=', rating) from attempt_rating"
                    + " where attempt_id = 12 order by statement", String.class)).containsExactly("START0=2", "START1=4");
            assertThat(db.queryForList("select id from assignment where withdrawn_at is null order by id", Long.class))
                    .containsExactly(32L, 40L);
            assertThat(db.queryForObject("select withdrawn_at from assignment where id = 30", String.class))
                    .startsWith("2026-01-02");

            assertThatThrownBy(() -> db.update(attempt, 14, 1, "IN_PROGRESS", "2026-03-01", null))
                    .isInstanceOf(DataIntegrityViolationException.class);
            assertThatThrownBy(() -> db.update(assignment, 33, 1, "2026-03-01", null))
                    .isInstanceOf(DataIntegrityViolationException.class);
            db.update(attempt, 14, 1, "COMPLETED", "2026-03-01", "2026-03-01");
            db.update(assignment, 33, 1, "2026-03-01", "2026-03-02");
        }
    }
}
