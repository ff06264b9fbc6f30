package org.encounter.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.encounter.exchange.ExchangeBench;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test (Surefire's default includes skip "*Benchmark"): how long the Leadership Exchange's matching
 * takes on a realistic pool of 500, 1,000 and 2,000 applicants (target: 2,000 in under 5 s on two cores), where the
 * time goes (scoring every pair, building the pruned graph, blossom V), and what keeping each candidate's top K
 * partners costs in total score against a larger K. No Spring. Run with bench/exchange-matching.sh.
 */
class ExchangeMatchingBenchmark {

    @Test
    void measure() throws IOException {
        StringBuilder out = new StringBuilder("exchange matching, " + Runtime.getRuntime().availableProcessors()
                + " cores, max heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB\n");
        for (int warm = 0; warm < 3; warm++) {
            ExchangeBench.match(300, warm);
            ExchangeBench.match(800, warm);
        }
        for (int size : new int[] {500, 1_000, 2_000}) {
            long[] wall = new long[5];
            long[] cpu = new long[5];
            for (int run = 0; run < wall.length; run++) {
                long[] took = ExchangeBench.match(size, 100 + run);
                wall[run] = took[0];
                cpu[run] = took[1];
            }
            Arrays.sort(wall);
            Arrays.sort(cpu);
            out.append(String.format("match %,6d applicants  n=5  wall median %7.1f ms  max %7.1f ms"
                    + "  |  cpu median %7.1f ms  max %7.1f ms%n", size, wall[2] / 1e6, wall[4] / 1e6, cpu[2] / 1e6,
                    cpu[4] / 1e6));
        }
        out.append(String.format("load average %.1f%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        out.append("phases at 2,000 applicants by K (partners kept per candidate), seed 100:\n");
        for (int top : new int[] {10, 20, 30, 40, 60, 100, 200}) {
            ExchangeBench.Run r = ExchangeBench.phases(2_000, 100, top);
            out.append(String.format(
                    "  K=%3d  edges %,9d  pairs %4d  unmatched %3d  total score %,11.1f  scoring %6.1f ms"
                            + "  graph %6.1f ms  blossom %7.1f ms%n",
                    top, r.edges(), r.pairs(), r.unmatched(), r.total(), r.scoreNanos() / 1e6,
                    r.graphNanos() / 1e6, r.matchNanos() / 1e6));
        }
        Files.writeString(Path.of("target/bench-exchange-matching.txt"), out);
        System.out.print(out);
    }
}
