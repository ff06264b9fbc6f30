package org.encounter.bench;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Turns the team-dashboard world ({@link ProgressData}: 20,000 staff, 1,000 teams, 300 modules, 500,000 attempts)
 * into ten organisations and one partnership of six: "Bench City" and nine more organisations; team t belongs to
 * organisation t mod 10, and each person to the organisation of their first team (certificates follow their
 * holder). The partnership "Bench Partnership" has the first six organisations as members, shares 30 of the
 * modules and is coordinated by a person of Bench City, who is also its organisation admin. The per-organisation
 * completion tally is rebuilt as V22 builds it. Idempotent: a second run finds the partnership and does nothing.
 */
final class PartnershipData {

    static final String PARTNERSHIP = "Bench Partnership";
    static final int ORGANISATIONS = 10;
    static final int MEMBERS = 6;
    static final int SHARED = 30;

    private PartnershipData() {
    }

    /** The coordinator's and organisation admin's e-mail. */
    static String prepare(JdbcTemplate jdbc) {
        Long city = jdbc.queryForObject("SELECT id FROM organisation WHERE name = ?", Long.class, ProgressData.ORGANISATION);
        String coordinator = jdbc.queryForObject("""
                SELECT p.email FROM person p WHERE p.organisation_id = ? AND p.email LIKE 'staff%' ORDER BY p.id
                LIMIT 1 OFFSET 20""", String.class, city);
        if (jdbc.queryForObject("SELECT COUNT(*) FROM partnership WHERE name = ?", Integer.class, PARTNERSHIP) > 0) {
            return jdbc.queryForObject("""
                    SELECT p.email FROM partnership_coordinator c JOIN partnership s ON s.id = c.partnership_id
                    JOIN person p ON p.id = c.person_id WHERE s.name = ?""", String.class, PARTNERSHIP);
        }
        long start = System.nanoTime();
        jdbc.execute("CREATE TEMPORARY TABLE bench_org (k INT PRIMARY KEY, id BIGINT NOT NULL)");
        jdbc.update("INSERT INTO bench_org VALUES (0, ?)", city);
        for (int k = 1; k < ORGANISATIONS; k++) {
            jdbc.update("INSERT INTO organisation (name, created_at, version) VALUES (?, UTC_TIMESTAMP(6), 0)",
                    "Bench Organisation " + (k + 1));
            jdbc.update("INSERT INTO bench_org SELECT ?, id FROM organisation WHERE name = ?", k,
                    "Bench Organisation " + (k + 1));
        }
        long firstTeam = jdbc.queryForObject("SELECT MIN(t.id) FROM team t WHERE t.organisation_id = ?", Long.class, city);
        jdbc.update("UPDATE team t JOIN bench_org o ON o.k = (t.id - ?) % ? SET t.organisation_id = o.id"
                + " WHERE t.organisation_id = ?", firstTeam, ORGANISATIONS, city);
        jdbc.update("""
                UPDATE person p JOIN (SELECT person_id, MIN(team_id) AS team_id FROM team_member GROUP BY person_id) m
                    ON m.person_id = p.id
                JOIN team t ON t.id = m.team_id SET p.organisation_id = t.organisation_id""");
        jdbc.update("UPDATE certificate c JOIN person p ON p.id = c.learner_id SET c.organisation_id = p.organisation_id");
        jdbc.update("DELETE FROM organisation_completion_tally");
        jdbc.update("""
                INSERT INTO organisation_completion_tally (organisation_id, module_id, month, completions)
                SELECT p.organisation_id, a.module_id, DATE_FORMAT(a.completed_at, '%Y-%m'), COUNT(*)
                FROM attempt a JOIN person p ON p.id = a.learner_id WHERE a.status = 'COMPLETED'
                GROUP BY p.organisation_id, a.module_id, DATE_FORMAT(a.completed_at, '%Y-%m')""");
        jdbc.update("INSERT INTO partnership (name, created_at, version) VALUES (?, UTC_TIMESTAMP(6), 0)", PARTNERSHIP);
        long partnership = jdbc.queryForObject("SELECT id FROM partnership WHERE name = ?", Long.class, PARTNERSHIP);
        jdbc.update("INSERT INTO partnership_member (partnership_id, organisation_id, joined_at)"
                + " SELECT ?, id, UTC_TIMESTAMP(6) FROM bench_org WHERE k < ?", partnership, MEMBERS);
        long coordinatorId = jdbc.queryForObject("SELECT id FROM person WHERE email = ?", Long.class, coordinator);
        jdbc.update("INSERT INTO partnership_coordinator (partnership_id, person_id) VALUES (?, ?)", partnership,
                coordinatorId);
        jdbc.update("INSERT IGNORE INTO person_role (person_id, role) VALUES (?, 'ORG_ADMIN')", coordinatorId);
        List<Long> modules = jdbc.queryForList("SELECT id FROM module WHERE organisation_id = ? ORDER BY id LIMIT "
                + SHARED, Long.class, city);
        modules.forEach(m -> jdbc.update("INSERT INTO module_share (module_id, partnership_id, shared_at)"
                + " VALUES (?, ?, UTC_TIMESTAMP(6))", m, partnership));
        jdbc.execute("DROP TEMPORARY TABLE bench_org");
        jdbc.execute("ANALYZE TABLE person, team, certificate, organisation_completion_tally, module_share");
        System.out.printf("PartnershipData: ten organisations and the partnership in %.1f s%n",
                (System.nanoTime() - start) / 1e9);
        return coordinator;
    }
}
