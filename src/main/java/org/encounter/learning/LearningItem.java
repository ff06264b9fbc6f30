package org.encounter.learning;

import java.time.Instant;
import java.time.LocalDate;

/** A module on the learner's own list, with what is due when. */
public record LearningItem(long moduleId, Long attemptId, String title, AttemptStatus status, Instant reportBackOpensAt,
                           LocalDate dueDate, boolean overdue, Instant completedAt) {
}
