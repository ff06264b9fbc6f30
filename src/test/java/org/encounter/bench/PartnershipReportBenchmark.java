package org.encounter.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.encounter.EncounterTest;
import org.encounter.progress.OrganisationProgressService;
import org.encounter.progress.PartnershipReport;
import org.encounter.progress.PartnershipReportService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Benchmark, not a test (Surefire's default includes skip "*Benchmark"): the partnership report and an organisation
 * admin's overview at scale — 10 organisations, 20,000 staff, 500,000 attempts, one partnership of six sharing 30
 * modules ({@link ProgressData}, {@link PartnershipData}). Run with bench/partnership-reports.sh.
 */
@EncounterTest
class PartnershipReportBenchmark {

    @Autowired JdbcTemplate jdbc;
    @Autowired PartnershipReportService reports;
    @Autowired OrganisationProgressService overview;
    @Autowired UserDetailsService users;

    @Test
    void measure() throws Exception {
        StringBuilder out = new StringBuilder(ProgressData.generate(jdbc).format());
        String coordinator = PartnershipData.prepare(jdbc);
        long partnership = jdbc.queryForObject("SELECT id FROM partnership WHERE name = ?", Long.class,
                PartnershipData.PARTNERSHIP);
        out.append(String.format("%norganisations: %s%n", jdbc.queryForList("""
                SELECT CONCAT(o.name, ' ', COUNT(p.id)) FROM organisation o JOIN person p ON p.organisation_id = o.id
                WHERE p.email LIKE 'staff%' GROUP BY o.id ORDER BY o.id""", String.class)));
        Warm.as(users, coordinator, () -> {
            PartnershipReport r = reports.report(partnership);
            long rows = r.modules().stream().mapToLong(m -> m.rows().size()).sum();
            out.append(String.format("report: %d modules, %d rows; first combined row %s%n", r.modules().size(), rows,
                    r.modules().getFirst().rows().getLast()));
            out.append(Warm.time("partnership report", () -> reports.report(partnership)));
            out.append(Warm.time("partnership report CSV", () -> reports.csv(partnership, java.util.Locale.ENGLISH)));
            OrganisationProgressService.Overview o = overview.overview();
            out.append(String.format("overview of %s: attempts %s, overdue %d, certificates %s%n", o.organisations(),
                    o.attempts(), o.overdue(), o.certificates()));
            out.append(Warm.time("organisation admin's overview", () -> overview.overview()));
        });
        out.append(explain());
        System.out.println(out);
        Files.writeString(Path.of("target/bench-partnership-reports.txt"), out.toString());
    }

    /** How MariaDB reads one organisation's open attempts and overdue assignments (the overview's two joins). */
    private String explain() {
        long organisation = jdbc.queryForObject("SELECT id FROM organisation WHERE name = ?", Long.class,
                ProgressData.ORGANISATION);
        StringBuilder s = new StringBuilder("\nEXPLAIN\n");
        for (String sql : List.of("""
                SELECT a.status, COUNT(*) FROM person p JOIN attempt a ON a.learner_id = p.id
                WHERE p.organisation_id = %d AND a.status IN ('IN_PROGRESS', 'AWAITING_REPORT_BACK') GROUP BY a.status""",
                """
                SELECT COUNT(*) FROM person p JOIN assignment g ON g.learner_id = p.id WHERE p.organisation_id = %d
                AND g.withdrawn_at IS NULL AND g.satisfied_at IS NULL AND g.due_date < CURRENT_DATE""")) {
            for (Map<String, Object> row : jdbc.queryForList("EXPLAIN " + sql.formatted(organisation))) {
                s.append(String.format("  %s %s key=%s rows=%s %s%n", row.get("table"), row.get("type"), row.get("key"),
                        row.get("rows"), row.get("Extra")));
            }
        }
        return s.toString();
    }
}
