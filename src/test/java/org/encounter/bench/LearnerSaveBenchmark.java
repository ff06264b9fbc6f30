package org.encounter.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.encounter.EncounterTest;
import org.encounter.learning.LearningService;
import org.encounter.learning.StepAnswer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Benchmark, not a test (Surefire's default includes skip "*Benchmark"): the learner's save path
 * against MariaDB — an autosave of a reflection, and completing a step. Run with bench/learner-save.sh.
 */
@EncounterTest
class LearnerSaveBenchmark {

    static final String DOMAIN = "@demo.encounter.example";
    static final List<String> LEARNERS = List.of("sanna", "jussi", "asa", "leo", "callum", "zoe", "ahmed", "olga");

    @Autowired LearningService learning;
    @Autowired UserDetailsService users;
    @Autowired JdbcTemplate jdbc;

    @Test
    void measure() throws Exception {
        List<Long> modules = jdbc.queryForList("select id from module where status = 'PUBLISHED'", Long.class);
        // Warm up the JIT and the connection pool.
        run("sanna", () -> {
            long attempt = learning.start(modules.getFirst());
            for (int i = 0; i < 300; i++) {
                learning.saveAnswer(attempt, 2, answer(i));
            }
            return null;
        });

        long[] autosave = timeAutosaves("jussi", modules.get(1), 2000);
        long[] complete = timeCompletions(modules);
        double single = throughput(1, modules);
        double both = throughput(2, modules);

        String report = String.format("""
                autosave of a reflection : n=%d median %.2f ms  p95 %.2f ms
                complete a step          : n=%d median %.2f ms  p95 %.2f ms
                autosaves per second     : %.0f on 1 thread, %.0f on 2 threads (2 cores)
                """, autosave.length, median(autosave), p95(autosave), complete.length, median(complete), p95(complete),
                single, both);
        System.out.println(report);
        java.nio.file.Files.writeString(java.nio.file.Path.of("target/bench-learner-save.txt"), report);
    }

    private long[] timeAutosaves(String who, long module, int n) {
        return run(who, () -> {
            long attempt = learning.start(module);
            long[] times = new long[n];
            for (int i = 0; i < n; i++) {
                long t = System.nanoTime();
                learning.saveAnswer(attempt, 2, answer(i));
                times[i] = System.nanoTime() - t;
            }
            return times;
        });
    }

    /** Completes the first four steps (story, media, reflection, perspective check) for each learner and module. */
    private long[] timeCompletions(List<Long> modules) {
        List<Long> times = new ArrayList<>();
        for (String who : LEARNERS.subList(2, LEARNERS.size())) {
            for (long module : modules) {
                run(who, () -> {
                    long attempt = learning.start(module);
                    for (int position = 0; position < 4; position++) {
                        long t = System.nanoTime();
                        learning.completeStep(attempt, position, new StepAnswer("A reflection " + position, 0, null,
                                null, null, null, null, null, false));
                        times.add(System.nanoTime() - t);
                    }
                    return null;
                });
            }
        }
        return times.stream().mapToLong(Long::longValue).toArray();
    }

    private double throughput(int threads, List<Long> modules) throws Exception {
        int perThread = 1500;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String who = LEARNERS.get(t);
            long module = modules.get(2);
            futures.add(pool.submit(() -> run(who, () -> {
                long attempt = learning.start(module);
                for (int i = 0; i < perThread; i++) {
                    learning.saveAnswer(attempt, 2, answer(i));
                }
                return null;
            })));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        return threads * perThread / ((System.nanoTime() - start) / 1e9);
    }

    private static StepAnswer answer(int i) {
        return new StepAnswer("When I met the family I first noticed " + i + " things about the flat, not about them.",
                null, null, null, null, null, null, null, false);
    }

    private <T> T run(String who, java.util.concurrent.Callable<T> work) {
        var user = users.loadUserByUsername(who + DOMAIN);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            return work.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static double median(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return s[s.length / 2] / 1e6;
    }

    private static double p95(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return s[(int) Math.ceil(s.length * 0.95) - 1] / 1e6;
    }
}
