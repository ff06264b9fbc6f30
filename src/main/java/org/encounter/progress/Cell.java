package org.encounter.progress;

import java.time.Instant;
import java.time.LocalDate;

/** One member and one module: the status and the dates behind it (null where there is none). */
public record Cell(long learnerId, long moduleId, CellStatus status, Instant startedAt, Instant lastActivityAt,
                   Instant completedAt, LocalDate dueDate, Instant validUntil) {
}
