package org.encounter.learning;

import java.time.Instant;

/** A learner completed a module, report back included. Certificates listen for this. */
public record AttemptCompleted(long attemptId, long learnerId, long moduleId, long versionId, Instant completedAt,
                               int secondsSpent) {
}
