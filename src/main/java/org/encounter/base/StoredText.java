package org.encounter.base;

/**
 * Text as the database counts it. A utf8mb4 {@code VARCHAR(n)} holds n characters, and a character is a Unicode
 * code point: an emoji is one (Java's {@link String#length()} counts it as two UTF-16 units), a combining accent
 * is one of its own. Every length limit is measured this way, on exactly the string that is stored.
 */
public final class StoredText {

    private StoredText() {
    }

    /** Characters as the database counts them. */
    public static int length(String value) {
        return value.codePointCount(0, value.length());
    }

    public static boolean fits(String value, int max) {
        return value == null || length(value) <= max;
    }

    /**
     * The first {@code max} characters, never cutting an emoji in half (a lone half would be stored as "?"). Only for
     * text the app composes from values already checked (credits joined, notification arguments); what a person
     * types is refused with a message instead, never cut.
     */
    public static String truncate(String value, int max) {
        if (value == null || fits(value, max)) {
            return value;
        }
        return value.substring(0, value.offsetByCodePoints(0, max));
    }

    /** For entities' own guards: the stored value must fit its column. */
    public static String require(String value, int max, String what) {
        if (value == null || value.isBlank() || !fits(value, max)) {
            throw new IllegalArgumentException(what + " must be 1.." + max + " characters");
        }
        return value;
    }
}
