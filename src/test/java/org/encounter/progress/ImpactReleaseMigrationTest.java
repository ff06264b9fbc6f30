package org.encounter.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javax.sql.DataSource;
import org.encounter.EncounterTest;
import org.encounter.MigrationSandbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The migration to closed cohorts on a database that already has answers: in completion order, the first whole
 * cohorts of five per scope are released, the rest wait; a renewal counts nobody twice; the live tallies that
 * could be subtracted are gone.
 */
@EncounterTest
class ImpactReleaseMigrationTest {

    static final int MIGRATION = 16;

    @Autowired DataSource app;

    @Test
    void answers_given_before_are_released_in_whole_cohorts_in_completion_order() throws Exception {
        try (MigrationSandbox sandbox = MigrationSandbox.before(app, MIGRATION, "impact_release")) {
            JdbcTemplate db = sandbox.db();
            db.execute("insert into organisation (id, name, created_at) values (1, 'Org', now(6))");
            for (int p = 1; p <= 7; p++) {
                db.update("insert into person (id, organisation_id, email, display_name, password_hash, created_at)"
                        + " values (?, 1, ?, ?, 'x', now(6))", p, "p" + p + "@example.org", "P" + p);
            }
            db.execute("insert into team (id, organisation_id, name, created_at) values (1, 1, 'T', now(6)),"
                    + " (2, 1, 'U', now(6))");
            // Persons 1–6 are in team 1; person 2 is in team 2 as well (counted in team 1 only); 7 in no team.
            db.execute("insert into team_member (team_id, person_id) values (1, 1), (1, 2), (1, 3), (1, 4), (1, 5),"
                    + " (1, 6), (2, 2)");
            db.execute("insert into module (id, owner_id, status, title, language, created_at, updated_at)"
                    + " values (1, 1, 'PUBLISHED', 'M', 'en', now(6), now(6))");
            db.execute("insert into module_version (id, module_id, number, title, language, published_at, published_by_id,"
                    + " content) values (1, 1, 1, 'M', 'en', now(6), 1, '{}')");
            // Completion order: 7, 1, 2, 3, 4, 5, 6 (ids say otherwise); person 1 renews later with +4.
            int[][] answers = {{7, 1, 1}, {1, 2, 1}, {2, 3, 0}, {3, 4, 1}, {4, 5, 1}, {5, 6, 0}, {6, 7, 1}};
            int[] changes = {0, 2, 1, 0, 2, 1, -1, 3};
            for (int[] a : answers) {
                completed(db, 100 + a[0], a[0], "2026-01-0" + a[1], changes[a[0]], a[2] == 1);
            }
            completed(db, 200, 1, "2026-03-01", 4, true);

            sandbox.migrate();

            // Everyone: 7, 1, 2, 3, 4 released (3 + 2 + 1 + 0 + 2 = 8; tried 1 + 1 + 0 + 1 + 1 = 4); 5, 6 wait.
            assertThat(released(db, 0)).containsExactly(List.of(-1, 5, 4), List.of(0, 5, 8));
            assertThat(waiting(db, 0)).containsExactly(List.of(-1, 5L), List.of(-1, 6L), List.of(0, 5L), List.of(0, 6L));
            // Team 1: 1–5 released (2 + 1 + 0 + 2 + 1 = 6; tried 3); 6 waits. Team 2 counts nobody.
            assertThat(released(db, 1)).containsExactly(List.of(-1, 5, 3), List.of(0, 5, 6));
            assertThat(waiting(db, 1)).containsExactly(List.of(-1, 6L), List.of(0, 6L));
            assertThat(released(db, 2)).isEmpty();
            assertThat(waiting(db, 2)).isEmpty();
            assertThat(db.queryForObject("select count(*) from information_schema.tables where table_schema = ?"
                    + " and table_name in ('impact_tally', 'action_tally')", Integer.class, sandbox.schema())).isZero();
        }
    }

    private static void completed(JdbcTemplate db, long id, long learner, String at, int change, boolean tried) {
        db.update("insert into attempt (id, learner_id, module_id, version_id, status, step_count, started_at,"
                + " last_activity_at, completed_at) values (?, ?, 1, 1, 'COMPLETED', 1, '2025-12-01', ?, ?)",
                id, learner, at, at);
        db.update("insert into attempt_rating (attempt_id, phase, statement, rating) values (?, 'START', 0, 1),"
                + " (?, 'REPORT', 0, ?)", id, id, 1 + change + (change < 0 ? 2 : 0));
        if (change < 0) {
            db.update("update attempt_rating set rating = 3 where attempt_id = ? and phase = 'START'", id);
        }
        db.update("insert into attempt_step (attempt_id, position, choice, tried, completed_at, updated_at)"
                + " values (?, 0, ?, 'Something.', ?, ?)", id, tried ? 1 : 0, at, at);
    }

    private static List<List<Integer>> released(JdbcTemplate db, long scope) {
        return db.query("select figure, people, value_sum from impact_released where scope_team_id = ? and module_id = 1"
                + " order by figure", (rs, i) -> List.of(rs.getInt(1), rs.getInt(2), rs.getInt(3)), scope);
    }

    private static List<List<Object>> waiting(JdbcTemplate db, long scope) {
        return db.query("select figure, learner_id from impact_waiting where scope_team_id = ? and module_id = 1"
                + " order by figure, learner_id", (rs, i) -> List.<Object>of(rs.getInt(1), rs.getLong(2)), scope);
    }
}
