package org.encounter.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.encounter.exchange.Matching.Outcome;
import org.encounter.exchange.Matching.Proposal;
import org.encounter.exchange.Matching.Unmatched;
import org.junit.jupiter.api.Test;

/**
 * The matching's promises on random pools: hard rules, everyone accounted for once, and a true maximum. Each pool
 * comes from a seed (the first seeds give every size once, from the empty pool up), so a failure names the seed that
 * reproduces it. Plain JUnit: jqwik 1.10 runs here, but its maintainer asks that AI coding agents not use it (its
 * engine prints as much into every test log), and seeded loops prove the same promises.
 */
class MatchingPropertiesTest {

    private static final int POOLS = 400;
    private static final int SMALL_POOLS = 600;

    private final Matching matching = new Matching();

    @Test
    void no_proposed_pair_breaks_a_hard_rule() {
        forEachPool(POOLS, 60, this::noPairBreaksAHardRule);
    }

    @Test
    void everyone_is_paired_or_unmatched_exactly_once() {
        forEachPool(POOLS, 60, this::everyoneIsAccountedForOnce);
    }

    @Test
    void the_unmatched_could_not_have_been_paired_with_each_other_and_are_told_why() {
        forEachPool(POOLS, 60, this::theUnmatchedAreLeftOverForAReason);
    }

    @Test
    void a_small_pool_gets_the_best_total_score_there_is() {
        forEachPool(SMALL_POOLS, 10, this::theTotalIsTheBruteForceMaximum);
    }

    private static void forEachPool(int pools, int maxSize, Consumer<Pool> check) {
        for (long seed = 0; seed < pools; seed++) {
            Pool pool = Pool.generate(seed, maxSize);
            try {
                check.accept(pool);
            } catch (AssertionError e) {
                throw new AssertionError("seed " + seed + " (" + pool.candidates().size() + " candidates): "
                        + e.getMessage(), e);
            }
        }
    }

    private void noPairBreaksAHardRule(Pool pool) {
        for (Proposal p : matching.match(pool.candidates(), pool.manages()).pairs()) {
            assertThat(Matching.allowed(p.first(), p.second(), pool.manages())).as("%s", p).isTrue();
            assertThat(p.first().organisationId()).isNotEqualTo(p.second().organisationId());
            assertThat(pool.manages().test(p.first().personId(), p.second().personId())).isFalse();
            assertThat(pool.manages().test(p.second().personId(), p.first().personId())).isFalse();
            assertThat(p.first().avoidPeople()).doesNotContain(p.second().personId());
            assertThat(p.second().avoidPeople()).doesNotContain(p.first().personId());
            assertThat(p.first().avoidOrganisations()).doesNotContain(p.second().organisationId());
            assertThat(p.second().avoidOrganisations()).doesNotContain(p.first().organisationId());
        }
    }

    private void everyoneIsAccountedForOnce(Pool pool) {
        Outcome outcome = matching.match(pool.candidates(), pool.manages());

        List<Long> accounted = Stream.concat(
                outcome.pairs().stream().flatMap(p -> Stream.of(p.first(), p.second())),
                outcome.unmatched().stream().map(Unmatched::candidate)).map(Candidate::applicationId).toList();
        assertThat(accounted).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(pool.candidates().stream().map(Candidate::applicationId).toList());
    }

    private void theUnmatchedAreLeftOverForAReason(Pool pool) {
        List<Candidate> all = pool.candidates();
        List<Unmatched> unmatched = matching.match(all, pool.manages()).unmatched();

        for (Unmatched u : unmatched) {
            for (Unmatched v : unmatched) {
                assertThat(Matching.allowed(u.candidate(), v.candidate(), pool.manages())).isFalse();
            }
            boolean anyAllowed = all.stream().anyMatch(o -> Matching.allowed(u.candidate(), o, pool.manages()));
            String expected = all.size() == 1 ? "exchange.unmatched.alone"
                    : anyAllowed ? "exchange.unmatched.taken" : "exchange.unmatched.no-partner";
            assertThat(u.reason().key()).isEqualTo(expected);
        }
    }

    private void theTotalIsTheBruteForceMaximum(Pool pool) {
        List<Candidate> all = pool.candidates();
        int n = all.size();
        double[][] scores = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                scores[i][j] = i != j && Matching.allowed(all.get(i), all.get(j), pool.manages())
                        ? Affinity.score(all.get(i), all.get(j)) : -1;
            }
        }
        List<Proposal> pairs = matching.match(all, pool.manages()).pairs();

        double total = pairs.stream().mapToDouble(Proposal::score).sum();
        assertThat(total).isCloseTo(best(scores, (1 << n) - 1), within(1e-6));
        pairs.forEach(p -> assertThat(p.score()).isEqualTo(Affinity.score(p.first(), p.second())));
    }

    /** Brute force: the best total over every set of disjoint allowed pairs among the people left in {@code left}. */
    private static double best(double[][] scores, int left) {
        if (left == 0) {
            return 0;
        }
        int i = Integer.numberOfTrailingZeros(left);
        int rest = left & ~(1 << i);
        double best = best(scores, rest); // i stays alone
        for (int j = i + 1; j < scores.length; j++) {
            if ((rest & (1 << j)) != 0 && scores[i][j] >= 0) {
                best = Math.max(best, scores[i][j] + best(scores, rest & ~(1 << j)));
            }
        }
        return best;
    }

    /** A random pool and who manages whom in it, reproducible from its seed. */
    record Pool(List<Candidate> candidates, Set<List<Long>> managers) {

        BiPredicate<Long, Long> manages() {
            return (manager, managed) -> managers.contains(List.of(manager, managed));
        }

        static Pool generate(long seed, int maxSize) {
            Random r = new Random(seed);
            int size = seed <= maxSize ? (int) seed : r.nextInt(maxSize + 1);
            int organisations = 1 + r.nextInt(6);
            List<Long> people = new ArrayList<>();
            List<Candidate> candidates = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                // Now and then one person applies twice.
                long person = !people.isEmpty() && r.nextInt(20) == 0 ? people.get(r.nextInt(people.size())) : 500 + i;
                people.add(person);
                long organisation = r.nextInt(organisations);
                candidates.add(new Candidate(1 + r.nextInt(10_000) * 100L + i, person, organisation,
                        pick(r, Sector.values()), pick(r, Level.values()), text(r), text(r), themes(r), themes(r),
                        languages(r), organisations(r, organisations), days(r), avoid(r, people, 500 + size),
                        avoid(r, organisations)));
            }
            Set<List<Long>> managers = new HashSet<>();
            for (int k = r.nextInt(size + 1); k > 0; k--) {
                managers.add(List.of(people.get(r.nextInt(size)), people.get(r.nextInt(size))));
            }
            return new Pool(candidates, managers);
        }

        private static final String[] WORDS = {"young", "people", "youth", "council", "budgets", "housing",
            "nuorisotyö", "nuorten", "budjetti", "ungdomar", "boende", "digital", "partnership", "partners",
            "safeguarding", "community", "mental", "health", "with", "about", "the", "and"};

        private static String text(Random r) {
            StringBuilder s = new StringBuilder();
            for (int k = r.nextInt(8); k > 0; k--) {
                s.append(pick(r, WORDS)).append(r.nextBoolean() ? " " : ", ");
            }
            return s.toString();
        }

        private static Set<Theme> themes(Random r) {
            Set<Theme> themes = EnumSet.noneOf(Theme.class);
            for (int k = r.nextInt(4); k > 0; k--) {
                themes.add(pick(r, Theme.values()));
            }
            return themes;
        }

        private static Set<String> languages(Random r) {
            Set<String> languages = new HashSet<>();
            for (String l : List.of("fi", "en", "sv")) {
                if (r.nextInt(3) == 0) {
                    languages.add(l);
                }
            }
            return languages;
        }

        private static Set<Long> organisations(Random r, int organisations) {
            Set<Long> out = new HashSet<>();
            for (long o = 0; o < organisations; o++) {
                if (r.nextBoolean()) {
                    out.add(o);
                }
            }
            return out;
        }

        private static Set<DayOfWeek> days(Random r) {
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            for (DayOfWeek d : DayOfWeek.values()) {
                if (r.nextBoolean()) {
                    days.add(d);
                }
            }
            return days;
        }

        private static Set<Long> avoid(Random r, List<Long> people, long beyond) {
            Set<Long> out = new HashSet<>();
            if (r.nextInt(4) == 0) {
                // Someone already in the pool, or someone applying after them.
                out.add(r.nextBoolean() ? people.get(r.nextInt(people.size())) : 500 + r.nextInt((int) beyond - 499));
            }
            return out;
        }

        private static Set<Long> avoid(Random r, int organisations) {
            return r.nextInt(6) == 0 ? Set.of((long) r.nextInt(organisations)) : Set.of();
        }

        private static <T> T pick(Random r, T[] values) {
            return values[r.nextInt(values.length)];
        }
    }
}
