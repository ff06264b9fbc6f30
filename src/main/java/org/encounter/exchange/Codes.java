package org.encounter.exchange;

import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Small sets of codes (themes, languages, weekdays, shown fields) kept as one comma-separated column. */
final class Codes {

    private Codes() {
    }

    static String join(Collection<?> values) {
        return values.stream().map(v -> v instanceof Enum<?> e ? e.name() : v.toString()).sorted()
                .collect(Collectors.joining(","));
    }

    static <T> Set<T> split(String column, Function<String, T> parse) {
        if (column == null || column.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(column.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(parse)
                .collect(Collectors.toUnmodifiableSet());
    }
}
