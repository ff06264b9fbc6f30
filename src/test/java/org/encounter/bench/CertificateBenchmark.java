package org.encounter.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.encounter.EncounterTest;
import org.encounter.certificates.CertificateBench;
import org.encounter.certificates.CertificateView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Benchmark, not a test (Surefire's default includes skip "*Benchmark"): one signed PDF/A
 * certificate, end to end. Run with bench/certificates.sh.
 */
@EncounterTest
class CertificateBenchmark {

    @Autowired CertificateBench bench;

    @Test
    void measure() throws Exception {
        CertificateView c = new CertificateView(1, "7G3K-Q9ZB-M2XW-4TRC-HV8N-P5JD-Y6", "Zoë Nic Dhòmhnaill",
                "City of Aurajoki Youth and Community Services", "When our assumptions came tumbling down", 3,
                "Noor, Ruby", Instant.now(), 3720, Instant.now(), null, null, null);
        // Warm up until the JIT has compiled the hot paths (a running server renders many).
        for (int i = 0; i < 400; i++) {
            bench.render(c, Locale.ENGLISH);
        }
        int n = 400;
        long[] times = new long[n];
        int size = 0;
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            size = bench.render(c, Locale.ENGLISH).length;
            times[i] = System.nanoTime() - t;
        }
        double perSecond = throughput(c, 2, 300);
        Arrays.sort(times);
        String report = String.format("""
                signed PDF/A certificate : n=%d median %.2f ms  p95 %.2f ms
                certificates per second  : %.0f on 2 threads (2 cores)
                file size                : %d bytes (%.1f KB)
                """, n, times[n / 2] / 1e6, times[(int) Math.ceil(n * 0.95) - 1] / 1e6, perSecond, size, size / 1024.0);
        System.out.println(report);
        java.nio.file.Files.writeString(java.nio.file.Path.of("target/bench-certificates.txt"), report);
    }

    private double throughput(CertificateView c, int threads, int perThread) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                for (int i = 0; i < perThread; i++) {
                    bench.render(c, Locale.ENGLISH);
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        return threads * perThread / ((System.nanoTime() - start) / 1e9);
    }
}
