package org.encounter.stories;

import java.util.Locale;

/**
 * Whether a story's text repeats words already shown with its writer's name: the same text once case, spacing
 * and punctuation are set aside, or a whole sentence of one found inside the other. Short phrases ("ask first")
 * are common to everyone and do not count on their own.
 */
final class SameWords {

    /** A passage this long, found inside another text, is a copy rather than a common phrase. */
    static final int PASSAGE_WORDS = 8;

    private SameWords() {
    }

    static boolean repeats(String text, String named) {
        String a = normal(text);
        String b = normal(named);
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        if (a.equals(b)) {
            return true;
        }
        return (words(b) >= PASSAGE_WORDS && (" " + a + " ").contains(" " + b + " "))
                || (words(a) >= PASSAGE_WORDS && (" " + b + " ").contains(" " + a + " "));
    }

    static String normal(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    private static int words(String normal) {
        return normal.split(" ").length;
    }
}
