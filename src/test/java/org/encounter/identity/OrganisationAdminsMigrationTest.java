package org.encounter.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javax.sql.DataSource;
import org.encounter.EncounterTest;
import org.encounter.MigrationSandbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The migration to several organisations, run on a copy of the demo world (with its year of learning) as it stood
 * before: one organisation. Afterwards every person, team, invitation and certificate is in that first organisation,
 * nothing was lost, and the admin is still the platform admin.
 */
@EncounterTest
@TestPropertySource(properties = "encounter.demo.learning=true")
class OrganisationAdminsMigrationTest {

    static final int MIGRATION = 19;

    @Autowired DataSource app;

    @Test
    void a_copy_of_the_demo_world_ends_wholly_in_the_first_organisation() throws Exception {
        try (MigrationSandbox sandbox = MigrationSandbox.before(app, MIGRATION, "organisations")) {
            JdbcTemplate db = sandbox.db();
            String copy = sandbox.schema();
            String demo = sandbox.appSchema();
            copyDemoWorld(db, demo, copy);
            long certificates = count(db, "certificate");
            long people = count(db, "person");
            assertThat(certificates).as("the demo world's year of learning issued certificates").isPositive();
            assertThat(count(db, "team")).isEqualTo(2);

            sandbox.migrate();

            long first = db.queryForObject("select min(id) from organisation", Long.class);
            for (String table : List.of("person", "team", "invitation", "certificate")) {
                assertThat(db.queryForObject("select count(*) from " + table + " where organisation_id is null"
                        + " or organisation_id <> ?", Long.class, first)).as(table).isZero();
            }
            assertThat(count(db, "certificate")).isEqualTo(certificates);
            assertThat(count(db, "person")).isEqualTo(people);
            assertThat(db.queryForObject("select is_nullable from information_schema.columns where table_schema = ?"
                    + " and table_name = 'certificate' and column_name = 'organisation_id'", String.class, copy))
                    .isEqualTo("NO");
            assertThat(db.queryForList("select p.email from person_role r join person p on p.id = r.person_id"
                    + " where r.role = 'ADMIN'", String.class)).containsExactly("admin" + DemoWorld.DOMAIN);
        }
    }

    /**
     * Copies every table the older schema has, column by column, from the running demo world; then leaves out what
     * this change added to the demo world (the second organisation), so the copy is the demo world as it was.
     */
    private static void copyDemoWorld(JdbcTemplate db, String demo, String copy) {
        db.execute("set foreign_key_checks = 0");
        List<String> tables = db.queryForList("select table_name from information_schema.tables where table_schema = ?"
                + " and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history'", String.class, copy);
        for (String table : tables) {
            String columns = String.join(", ", db.queryForList("select concat('`', column_name, '`')"
                    + " from information_schema.columns where table_schema = ? and table_name = ?"
                    + " and extra not like '%GENERATED%' order by ordinal_position", String.class, copy, table));
            db.execute("delete from `" + table + "`");
            // Assignments made by an induction pathway (no assigning person) and certificates of a programme (no
            // attempt: a Leadership Exchange) came after this migration.
            db.execute("insert into `" + table + "` (" + columns + ") select " + columns + " from `" + demo + "`.`"
                    + table + "`" + (table.equals("assignment") ? " where assigned_by_id is not null"
                    : table.equals("certificate") ? " where attempt_id is not null" : ""));
        }
        long first = db.queryForObject("select min(id) from organisation", Long.class);
        db.update("delete from team where organisation_id <> ?", first);
        db.update("delete from invitation where organisation_id <> ?", first);
        db.update("delete from person where organisation_id <> ?", first);
        db.update("delete from organisation where id <> ?", first);
        db.execute("set foreign_key_checks = 1");
    }

    private static long count(JdbcTemplate db, String table) {
        return db.queryForObject("select count(*) from " + table, Long.class);
    }
}
