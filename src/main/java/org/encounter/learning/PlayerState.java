package org.encounter.learning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.encounter.authoring.PublishedModule;

/**
 * Everything the player shows a learner of their own attempt, on the version it was started on. {@code answersRemovedAt}
 * is when the retention period removed what they wrote (the answers are then blank), or null.
 */
public record PlayerState(long attemptId, AttemptStatus status, int position, int furthest, PublishedModule module,
                          List<StepProgress> steps, Map<Integer, Integer> startRatings,
                          Map<Integer, Integer> reportRatings, Instant reportBackOpensAt, String action,
                          LocalDate actionDate, boolean triedAlready, boolean reportBackOpen, boolean feedbackGiven,
                          int secondsSpent, Instant answersRemovedAt) {
}
