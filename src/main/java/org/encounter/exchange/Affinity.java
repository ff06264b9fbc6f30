package org.encounter.exchange;

import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How well two allowed candidates fit, and why, in points. The weights, and why they are what they are:
 * <ul>
 * <li>{@value #BASE} for any allowed pair: an exchange that happens is worth more than a slightly better one that
 * leaves two people out, so the maximum-weight matching leans towards pairing everyone it can.</li>
 * <li>{@value #OTHER_SECTOR} for different sectors: seeing another sector's leadership is the point of the exchange, so
 * it outweighs everything else short of several shared themes.</li>
 * <li>{@value #THEME} per theme one wants and the other offers, counted in both directions: themes are what the
 * leaders chose from one list, the clearest signal there is, and a pair that meets both ways is worth twice one that
 * meets one way (the visits are reciprocal).</li>
 * <li>{@value #WORD} per word of one's wants found in the other's offers, at most {@value #WORDS} words a direction:
 * free text is richer but noisier (see {@link Words}), so it refines the themes rather than beating them.</li>
 * <li>{@value #LANGUAGE} for at least one common language: without one the visit needs an interpreter.</li>
 * <li>{@value #TRAVEL} for each of the two who can travel to the other's organisation: a visit that cannot happen is
 * no exchange, but the coordinator can sometimes arrange travel.</li>
 * <li>{@value #DAY} per weekday both are available: it eases the diary, little more.</li>
 * </ul>
 * A profile holds a candidate's themes, words, languages and days as bit masks and sorted arrays, so that scoring
 * the million pairs of a 2,000-applicant pool costs microseconds a row, not string work.
 */
final class Affinity {

    static final double BASE = 50;
    static final double OTHER_SECTOR = 100;
    static final double THEME = 20;
    static final double WORD = 5;
    static final int WORDS = 4;
    static final double LANGUAGE = 10;
    static final double TRAVEL = 8;
    static final double DAY = 1;

    /** A candidate as the scoring needs them; word and language ids come from one {@link Dictionary}. */
    record Profile(Candidate candidate, int wantThemes, int offerThemes, int[] wantWords, int[] offerWords,
                   int[] languages, int days, int organisation, BitSet travelsTo) {
    }

    /** Numbers words and languages within one pool, so profiles compare by integers. */
    static final class Dictionary {
        private final Map<String, Integer> ids = new HashMap<>();
        private final Map<Long, Integer> organisations = new HashMap<>();

        Profile profile(Candidate c) {
            BitSet travel = new BitSet();
            c.travelsTo().forEach(o -> travel.set(organisation(o)));
            return new Profile(c, themes(c.wantThemes()), themes(c.offerThemes()), ids(Words.keys(c.wants())),
                    ids(Words.keys(c.offers())), ids(prefixed(c.languages())), days(c.availability()),
                    organisation(c.organisationId()), travel);
        }

        // Organisations get small numbers of their own: the travel check is then a bit, not a boxed set probe (the
        // profile of the first version spent most of its scoring time in Set.contains).
        private int organisation(long id) {
            return organisations.computeIfAbsent(id, k -> organisations.size());
        }

        private int[] ids(Set<String> words) {
            int[] out = words.stream().mapToInt(w -> ids.computeIfAbsent(w, k -> ids.size())).toArray();
            Arrays.sort(out);
            return out;
        }

        // Word keys have four letters or more, so a two-letter code with a prefix can never be taken for a word.
        private static Set<String> prefixed(Set<String> languages) {
            Set<String> out = new HashSet<>();
            languages.forEach(l -> out.add("language:" + l));
            return out;
        }
    }

    private Affinity() {
    }

    static double score(Profile a, Profile b) {
        double score = BASE;
        if (a.candidate().sector() != b.candidate().sector()) {
            score += OTHER_SECTOR;
        }
        score += THEME * (Integer.bitCount(a.wantThemes() & b.offerThemes())
                + Integer.bitCount(b.wantThemes() & a.offerThemes()));
        score += WORD * (Math.min(WORDS, common(a.wantWords(), b.offerWords()))
                + Math.min(WORDS, common(b.wantWords(), a.offerWords())));
        if (common(a.languages(), b.languages()) > 0) {
            score += LANGUAGE;
        }
        if (a.travelsTo().get(b.organisation())) {
            score += TRAVEL;
        }
        if (b.travelsTo().get(a.organisation())) {
            score += TRAVEL;
        }
        return score + DAY * Integer.bitCount(a.days() & b.days());
    }

    /** The score of one pair on its own (tests, and a coordinator's manual pairing). */
    static double score(Candidate a, Candidate b) {
        Dictionary words = new Dictionary();
        return score(words.profile(a), words.profile(b));
    }

    /** What the coordinator reads under a proposal: sectors, then themes, texts, language and travel. */
    static List<Reason> reasons(Candidate a, Candidate b) {
        Set<Reason> reasons = new LinkedHashSet<>();
        reasons.add(a.sector() == b.sector()
                ? Reason.of("exchange.reason.same-sector", a.sector().name())
                : Reason.of("exchange.reason.sectors", a.sector().name(), b.sector().name()));
        themes(a, b, reasons);
        themes(b, a, reasons);
        text(a, b, reasons);
        text(b, a, reasons);
        Set<String> languages = new TreeSet<>(a.languages());
        languages.retainAll(b.languages());
        languages.forEach(l -> reasons.add(Reason.of("exchange.reason.language", l)));
        if (a.travelsTo().contains(b.organisationId()) && b.travelsTo().contains(a.organisationId())) {
            reasons.add(Reason.of("exchange.reason.travel"));
        }
        return List.copyOf(reasons);
    }

    private static void themes(Candidate wanting, Candidate offering, Set<Reason> reasons) {
        for (Theme t : Theme.values()) {
            if (wanting.wantThemes().contains(t) && offering.offerThemes().contains(t)) {
                reasons.add(Reason.of("exchange.reason.theme", t.name()));
            }
        }
    }

    private static void text(Candidate wanting, Candidate offering, Set<Reason> reasons) {
        String key = Words.firstShared(wanting.wants(), offering.offers());
        if (key != null) {
            reasons.add(Reason.of("exchange.reason.text", Words.snippet(wanting.wants(), key),
                    Words.snippet(offering.offers(), key)));
        }
    }

    private static int common(int[] x, int[] y) {
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < x.length && j < y.length) {
            if (x[i] == y[j]) {
                n++;
                i++;
                j++;
            } else if (x[i] < y[j]) {
                i++;
            } else {
                j++;
            }
        }
        return n;
    }

    private static int themes(Set<Theme> themes) {
        int mask = 0;
        for (Theme t : themes) {
            mask |= 1 << t.ordinal();
        }
        return mask;
    }

    private static int days(Set<DayOfWeek> days) {
        int mask = 0;
        for (DayOfWeek d : days) {
            mask |= 1 << d.ordinal();
        }
        return mask;
    }
}
