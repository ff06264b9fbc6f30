package org.encounter.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.sql.DataSource;
import org.encounter.EncounterTest;
import org.encounter.learning.LearningService;
import org.encounter.learning.StepAnswer;
import org.encounter.privacy.DataExports;
import org.encounter.privacy.PrivacyBench;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Benchmark, not a test (Surefire's default includes skip "*Benchmark"): issue 17, point 6. The export of a person
 * with 1,000 attempts ({@link PrivacyData}) from request to READY, its size and the heap it needs, and the erasure of
 * that person, each while another person uses the app, on the team-dashboard world ({@link ProgressData}). Run with
 * bench/privacy.sh, which gives the JVM a small heap.
 *
 * <p>Every erasure is rolled back (the person stays for the next run): inside its transaction the benchmark asks
 * InnoDB how many rows it holds locked and tries, from another connection with a one-second lock wait, the writes
 * other people make at the same time.
 */
@EncounterTest
class PrivacyBenchmark {

    static final int RUNS = Integer.parseInt(System.getenv().getOrDefault("RUNS", "3"));
    static final int QUIET_SECONDS = Integer.parseInt(System.getenv().getOrDefault("QUIET_SECONDS", "10"));
    static final int ERASURES = Integer.parseInt(System.getenv().getOrDefault("ERASURES", "10"));
    static final boolean PROFILE = !"0".equals(System.getenv().getOrDefault("PROFILE", "1"));
    static final String PHASES = System.getenv().getOrDefault("PHASES", "export,erasure");
    static final String OTHER = "staff00002" + ProgressData.DOMAIN;
    static final int POLL_MILLIS = 20;
    static final int PAUSE_MILLIS = 10;

    @Autowired JdbcTemplate jdbc;
    @Autowired DataSource dataSource;
    @Autowired DataExports exports;
    @Autowired LearningService learning;
    @Autowired UserDetailsService users;
    @Autowired ApplicationContext context;
    @Autowired PlatformTransactionManager transactions;

    private final StringBuilder out = new StringBuilder();
    private long me;
    private long otherId;
    private long otherAttempt;
    private long myTeam;

    @Test
    void measure() throws Exception {
        line("heap: max %s (-Xmx), collectors %s, %d processors; load average %s", HeapWatch.mb(HeapWatch.max()),
                HeapWatch.collectors(), Runtime.getRuntime().availableProcessors(), load());
        out.append(ProgressData.generate(jdbc).format());
        PrivacyData.Person person = PrivacyData.prepare(jdbc);
        out.append(person.format());
        me = person.id();
        otherId = jdbc.queryForObject("SELECT id FROM person WHERE email = ?", Long.class, OTHER);
        Long openModule = jdbc.queryForObject("""
                SELECT MIN(module_id) FROM attempt WHERE learner_id = ? AND status = 'IN_PROGRESS'""", Long.class,
                otherId);
        long module = openModule != null ? openModule
                : jdbc.queryForObject("SELECT MIN(id) FROM module WHERE status = 'PUBLISHED'", Long.class);
        otherAttempt = as(OTHER, () -> learning.start(module));
        line("the other person: %s (id %d), %d attempts; autosaves into attempt %d", OTHER, otherId,
                jdbc.queryForObject("SELECT COUNT(*) FROM attempt WHERE learner_id = ?", Long.class, otherId),
                otherAttempt);
        line("export sections, in order: %s", PrivacyBench.exportSections(context));
        myTeam = jdbc.queryForObject("SELECT MIN(team_id) FROM team_member WHERE person_id = ?", Long.class, me);
        removeOldExports();

        try (HeapWatch heap = new HeapWatch(5)) {
            Others others = new Others();
            others.runFor(10_000);
            if (PHASES.contains("export")) {
                exportPhase(heap, others);
            }
            if (PHASES.contains("erasure")) {
                erasurePhase(others);
            }
        }
        line("%nload average at the end: %s", load());
        System.out.println(out);
        Files.writeString(Path.of("target/bench-privacy.txt"), out.toString());
    }

    // ---------------------------------------------------------------------------------------------------- export

    record ExportRun(long id, double seconds, long bytes, String file, List<Double> sectionSeconds, long liveBefore,
                     HeapWatch.Window heap, long start, long end) {
    }

    private void exportPhase(HeapWatch heap, Others others) throws Exception {
        List<String> sections = PrivacyBench.exportSections(context);
        line("%n== export of %s: 1 warm-up, then %d timed, each after %d s of the other person using the app alone, "
                + "and while they keep using it; load average %s", PrivacyData.EMAIL, RUNS, QUIET_SECONDS, load());
        others.start();
        List<ExportRun> runs = new ArrayList<>();
        List<long[]> quiet = new ArrayList<>();
        for (int run = 0; run <= RUNS; run++) {
            long live = HeapWatch.liveNow();
            Thread.sleep(500);
            long q = System.nanoTime();
            Thread.sleep(QUIET_SECONDS * 1000L);
            ExportRun r = export(heap, live);
            line("%s: %.2f s to READY, %s ZIP; heap live before %s, peak used %s, peak after a collection %s, "
                    + "%d collections (%d ms); load average %s", run == 0 ? "warm-up" : "run " + run, r.seconds(),
                    HeapWatch.mb(r.bytes()), HeapWatch.mb(r.liveBefore()), HeapWatch.mb(r.heap().peakUsed()),
                    HeapWatch.mb(r.heap().peakAfterGc()), r.heap().collections(), r.heap().gcMillis(), load());
            if (run > 0) {
                runs.add(r);
                quiet.add(new long[] {q, r.start()});
            }
        }
        List<Call> during = others.stop();
        double[] seconds = runs.stream().mapToDouble(ExportRun::seconds).sorted().toArray();
        line("export to READY: median %.2f s (min %.2f, max %.2f) of %d", seconds[seconds.length / 2], seconds[0],
                seconds[seconds.length - 1], seconds.length);
        StringBuilder parts = new StringBuilder("time per section (median of the timed runs, from the progress the "
                + "person watches, polled every " + POLL_MILLIS + " ms):");
        for (int i = 0; i < sections.size(); i++) {
            int k = i;
            double[] s = runs.stream().mapToDouble(r -> r.sectionSeconds().get(k)).sorted().toArray();
            parts.append(String.format(" %s %.2f s;", sections.get(i), s[s.length / 2]));
        }
        line("%s", parts);
        line("%n-- the other person's calls in the %d s before each timed export (nothing else running)", QUIET_SECONDS);
        out.append(Call.table(Call.within(during, quiet)));
        line("-- the other person's calls while the timed exports ran");
        out.append(Call.table(Call.within(during, runs.stream().map(r -> new long[] {r.start(), r.end()}).toList())));
        ExportRun last = runs.getLast();
        out.append(contents(last.file()));

        // The live heap: a full collection every 500 ms during one more export.
        long live0 = HeapWatch.liveNow();
        List<Long> live = new ArrayList<>();
        Thread collector = Thread.ofPlatform().daemon(true).start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                live.add(HeapWatch.liveNow());
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        ExportRun lr = export(heap, live0);
        collector.interrupt();
        collector.join();
        long peakLive = live.stream().mapToLong(Long::longValue).max().orElse(0);
        line("%nlive heap (a full collection every 500 ms during one more export, %.2f s): before %s, during: %d "
                + "readings, max %s, so the export holds at most %s more than the app at rest", lr.seconds(),
                HeapWatch.mb(live0), live.size(), HeapWatch.mb(peakLive), HeapWatch.mb(Math.max(0, peakLive - live0)));

        if (PROFILE) {
            Path file = Path.of("target/bench-privacy-export.jfr").toAbsolutePath();
            ExportRun[] pr = new ExportRun[1];
            Profile.record(file, () -> pr[0] = export(heap, HeapWatch.liveNow()));
            line("%n-- profile of one export (%.2f s; JFR settings=profile, %s), thread data-export:", pr[0].seconds(),
                    file);
            out.append(Profile.summary(file, "data-export"::equals, 15));
        }
    }

    private ExportRun export(HeapWatch heap, long liveBefore) throws Exception {
        int parts = PrivacyBench.exportSections(context).size();
        return as(PrivacyData.EMAIL, () -> {
            long start = System.nanoTime();
            DataExports.Export e = exports.request(me);
            List<Double> sectionEnds = new ArrayList<>();
            int done = 0;
            long previous = start;
            while (e.inProgress()) {
                Thread.sleep(POLL_MILLIS);
                e = exports.status(e.id());
                long now = System.nanoTime();
                while (done < e.doneParts()) {
                    sectionEnds.add((now - previous) / 1e9);
                    previous = now;
                    done++;
                }
            }
            long end = System.nanoTime();
            if (e.status() != DataExports.Status.READY) {
                throw new IllegalStateException("export " + e.id() + " ended " + e.status());
            }
            while (sectionEnds.size() < parts) {
                sectionEnds.add((end - previous) / 1e9);
                previous = end;
            }
            String file = jdbc.queryForObject("SELECT file_name FROM data_export WHERE id = ?", String.class, e.id());
            return new ExportRun(e.id(), (end - start) / 1e9, e.sizeBytes(), file, sectionEnds, liveBefore,
                    heap.window(start, end), start, end);
        });
    }

    /** What the last export holds: entries per section, their sizes, and the attempts counted in attempts.json. */
    private String contents(String fileName) throws Exception {
        Path path = PrivacyBench.exportFile(context, fileName);
        Map<String, long[]> bySection = new TreeMap<>();
        StringBuilder s = new StringBuilder();
        try (ZipFile zip = new ZipFile(path.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                String section = entry.getName().contains("/") ? entry.getName().substring(0,
                        entry.getName().indexOf('/')) : entry.getName();
                long[] t = bySection.computeIfAbsent(section, k -> new long[3]);
                t[0]++;
                t[1] += entry.getSize();
                t[2] += entry.getCompressedSize();
            }
            s.append(String.format("contents of the last export (%s):%n", HeapWatch.mb(Files.size(path))));
            bySection.forEach((section, t) -> s.append(String.format("  %-16s %5d entries, %s, %s compressed%n",
                    section, t[0], HeapWatch.mb(t[1]), HeapWatch.mb(t[2]))));
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                if (entry.getName().endsWith(".json")) {
                    try (var in = zip.getInputStream(entry)) {
                        s.append(String.format("  %-38s %5d records, %s%n", entry.getName(), records(in),
                                HeapWatch.mb(entry.getSize())));
                    }
                }
            }
            long pdfs = java.util.Collections.list(zip.entries()).stream().filter(x -> x.getName().endsWith(".pdf"))
                    .count();
            s.append(String.format("  certificate PDFs: %d%n", pdfs));
        }
        return s.toString();
    }

    /** The objects of a JSON array, counted as they stream past (the file may be large; the heap is small). */
    private static long records(java.io.InputStream in) {
        try (JsonParser p = BenchModules.JSON.createParser(in)) {
            long n = 0;
            int depth = 0;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t.isStructStart()) {
                    if (depth == 1 && t == JsonToken.START_OBJECT) {
                        n++;
                    }
                    depth++;
                } else if (t.isStructEnd()) {
                    depth--;
                }
            }
            return n;
        }
    }

    private void removeOldExports() {
        for (String name : jdbc.queryForList("SELECT file_name FROM data_export WHERE person_id = ? AND file_name IS "
                + "NOT NULL", String.class, me)) {
            PrivacyBench.deleteExportFile(context, name);
        }
        jdbc.update("DELETE FROM data_export WHERE person_id = ?", me);
        jdbc.update("DELETE FROM notification WHERE person_id = ? AND kind LIKE 'data-export%'", me);
    }

    // --------------------------------------------------------------------------------------------------- erasure

    record ErasureRun(double seconds, double rollbackSeconds, Map<String, Object> trx, long start, long end) {
    }

    private void erasurePhase(Others others) throws Exception {
        line("%n== erasure of %s (one transaction, rolled back each time): 1 warm-up with the statements explained and "
                + "lock probes, then %d timed, each after 2 s of the other person using the app alone, and while they "
                + "keep using it; load average %s", PrivacyData.EMAIL, ERASURES, load());
        others.start();
        List<ErasureRun> runs = new ArrayList<>();
        List<long[]> quiet = new ArrayList<>();
        for (int run = 0; run <= ERASURES; run++) {
            long q = System.nanoTime();
            Thread.sleep(2000);
            ErasureRun r = erase(run == 0);
            line("%s: erase %.2f s, rollback %.2f s; InnoDB: %s", run == 0 ? "warm-up" : "run " + run, r.seconds(),
                    r.rollbackSeconds(), r.trx());
            if (run > 0) {
                runs.add(r);
                quiet.add(new long[] {q, r.start()});
            }
        }
        List<Call> during = others.stop();
        double[] seconds = runs.stream().mapToDouble(ErasureRun::seconds).sorted().toArray();
        line("erasure: median %.2f s (min %.2f, max %.2f) of %d; load average %s", seconds[seconds.length / 2],
                seconds[0], seconds[seconds.length - 1], seconds.length, load());
        line("%n-- the other person's calls in the 2 s before each timed erasure (nothing else running)");
        out.append(Call.table(Call.within(during, quiet)));
        line("-- the other person's calls while the timed erasures ran (erase to end of rollback)");
        out.append(Call.table(Call.within(during, runs.stream().map(r -> new long[] {r.start(), r.end()}).toList())));
        if (PROFILE) {
            Path file = Path.of("target/bench-privacy-erasure.jfr").toAbsolutePath();
            String thread = Thread.currentThread().getName();
            ErasureRun[] pr = new ErasureRun[1];
            Profile.record(file, () -> {
                for (int i = 0; i < 3; i++) {
                    pr[0] = erase(false);
                }
            });
            line("%n-- profile of three more erasures (last %.2f s; JFR settings=profile, %s), thread %s:",
                    pr[0].seconds(), file, thread);
            out.append(Profile.summary(file, thread::equals, 15));
        }
    }

    private ErasureRun erase(boolean probe) {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        long start = System.nanoTime();
        double[] seconds = new double[1];
        long[] rolling = new long[1];
        @SuppressWarnings("unchecked")
        Map<String, Object>[] trx = new Map[1];
        tx.executeWithoutResult(status -> {
            long connection = jdbc.queryForObject("SELECT CONNECTION_ID()", Long.class);
            jdbc.update("""
                    INSERT INTO erasure_request (person_id, requested_by, origin, requested_at, due_at, status,
                        keep_anonymous_stories, credit_as_codesigner, end_open_exchange)
                    VALUES (?, ?, 'PERSON', UTC_TIMESTAMP(6) - INTERVAL 15 DAY, UTC_TIMESTAMP(6) - INTERVAL 1 DAY,
                        'PENDING', FALSE, FALSE, TRUE)""", me, me);
            long request = jdbc.queryForObject("SELECT LAST_INSERT_ID()", Long.class);
            long t = System.nanoTime();
            List<SqlCapture.Statement> statements;
            try (SqlCapture capture = probe ? new SqlCapture(Thread.currentThread().getName()) : null) {
                if (!PrivacyBench.erase(context, request)) {
                    throw new IllegalStateException("erasure request " + request + " did nothing");
                }
                seconds[0] = (System.nanoTime() - t) / 1e9;
                statements = capture == null ? List.of() : capture.statements();
            }
            if (jdbc.queryForObject("SELECT erased_at IS NULL FROM person WHERE id = ?", Boolean.class, me)) {
                throw new IllegalStateException("the person was not erased");
            }
            trx[0] = innodb(connection);
            if (probe) {
                line("the erasure's statements (captured from JdbcTemplate's logging in the warm-up) and how MariaDB "
                        + "reads them:");
                out.append(SqlCapture.explain(jdbc, statements));
                probes();
            }
            status.setRollbackOnly();
            rolling[0] = System.nanoTime();
        });
        long end = System.nanoTime();
        return new ErasureRun(seconds[0], (end - rolling[0]) / 1e9, trx[0], start, end);
    }

    /** What InnoDB says of the erasure's transaction, asked from another connection. */
    private Map<String, Object> innodb(long connection) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     SELECT trx_rows_modified, trx_rows_locked, trx_lock_structs, trx_tables_locked,
                            trx_lock_memory_bytes FROM information_schema.INNODB_TRX WHERE trx_mysql_thread_id = ?""")) {
            s.setLong(1, connection);
            try (ResultSet rs = s.executeQuery()) {
                Map<String, Object> m = new LinkedHashMap<>();
                if (rs.next()) {
                    m.put("rows modified", rs.getLong(1));
                    m.put("rows locked", rs.getLong(2));
                    m.put("lock structs", rs.getLong(3));
                    m.put("tables locked", rs.getLong(4));
                    m.put("lock memory", rs.getLong(5));
                }
                return m;
            }
        } catch (SQLException e) {
            return Map.of("error", e.getMessage());
        }
    }

    /**
     * Writes other people make, tried from another connection while the erasure's transaction is open (after its
     * statements ran, before it ends), each waiting at most one second for a lock and then rolled back.
     */
    private void probes() {
        Map<String, Object> ids = jdbc.queryForMap("""
                SELECT (SELECT id FROM certificate WHERE learner_id = :o LIMIT 1) AS certificate,
                       (SELECT id FROM notification WHERE person_id = :o LIMIT 1) AS notification,
                       (SELECT f.id FROM module_feedback f WHERE f.signed_by_id IS NOT NULL AND f.signed_by_id <> :me
                        LIMIT 1) AS feedback,
                       (SELECT a.id FROM attempt a LEFT JOIN module_feedback f ON f.attempt_id = a.id
                        WHERE a.learner_id = :o AND a.status = 'COMPLETED' AND f.id IS NULL LIMIT 1) AS completed,
                       (SELECT MIN(m.id) FROM module m WHERE m.status = 'PUBLISHED' AND m.id NOT IN
                           (SELECT module_id FROM attempt WHERE learner_id = :o AND status <> 'COMPLETED')
                        AND m.id NOT IN (SELECT module_id FROM assignment WHERE learner_id = :o
                           AND withdrawn_at IS NULL)) AS module,
                       (SELECT MIN(id) FROM story) AS story,
                       (SELECT MIN(id) FROM invitation) AS invitation,
                       (SELECT organisation_id FROM person WHERE id = :o) AS organisation
                """.replace(":o", String.valueOf(otherId)).replace(":me", String.valueOf(me)));
        Object module = ids.get("module");
        Object version = jdbc.queryForObject("SELECT latest_version_id FROM module WHERE id = ?", Long.class, module);
        Map<String, String> probes = new LinkedHashMap<>();
        probes.put("another learner's autosave (attempt_step)",
                "UPDATE attempt_step SET updated_at = updated_at WHERE attempt_id = " + otherAttempt);
        probes.put("another learner's attempt (attempt)",
                "UPDATE attempt SET last_activity_at = last_activity_at WHERE id = " + otherAttempt);
        probes.put("another learner starts a module (attempt insert)", "INSERT INTO attempt (learner_id, module_id, "
                + "version_id, status, current_position, step_count, started_at, last_activity_at, version) VALUES ("
                + otherId + ", " + module + ", " + version + ", 'IN_PROGRESS', 0, 6, UTC_TIMESTAMP(6), "
                + "UTC_TIMESTAMP(6), 0)");
        probes.put("another learner rates (attempt_rating insert)", "INSERT INTO attempt_rating (attempt_id, phase, "
                + "statement, rating) VALUES (" + ids.get("completed") + ", 'REPORT', 7, 3)");
        probes.put("another learner's feedback (module_feedback insert)", "INSERT INTO module_feedback (attempt_id, "
                + "module_id, version_id, rating, comment, signed_by_id, created_at) SELECT id, module_id, version_id, 4, "
                + "'probe', learner_id, UTC_TIMESTAMP(6) FROM attempt WHERE id = " + ids.get("completed"));
        probes.put("someone's signed feedback (module_feedback update)",
                "UPDATE module_feedback SET comment = comment WHERE id = " + ids.get("feedback"));
        probes.put("another's certificate (certificate update)",
                "UPDATE certificate SET learner_name = learner_name WHERE id = " + ids.get("certificate"));
        probes.put("a notification for another (notification insert)", "INSERT INTO notification (person_id, kind, "
                + "ref, message_key, created_at) VALUES (" + otherId + ", 'bench-probe', 'probe', 'probe', "
                + "UTC_TIMESTAMP(6))");
        probes.put("another reads a notification (notification update)",
                "UPDATE notification SET read_at = read_at WHERE id = " + ids.get("notification"));
        probes.put("an assignment for another (assignment insert)", "INSERT INTO assignment (learner_id, module_id, "
                + "assigned_by_id, due_date, created_at, version) VALUES (" + otherId + ", " + module + ", " + otherId
                + ", CURRENT_DATE, UTC_TIMESTAMP(6), 0)");
        probes.put("another's completion waits for release (impact_waiting insert)", "INSERT INTO impact_waiting "
                + "(scope_team_id, module_id, figure, learner_id, answered_at, value) VALUES (0, " + module + ", 0, "
                + otherId + ", UTC_TIMESTAMP(6), 1)");
        probes.put("another person's account (person update)",
                "UPDATE person SET version = version WHERE id = " + otherId);
        probes.put("someone joins the person's team (team_member insert)", "INSERT INTO team_member (team_id, "
                + "person_id) SELECT " + myTeam + ", MAX(p.id) FROM person p WHERE p.email LIKE 'staff%' AND "
                + "NOT EXISTS (SELECT 1 FROM team_member m WHERE m.team_id = " + myTeam
                + " AND m.person_id = p.id)");
        probes.put("another asks for their export (data_export insert)", "INSERT INTO data_export (person_id, "
                + "requested_at, status) VALUES (" + otherId + ", UTC_TIMESTAMP(6), 'QUEUED')");
        probes.put("another asks for erasure (erasure_request insert)", "INSERT INTO erasure_request (person_id, "
                + "origin, requested_at, due_at, status) VALUES (" + otherId + ", 'PERSON', UTC_TIMESTAMP(6), "
                + "UTC_TIMESTAMP(6), 'PENDING')");
        if (ids.get("story") != null) {
            probes.put("a curator edits a story (story update)",
                    "UPDATE story SET curator_comment = curator_comment WHERE id = " + ids.get("story"));
        }
        if (ids.get("invitation") != null) {
            probes.put("an admin edits an invitation (invitation update)",
                    "UPDATE invitation SET note = note WHERE id = " + ids.get("invitation"));
        }
        probes.put("an admin invites someone (invitation insert)", "INSERT INTO invitation (token_hash, "
                + "organisation_id, note, created_by_id, created_at, expires_at, version) VALUES (SHA2(RAND(), 256), "
                + ids.get("organisation") + ", 'probe', " + otherId + ", UTC_TIMESTAMP(6), UTC_TIMESTAMP(6) + "
                + "INTERVAL 7 DAY, 0)");
        line("lock probes (another connection, innodb_lock_wait_timeout = 1 s, each rolled back; for a wait, the lock "
                + "it waited for, as INNODB_LOCKS shows it):");
        var pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try (Connection c = dataSource.getConnection(); Connection diag = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (var s = c.createStatement()) {
                s.execute("SET SESSION innodb_lock_wait_timeout = 1");
            }
            for (var p : probes.entrySet()) {
                long t = System.nanoTime();
                var result = pool.submit(() -> {
                    try (var s = c.createStatement()) {
                        int n = s.executeUpdate(p.getValue());
                        return String.format("ok, %d row(s), %.1f ms", n, (System.nanoTime() - t) / 1e6);
                    } catch (SQLException e) {
                        return (e.getMessage().contains("Lock wait timeout") ? "WAITED " : "error: ")
                                + (e.getMessage().contains("Lock wait timeout") ? ""
                                : e.getMessage().lines().findFirst().orElse("")) + String.format("(%.0f ms)",
                                (System.nanoTime() - t) / 1e6);
                    }
                });
                String blocking = "";
                try {
                    result.get(300, java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException waiting) {
                    blocking = blockingLocks(diag);
                }
                String outcome = result.get();
                c.rollback();
                line("  %-62s %s%s", p.getKey(), outcome, blocking.isEmpty() ? "" : " on " + blocking);
            }
            c.setAutoCommit(true);
        } catch (Exception e) {
            line("  probes failed: %s", e);
        } finally {
            pool.shutdown();
        }
    }

    /** The locks someone is waiting for now: table, index, mode and the locked record (or the supremum). */
    private static String blockingLocks(Connection diag) throws SQLException {
        try (var s = diag.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT DISTINCT b.lock_table, b.lock_index, b.lock_mode, b.lock_type, b.lock_data
                FROM information_schema.INNODB_LOCK_WAITS w
                JOIN information_schema.INNODB_LOCKS b ON b.lock_id = w.blocking_lock_id""")) {
            List<String> locks = new ArrayList<>();
            while (rs.next()) {
                locks.add(String.format("%s %s %s %s [%s]", rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5)));
            }
            return String.join("; ", locks);
        }
    }

    // ----------------------------------------------------------------------------------------- the other person

    record Call(String what, long start, long end) {

        double millis() {
            return (end - start) / 1e6;
        }

        static List<Call> within(List<Call> calls, List<long[]> windows) {
            return calls.stream().filter(c -> windows.stream().anyMatch(w -> c.start() < w[1] && c.end() > w[0]))
                    .toList();
        }

        static String table(List<Call> calls) {
            Map<String, List<Double>> by = new LinkedHashMap<>();
            calls.forEach(c -> by.computeIfAbsent(c.what(), k -> new ArrayList<>()).add(c.millis()));
            StringBuilder s = new StringBuilder();
            by.forEach((what, ms) -> {
                double[] m = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                s.append(String.format("  %-44s n=%4d  median %7.1f ms  p95 %7.1f ms  max %7.1f ms%n", what, m.length,
                        m[m.length / 2], m[Math.max(0, (int) Math.ceil(m.length * 0.95) - 1)], m[m.length - 1]));
            });
            return s.toString();
        }
    }

    /** Another person using the app as usual: the catalogue, their learning, an autosave; a short pause between. */
    private final class Others {

        private final List<Call> calls = new ArrayList<>();
        private volatile boolean running;
        private Thread thread;

        List<Call> runFor(long millis) throws InterruptedException {
            start();
            Thread.sleep(millis);
            return stop();
        }

        void start() {
            calls.clear();
            running = true;
            thread = Thread.ofPlatform().name("other-person").start(() -> as(OTHER, () -> {
                int i = 0;
                while (running) {
                    long t = System.nanoTime();
                    String what;
                    switch (i++ % 3) {
                        case 0 -> {
                            learning.catalogue(null, null, null, null, false, PageRequest.of(0, 24));
                            what = "LearningService.catalogue (first page)";
                        }
                        case 1 -> {
                            learning.myLearning();
                            what = "LearningService.myLearning";
                        }
                        default -> {
                            learning.saveAnswer(otherAttempt, BenchModules.REFLECTION, new StepAnswer(
                                    "What I knew before they spoke: the file, mostly. " + i, null, null, null, null,
                                    null, null, null, false));
                            what = "LearningService.saveAnswer (autosave)";
                        }
                    }
                    calls.add(new Call(what, t, System.nanoTime()));
                    Thread.sleep(PAUSE_MILLIS);
                }
                return null;
            }));
        }

        List<Call> stop() throws InterruptedException {
            running = false;
            thread.join();
            return List.copyOf(calls);
        }
    }

    // ------------------------------------------------------------------------------------------------------ help

    private <T> T as(String email, Callable<T> work) {
        var user = users.loadUserByUsername(email);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static String load() {
        try {
            return Arrays.stream(Files.readString(Path.of("/proc/loadavg")).split(" ")).limit(3)
                    .reduce((a, b) -> a + " " + b).orElse("?");
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    private void line(String format, Object... args) {
        String s = String.format(format, args);
        out.append(s).append('\n');
        System.out.println(s);
    }
}
