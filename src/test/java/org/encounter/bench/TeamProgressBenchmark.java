package org.encounter.bench;

import org.encounter.progress.CellStatus;
import org.encounter.progress.ImpactService;
import org.encounter.progress.OrganisationProgressService;
import org.encounter.progress.ProgressFilter;
import org.encounter.progress.TeamProgress;
import org.encounter.progress.TeamProgressService;
import org.springframework.security.core.userdetails.UserDetailsService;

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
    @Autowired TeamProgressService progress;
    @Autowired ImpactService impact;
    @Autowired OrganisationProgressService organisation;
    @Autowired UserDetailsService users;

    @Test
    void measure() throws Exception {
        ProgressData.Summary summary = ProgressData.generate(jdbc);
        String report = summary.format() + sanity() + timings();
        System.out.println(report);
        Files.writeString(Path.of("target/bench-team-progress.txt"), report);
    }

    /**
     * The dashboard of a 50-member team as its manager opens it (matrix, charts, assignments, impact), and the
     * admin's organisation-wide figures; each timed after a warm-up, p95 over repeated runs.
     */
    private String timings() {
        long team = jdbc.queryForObject("SELECT MIN(t.id) FROM team t JOIN organisation o ON o.id = t.organisation_id"
                + " WHERE o.name = ?", Long.class, ProgressData.ORGANISATION);
        String manager = jdbc.queryForObject("SELECT p.email FROM team_manager tm JOIN person p ON p.id = tm.person_id"
                + " WHERE tm.team_id = ? LIMIT 1", String.class, team);
        int members = jdbc.queryForObject("SELECT COUNT(*) FROM team_member WHERE team_id = ?", Integer.class, team);
        StringBuilder out = new StringBuilder(String.format("%nteam %d (%d members), manager %s%n", team, members, manager));
        Warm.as(users, manager, () -> {
            TeamProgress p = progress.progress(team, ProgressFilter.ALL);
            out.append(String.format("matrix: %d members x %d modules, %d cells%n", p.members().size(), p.modules().size(),
                    p.allCells().count()));
            out.append(Warm.time("team matrix (all)", () -> progress.progress(team, ProgressFilter.ALL)));
            out.append(Warm.time("team matrix (overdue)", () -> progress.progress(team,
                    new ProgressFilter(null, CellStatus.OVERDUE, null, null))));
            out.append(Warm.time("team charts", () -> progress.charts(team)));
            out.append(Warm.time("team assignments", () -> progress.assignments(team)));
            out.append(Warm.time("team impact", () -> impact.forTeam(team)));
            out.append(Warm.time("team dashboard, whole page", () -> {
                progress.progress(team, ProgressFilter.ALL);
                progress.progress(team, ProgressFilter.ALL);
                progress.charts(team);
                progress.assignments(team);
                return impact.forTeam(team);
            }));
        });
        Warm.as(users, "admin@demo.encounter.example", () -> {
            out.append(Warm.time("organisation overview (all figures)", () -> organisation.overview()));
            out.append(Warm.time("organisation impact per module", () -> impact.everywhere()));
        });
        return out.toString();
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
        // Any index that starts with learner_id reads a team's attempts as a range: ix_attempt_learner, or the
        // unique ux_attempt_open (learner_id, open_module_id) that V13 added, which the optimiser may prefer.
        List<String> byLearner = jdbc.queryForList("SELECT index_name FROM information_schema.statistics WHERE"
                + " table_schema = DATABASE() AND table_name = 'attempt' AND seq_in_index = 1 AND column_name = 'learner_id'",
                String.class);
        if (!byLearner.contains(String.valueOf(plan.get("key")))) {
            throw new IllegalStateException("a team's attempts are not read through an index on learner_id: " + plan);
        }
        return String.format("sanity: module %d reads as \"%s\" (%d steps); a team of %d: attempts via %s, %s rows"
                + " estimated%n", module, version.title(), version.steps().size(), team.size(), plan.get("key"),
                plan.get("rows"));
    }
}
