package org.encounter.exchange;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The free-text half of a match: which words of someone's wants meet words of another's offers, in any of the
 * exchange's languages and without a dictionary. A word counts when it has four letters or more and is not on a short
 * en/fi/sv stop list; it is compared by its first five letters, so Finnish and Swedish endings ("nuorisotyö",
 * "nuorisotyön") and English ones ("partner", "partnership") still meet. That is crude on purpose: the coordinator reads
 * the excerpt the reason quotes and judges it.
 */
final class Words {

    static final int SNIPPET = 60;
    private static final int KEY_LENGTH = 5;
    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    // Words that every application uses ("I want to learn…", "haluaisin oppia…") would pair everyone with everyone.
    private static final Set<String> STOP = Set.of(
            "about", "also", "been", "being", "could", "from", "have", "into", "just", "like", "more", "other", "some",
            "such", "than", "that", "their", "them", "then", "there", "these", "they", "this", "those", "very", "want",
            "wants", "were", "what", "when", "where", "which", "will", "with", "would", "your", "learn", "learning",
            "offer", "offers", "share", "sharing", "help", "helping", "experience", "good", "well", "make", "many",
            "ehkä", "eli", "että", "haluan", "haluaisin", "heidän", "jossa", "joka", "jotka", "kanssa", "kuin", "kuinka",
            "meidän", "miten", "myös", "mutta", "olla", "ollut", "oppia", "ovat", "sekä", "siitä", "tarjota", "tarjoan",
            "tämä", "nämä", "voin", "voisin", "paljon", "hyvin", "kokemusta",
            "också", "dessa", "denna", "detta", "deras", "eller", "efter", "erbjuda", "erbjuder", "från", "inte",
            "kunna", "lära", "mycket", "skulle", "till", "under", "över", "vill", "vara", "genom", "mellan");

    private Words() {
    }

    /** The comparable keys of a text, in order of first appearance. */
    static Set<String> keys(String text) {
        Set<String> keys = new LinkedHashSet<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String key = key(m.group());
            if (key != null) {
                keys.add(key);
            }
        }
        return keys;
    }

    /** The first key of {@code wants} that {@code offers} also has, or null. */
    static String firstShared(String wants, String offers) {
        Set<String> offered = keys(offers);
        for (String key : keys(wants)) {
            if (offered.contains(key)) {
                return key;
            }
        }
        return null;
    }

    /**
     * At most {@link #SNIPPET} characters of {@code text} around its first word with this key, cut between words, with
     * "…" where text was left out, so the coordinator sees the phrase that matched rather than the whole application.
     */
    static String snippet(String text, String key) {
        String clean = text.strip().replaceAll("\\s+", " ");
        int at = 0;
        Matcher m = WORD.matcher(clean);
        while (m.find()) {
            if (key.equals(key(m.group()))) {
                at = m.start();
                break;
            }
        }
        if (clean.length() <= SNIPPET) {
            return clean;
        }
        // A little context before the word, then as much after it as fits.
        int start = Math.max(0, at - 20);
        if (start > 0) {
            int space = clean.indexOf(' ', start);
            start = space < 0 || space >= at ? at : space + 1;
        }
        String lead = start > 0 ? "…" : "";
        int room = SNIPPET - lead.length();
        if (clean.length() - start <= room) {
            return lead + clean.substring(start);
        }
        int end = clean.lastIndexOf(' ', start + room - 1);
        if (end <= start) {
            end = start + room - 1; // one word longer than the snippet: cut inside it
        }
        return lead + clean.substring(start, end).stripTrailing() + "…";
    }

    private static String key(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.length() < 4 || STOP.contains(w)) {
            return null;
        }
        return w.length() > KEY_LENGTH ? w.substring(0, KEY_LENGTH) : w;
    }
}
