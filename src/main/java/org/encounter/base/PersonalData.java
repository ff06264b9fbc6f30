package org.encounter.base;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a feature holds about people, why, and how one person's share of it is exported and erased. Every feature
 * that keeps personal data or free text implements it once (a Spring bean); the privacy feature finds them all, so
 * an export or an erasure cannot miss a table, and a test fails when a column of the schema is declared by none.
 */
public interface PersonalData {

    /** The part of an export this feature writes: a folder of the ZIP and a heading of its summary ("learning"). */
    String section();

    /** Every table and column of this feature that can hold personal data or free text, and the codes beside them. */
    List<Holding> holdings();

    /**
     * Writes everything this feature holds about the person and nothing about others beyond what the person could
     * already see. Streams: read in pages, write each record as it comes, keep none.
     */
    void export(long personId, PersonalExport out) throws IOException;

    /**
     * Why the person cannot be erased now, as an i18n key for them to read, or empty. Asked when erasure is requested
     * and again before it runs.
     */
    default Optional<String> erasureBlocker(long personId, ErasureChoices choices) {
        return Optional.empty();
    }

    /**
     * Removes or anonymises everything of the person this feature holds. Runs inside the erasure's one transaction
     * with the other features (a failure anywhere leaves the person fully present) and must be safe to run again.
     * Runs as the system ({@link SystemAccess}). The identity feature erases last.
     */
    void erase(long personId, ErasureChoices choices);

    /**
     * Applies the retention periods an admin has set: removes what has outlived them and says what, by kind
     * ("private answers" → 12). Runs as the system under the retention job's lock.
     */
    default Map<String, Integer> applyRetention(Retention retention) {
        return Map.of();
    }

    /**
     * What the person chose for what may stay after erasure.
     *
     * @param keepAnonymousStories their anonymous stories of change stay, unlinked from them
     * @param creditAsCoDesigner   the modules they co-designed credit "a co-designer" instead of the name they chose
     * @param endOpenExchange      they accept that an open Leadership Exchange ends (the partner is told only that)
     */
    record ErasureChoices(boolean keepAnonymousStories, boolean creditAsCoDesigner, boolean endOpenExchange) {
    }

    /** The cut-off instants of the retention periods: what is older goes. */
    record Retention(Instant privateAnswersCompletedBefore) {
    }

    /**
     * A table and the columns of it this declaration covers.
     *
     * @param purpose   why it is kept, for the export's summary and for whoever reads the declaration
     * @param treatment what erasure does to the person's rows
     */
    record Holding(String table, List<String> columns, String purpose, Treatment treatment) {

        public Holding {
            columns = List.copyOf(columns);
        }

        public static Holding of(String table, String purpose, Treatment treatment, String... columns) {
            return new Holding(table, List.of(columns), purpose, treatment);
        }

        /** Columns that only ever hold codes from a fixed list (a status, a role, a language): not personal. */
        public static Holding codes(String table, String... columns) {
            return new Holding(table, List.of(columns), "codes from a fixed list", Treatment.NOT_PERSONAL);
        }
    }

    enum Treatment {
        /** The person's rows are deleted. */
        DELETED,
        /** The rows stay, with everything that names or was written by the person removed. */
        ANONYMISED,
        /** Kept as the rules allow (released aggregates, published work credited as the person chose). */
        KEPT,
        /** Holds nothing about a person. */
        NOT_PERSONAL
    }
}
