package org.encounter.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.encounter.EncounterTest;
import org.encounter.authoring.PublishedModule;
import org.encounter.authoring.PublishedModules;
import org.encounter.base.SystemAccess;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark, not a test (Surefire's default includes skip "*Benchmark"): the manager's team dashboard
 * at scale — 20,000 staff, 1,000 teams, 500,000 attempts (see {@link ProgressData}). Run with
 * bench/team-progress.sh, which points it at a MariaDB server so the data is generated once.
 */
@EncounterTest
class TeamProgressBenchmark {

    @Autowired JdbcTemplate jdbc;
    @Autowired PublishedModules published;

    @Test
    void measure() throws Exception {
        ProgressData.Summary summary = ProgressData.generate(jdbc);
        String report = summary.format() + sanity();
        System.out.println(report);
        Files.writeString(Path.of("target/bench-team-progress.txt"), report);
    }

    /** The app reads a generated version as it reads its own, and a team's attempts come through its index. */
    private String sanity() {
        long module = jdbc.queryForObject("SELECT MIN(m.id) FROM module m JOIN person p ON p.id = m.owner_id"
                + " WHERE p.email LIKE ?", Long.class, "%" + ProgressData.DOMAIN);
        PublishedModule version = SystemAccess.run(() -> published.current(module)).orElseThrow();
        if (version.steps().size() != BenchModules.STEPS || version.statements().size() != 3) {
            throw new IllegalStateException("generated module " + module + " reads wrongly: " + version);
        }
        List<Long> team = jdbc.queryForList("SELECT tm.person_id FROM team_member tm WHERE tm.team_id = (SELECT MIN(t.id)"
                + " FROM team t JOIN organisation o ON o.id = t.organisation_id WHERE o.name = ?)", Long.class,
                ProgressData.ORGANISATION);
        String ids = team.stream().map(String::valueOf).collect(Collectors.joining(","));
        Map<String, Object> plan = jdbc.queryForList("EXPLAIN SELECT id, module_id, status, completed_at FROM attempt"
                + " WHERE learner_id IN (" + ids + ")").getFirst();
        if (!"ix_attempt_learner".equals(plan.get("key"))) {
            throw new IllegalStateException("a team's attempts are not read through ix_attempt_learner: " + plan);
        }
        return String.format("sanity: module %d reads as \"%s\" (%d steps); a team of %d: attempts via %s, %s rows"
                + " estimated%n", module, version.title(), version.steps().size(), team.size(), plan.get("key"),
                plan.get("rows"));
    }
}
