package org.encounter.progress;

import java.time.LocalDate;

/**
 * What the dashboard shows: one module or all, one status or all, and cells whose date (completed, due or
 * last activity) falls within [from, to]; null means any.
 */
public record ProgressFilter(Long moduleId, CellStatus status, LocalDate from, LocalDate to) {

    public static final ProgressFilter ALL = new ProgressFilter(null, null, null, null);
}
