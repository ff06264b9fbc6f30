package org.encounter.authoring;

import java.util.List;

/** For a curator: how many modules wait for their review, and the first of them (oldest first). */
public record ReviewWaiting(long count, List<ModuleSummary> first) {

    public ReviewWaiting {
        first = List.copyOf(first);
    }
}
