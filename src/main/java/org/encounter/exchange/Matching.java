package org.encounter.exchange;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiPredicate;
import org.jgrapht.Graph;
import org.jgrapht.alg.matching.blossom.v5.KolmogorovWeightedMatching;
import org.jgrapht.alg.matching.blossom.v5.ObjectiveSense;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;
import org.jgrapht.util.SupplierUtil;

/**
 * Pairs a round's whole applicant pool at once: a maximum-weight matching on the general graph whose edges are the
 * allowed pairs, weighted by {@link Affinity}'s score (JGraphT's Kolmogorov blossom V). Pairing everyone at once, rather
 * than each applicant greedily taking their favourite, is what stops the first few pairs from leaving the rest with
 * nobody suitable.
 * <p>
 * Pools of up to {@value #ALL_EDGES_UP_TO} keep every allowed pair, so the result is exactly a maximum. Larger pools
 * keep, for each candidate, only its {@value #TOP} best-scoring allowed partners (an edge stays if it is in either
 * end's top {@value #TOP}): 2,000 applicants have about two million allowed pairs, far more than the blossom
 * algorithm (it doubles the graph to reduce to a perfect matching) can take in seconds, while a pair
 * outside both people's top {@value #TOP} almost never belongs in the best matching. {@value #TOP} was chosen by
 * measurement (bench/RESULTS.md, "Exchange matching"): on a realistic pool of 2,000 the total score stops rising at
 * K = 40 (60, 100 and 200 give the same total; 30 is 10 points short of 241,231), while blossom V's time grows with
 * the edges kept (0.2 to 0.9 s at 40 against 6 to 10 s at 200, 260,000 edges, on the shared two-core machine).
 * <p>
 * Pure: no Spring, no database; the caller says who manages whom. The same pool gives the same outcome, whatever
 * order it comes in (candidates are sorted by application id first).
 */
final class Matching {

    static final int ALL_EDGES_UP_TO = 200;
    static final int TOP = 40;

    private final int top;

    Matching() {
        this(TOP);
    }

    /** A matching keeping {@code top} partners a candidate in large pools (the benchmark compares choices). */
    Matching(int top) {
        this.top = top;
    }

    record Proposal(Candidate first, Candidate second, double score, List<Reason> reasons) {
    }

    record Unmatched(Candidate candidate, Reason reason) {
    }

    record Outcome(List<Proposal> pairs, List<Unmatched> unmatched) {
    }

    /**
     * The hard rules, never traded for score: two people from different organisations, neither managing the other
     * (an exchange is between peers, and a manager's visit is an inspection), and neither having asked not to meet
     * the other person or their organisation.
     *
     * @param manages whether the first person manages the second; asked both ways
     */
    static boolean allowed(Candidate a, Candidate b, BiPredicate<Long, Long> manages) {
        return a.applicationId() != b.applicationId()
                && a.personId() != b.personId()
                && a.organisationId() != b.organisationId()
                && !a.avoidPeople().contains(b.personId()) && !b.avoidPeople().contains(a.personId())
                && !a.avoidOrganisations().contains(b.organisationId())
                && !b.avoidOrganisations().contains(a.organisationId())
                && !manages.test(a.personId(), b.personId()) && !manages.test(b.personId(), a.personId());
    }

    Outcome match(List<Candidate> pool, BiPredicate<Long, Long> manages) {
        List<Candidate> people = pool.stream().sorted(Comparator.comparingLong(Candidate::applicationId)).toList();
        int n = people.size();
        Affinity.Dictionary words = new Affinity.Dictionary();
        List<Affinity.Profile> profiles = people.stream().map(words::profile).toList();
        double[][] scores = scores(profiles, manages);
        Graph<Integer, DefaultWeightedEdge> graph = graph(scores, n <= ALL_EDGES_UP_TO ? n : top);

        boolean[] paired = new boolean[n];
        List<Proposal> pairs = new ArrayList<>();
        var matching = new KolmogorovWeightedMatching<>(graph, ObjectiveSense.MAXIMIZE).getMatching();
        for (DefaultWeightedEdge e : matching.getEdges()) {
            int i = Math.min(graph.getEdgeSource(e), graph.getEdgeTarget(e));
            int j = Math.max(graph.getEdgeSource(e), graph.getEdgeTarget(e));
            paired[i] = paired[j] = true;
            Candidate a = people.get(i);
            Candidate b = people.get(j);
            pairs.add(new Proposal(a, b, scores[i][j], Affinity.reasons(a, b)));
        }
        pairs.sort(Comparator.comparingDouble(Proposal::score).reversed()
                .thenComparingLong(p -> p.first().applicationId()));

        List<Unmatched> unmatched = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!paired[i]) {
                unmatched.add(new Unmatched(people.get(i), why(scores[i], n)));
            }
        }
        return new Outcome(List.copyOf(pairs), List.copyOf(unmatched));
    }

    private static Reason why(double[] row, int n) {
        if (n == 1) {
            return Reason.of("exchange.unmatched.alone");
        }
        boolean anyAllowed = Arrays.stream(row).anyMatch(s -> s > 0);
        return Reason.of(anyAllowed ? "exchange.unmatched.taken" : "exchange.unmatched.no-partner");
    }

    /** Every pair's score, 0 where the hard rules refuse it (an allowed pair scores at least {@link Affinity#BASE}). */
    static double[][] scores(List<Affinity.Profile> profiles, BiPredicate<Long, Long> manages) {
        int n = profiles.size();
        double[][] scores = new double[n][n];
        for (int i = 0; i < n; i++) {
            Affinity.Profile a = profiles.get(i);
            for (int j = i + 1; j < n; j++) {
                Affinity.Profile b = profiles.get(j);
                if (allowed(a.candidate(), b.candidate(), manages)) {
                    scores[i][j] = scores[j][i] = Affinity.score(a, b);
                }
            }
        }
        return scores;
    }

    /** The graph of allowed pairs, each candidate keeping its {@code top} best (ties to the lower application id). */
    static Graph<Integer, DefaultWeightedEdge> graph(double[][] scores, int top) {
        int n = scores.length;
        boolean[][] keep = new boolean[n][];
        for (int i = 0; i < n; i++) {
            keep[i] = best(scores[i], top);
        }
        // Blossom V makes a second copy of the vertices (it reduces to a perfect matching): they are numbered after ours.
        Graph<Integer, DefaultWeightedEdge> graph = new SimpleWeightedGraph<>(SupplierUtil.createIntegerSupplier(n),
                SupplierUtil.DEFAULT_WEIGHTED_EDGE_SUPPLIER);
        for (int i = 0; i < n; i++) {
            graph.addVertex(i);
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (scores[i][j] > 0 && (keep[i][j] || keep[j][i])) {
                    graph.setEdgeWeight(graph.addEdge(i, j), scores[i][j]);
                }
            }
        }
        return graph;
    }

    /** Which of a row's allowed partners are among its {@code top} best; at the cut, lower indices win the tie. */
    private static boolean[] best(double[] row, int top) {
        boolean[] keep = new boolean[row.length];
        if (top >= row.length) {
            for (int j = 0; j < row.length; j++) {
                keep[j] = row[j] > 0;
            }
            return keep;
        }
        double[] sorted = row.clone();
        Arrays.sort(sorted); // primitive sort: a boxed comparator sort per row was most of the graph's build time
        int allowed = sorted.length - firstPositive(sorted);
        if (allowed == 0) {
            return keep;
        }
        double cut = sorted[sorted.length - Math.min(allowed, top)];
        int above = 0;
        for (double s : row) {
            if (s > cut) {
                above++;
            }
        }
        int atCut = Math.min(allowed, top) - above;
        for (int j = 0; j < row.length; j++) {
            if (row[j] > cut || (row[j] == cut && atCut-- > 0)) {
                keep[j] = true;
            }
        }
        return keep;
    }

    private static int firstPositive(double[] sorted) {
        int i = 0;
        while (i < sorted.length && sorted[i] <= 0) {
            i++;
        }
        return i;
    }
}
