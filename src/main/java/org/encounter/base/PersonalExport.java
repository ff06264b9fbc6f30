package org.encounter.base;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Where a feature writes a person's data: records of a kind become a JSON array ({@code section/kind.json}) and a
 * table of the readable summary; files (a certificate's PDF) go into the ZIP as they are. Write all records of one
 * kind together, then the next kind.
 *
 * <p>Field names are identifiers ("completedAt"); the summary shows them through the i18n keys
 * {@code export.kind.<kind>} and {@code export.field.<field>}, so both need a translation. Values are strings,
 * numbers, booleans, {@link java.time.Instant}s, {@link java.time.LocalDate}s, lists of those, or null.
 */
public interface PersonalExport {

    /** One record of {@code kind}, as field, value, field, value… in the order the summary shows them. */
    void record(String kind, Object... fieldsAndValues) throws IOException;

    /**
     * A file in this section's folder ({@code certificates/ABC123.pdf}); write it and close the stream before the next
     * record or file.
     */
    OutputStream file(String name) throws IOException;
}
