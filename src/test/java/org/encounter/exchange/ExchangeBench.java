package org.encounter.exchange;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.BiPredicate;
import org.jgrapht.alg.matching.blossom.v5.KolmogorovWeightedMatching;
import org.jgrapht.alg.matching.blossom.v5.ObjectiveSense;

/**
 * The benchmark's way into the package-private matching (org.encounter.bench cannot see it): a realistic pool, and
 * one timed run split into its phases. Test code only; nothing in the app uses it.
 */
public final class ExchangeBench {

    private static final int ORGANISATIONS = 20;
    private static final String[][] PHRASES = {
        {"working with young people", "youth council partnership with young people", "nuorten osallisuus",
            "nuorisotyön kumppanuudet", "ungdomars delaktighet"},
        {"budgets under pressure", "zero-based budgeting in a small council", "talouden tasapainotus",
            "budjetointi kunnassa", "budget och prioriteringar"},
        {"mental health crisis response", "street triage with the police", "mielenterveyspalvelut",
            "psykisk hälsa bland unga"},
        {"digital services residents actually use", "digital inclusion for older people", "digitaaliset palvelut",
            "digitala tjänster för invånare"},
        {"co-design with residents", "community panels and co-production", "asukkaiden yhteiskehittäminen",
            "samskapande med invånare"},
        {"housing first for rough sleepers", "temporary accommodation pressures", "asunnottomuuden ehkäisy",
            "bostad först"},
        {"safeguarding adults and children", "multi-agency safeguarding hub", "lastensuojelun yhteistyö"},
        {"leading change in a merger", "culture change after a restructure", "muutoksen johtaminen",
            "förändringsledning i en sammanslagning"},
    };

    /** What one run cost and gave, per phase. */
    public record Run(int size, int top, long edges, int pairs, int unmatched, double total, long scoreNanos,
                      long graphNanos, long matchNanos) {
    }

    private ExchangeBench() {
    }

    /** One run with its phases timed apart: scoring every pair, building the pruned graph, blossom V. */
    public static Run phases(int size, long seed, int top) {
        Pool pool = pool(size, seed);
        long t0 = System.nanoTime();
        Affinity.Dictionary words = new Affinity.Dictionary();
        double[][] scores = Matching.scores(pool.candidates.stream().map(words::profile).toList(), pool.manages);
        long t1 = System.nanoTime();
        var graph = Matching.graph(scores, top);
        long t2 = System.nanoTime();
        var matching = new KolmogorovWeightedMatching<>(graph, ObjectiveSense.MAXIMIZE).getMatching();
        long t3 = System.nanoTime();
        int pairs = matching.getEdges().size();
        return new Run(size, top, graph.edgeSet().size(), pairs, size - 2 * pairs, matching.getWeight(), t1 - t0,
                t2 - t1, t3 - t2);
    }

    /**
     * Times {@code Matching.match} as the app will call it: wall-clock and this thread's CPU nanoseconds. Both,
     * because on a shared two-core machine the wall clock mostly measures the other builds.
     */
    public static long[] match(int size, long seed) {
        Pool pool = pool(size, seed);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        new Matching().match(pool.candidates, pool.manages);
        return new long[] {System.nanoTime() - start, threads.getCurrentThreadCpuTime() - cpu};
    }

    private record Pool(List<Candidate> candidates, BiPredicate<Long, Long> manages) {
    }

    /**
     * {@code size} applicants from 20 organisations, each with a main sector (a few people work elsewhere), one to
     * three themes each way, a phrase or two of wants and offers in en/fi/sv, mostly Finnish speakers, travel to about
     * half the organisations, 2% with someone or some organisation to avoid, and line managers within organisations.
     */
    private static Pool pool(int size, long seed) {
        Random r = new Random(seed);
        List<Candidate> candidates = new ArrayList<>();
        Map<Long, Set<Long>> managers = new HashMap<>();
        for (int i = 0; i < size; i++) {
            long organisation = i % ORGANISATIONS;
            Sector sector = Sector.values()[r.nextInt(10) == 0 ? r.nextInt(7) : (int) organisation % 7];
            long person = 10_000 + i;
            if (i >= ORGANISATIONS && r.nextInt(10) == 0) {
                managers.computeIfAbsent(person - ORGANISATIONS * (1 + r.nextInt(5)), k -> new HashSet<>()).add(person);
            }
            Set<Long> travel = new HashSet<>();
            for (long o = 0; o < ORGANISATIONS; o++) {
                if (r.nextBoolean()) {
                    travel.add(o);
                }
            }
            candidates.add(new Candidate(i + 1, person, organisation, sector, Level.values()[r.nextInt(3)],
                    text(r), text(r), themes(r), themes(r), languages(r), travel, days(r),
                    r.nextInt(50) == 0 ? Set.of(10_000L + r.nextInt(size)) : Set.of(),
                    r.nextInt(50) == 0 ? Set.of((long) r.nextInt(ORGANISATIONS)) : Set.of()));
        }
        // As the app will answer it: who each manager manages, looked up without building a key per question.
        return new Pool(candidates, (a, b) -> managers.getOrDefault(a, Set.of()).contains(b));
    }

    private static String text(Random r) {
        StringBuilder s = new StringBuilder();
        for (int k = 1 + r.nextInt(2); k > 0; k--) {
            String[] topic = PHRASES[r.nextInt(PHRASES.length)];
            s.append(topic[r.nextInt(topic.length)]).append(". ");
        }
        return s.toString().strip();
    }

    private static Set<Theme> themes(Random r) {
        Set<Theme> themes = EnumSet.noneOf(Theme.class);
        for (int k = 1 + r.nextInt(3); k > 0; k--) {
            themes.add(Theme.values()[r.nextInt(Theme.values().length)]);
        }
        return themes;
    }

    private static Set<String> languages(Random r) {
        Set<String> languages = new HashSet<>();
        if (r.nextInt(10) < 8) {
            languages.add("fi");
        }
        if (r.nextInt(10) < 6) {
            languages.add("en");
        }
        if (languages.isEmpty() || r.nextInt(5) == 0) {
            languages.add("sv");
        }
        return languages;
    }

    private static Set<DayOfWeek> days(Random r) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (int d = 0; d < 5; d++) {
            if (r.nextInt(3) > 0) {
                days.add(DayOfWeek.of(d + 1));
            }
        }
        return days;
    }
}
