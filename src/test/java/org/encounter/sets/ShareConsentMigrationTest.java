package org.encounter.sets;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.encounter.ServiceTest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Shares made before consent named people: after V14 they reach only whoever was certainly in the set when the
 * member shared (the facilitator, and members there no later than the member), never a manager of theirs.
 */
class ShareConsentMigrationTest extends ServiceTest {

    @Autowired DataSource dataSource;

    @Test
    void existing_shares_keep_only_the_people_certainly_there_and_never_a_manager() {
        HikariDataSource app = (HikariDataSource) dataSource;
        String name = "v14_" + System.nanoTime();
        jdbc.execute("create database " + name);
        try {
            String url = app.getJdbcUrl().replaceFirst("(//[^/]+/)[^?]*", "$1" + name);
            DriverManagerDataSource ds = new DriverManagerDataSource(url, app.getUsername(), app.getPassword());
            Flyway flyway = Flyway.configure().dataSource(ds).locations("classpath:db/migration").load();
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").target("13").load().migrate();
            // One connection, so that leaving out the module (which V14 never reads) holds for one statement.
            SingleConnectionDataSource one = new SingleConnectionDataSource(url, app.getUsername(), app.getPassword(),
                    true);
            JdbcTemplate db = new JdbcTemplate(one);
            db.update("insert into organisation (id, name, created_at) values (1, 'Org', now(6))");
            for (int p = 1; p <= 6; p++) {
                db.update("insert into person (id, organisation_id, email, display_name, password_hash, created_at)"
                        + " values (?, 1, ?, ?, 'x', now(6))", p, "p" + p + "@example.org", "P" + p);
            }
            // 1 facilitates with 6; 2, 3 and 5 were there from the start, 4 came later; 5 manages 2.
            db.update("insert into team (id, organisation_id, name, created_at) values (1, 1, 'Team', now(6))");
            db.update("insert into team_member (team_id, person_id) values (1, 2)");
            db.update("insert into team_manager (team_id, person_id) values (1, 5)");
            db.execute("set foreign_key_checks = 0");
            db.update("insert into learning_set (id, name, module_id, facilitator_id, co_facilitator_id, time_zone,"
                    + " created_at, updated_at) values (1, 'Set', 99, 1, 6, 'Europe/Helsinki', now(6), now(6))");
            db.execute("set foreign_key_checks = 1");
            String member = "insert into learning_set_member (set_id, person_id, shares_commitment, added_at)"
                    + " values (1, ?, ?, ?)";
            db.update(member, 2, true, "2026-01-01 10:00:00");
            db.update(member, 3, false, "2026-01-01 10:00:00");
            db.update(member, 5, false, "2026-01-01 10:00:00");
            db.update(member, 4, true, "2026-02-01 10:00:00");

            flyway.migrate();
            one.destroy();
            db = new JdbcTemplate(ds);

            assertThat(db.queryForList("select sharer_id from set_share order by sharer_id", Long.class))
                    .containsExactly(2L, 4L);
            assertThat(db.queryForList("select reader_id from set_share_reader where sharer_id = 2 order by reader_id",
                    Long.class)).as("the facilitator and 3; not 4 (came later), 5 (manages 2) or 6").containsExactly(1L, 3L);
            assertThat(db.queryForList("select reader_id from set_share_reader where sharer_id = 4 order by reader_id",
                    Long.class)).containsExactly(1L, 2L, 3L, 5L);
            assertThat(db.queryForObject("select count(*) from information_schema.columns where table_schema = ?"
                    + " and table_name = 'learning_set_member' and column_name = 'shares_commitment'", Integer.class,
                    name)).isZero();
        } finally {
            jdbc.execute("drop database " + name);
        }
    }
}
