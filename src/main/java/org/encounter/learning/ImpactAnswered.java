package org.encounter.learning;

import java.time.Instant;
import java.util.Map;

/**
 * A learner's first completion of a module, as impact counts it: per impact statement rated at the start and at
 * report back, the change (report back − start); and whether they tried the action they planned (null when not
 * said). Published inside the completing transaction; progress releases these only in cohorts.
 */
public record ImpactAnswered(long learnerId, long moduleId, Instant answeredAt, Map<Integer, Integer> changes,
                             Boolean tried) {

    public ImpactAnswered {
        changes = Map.copyOf(changes);
    }
}
