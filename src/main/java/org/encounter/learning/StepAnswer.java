package org.encounter.learning;

import java.time.LocalDate;

/**
 * What a learner writes or chooses at a step: a reflection or notes ({@code answer}), a
 * perspective-check choice, an action and its date, or the four report-back answers. Serializable: the
 * player's autosave keeps one in the session while it retries.
 */
public record StepAnswer(String answer, Integer choice, String tried, String happened, String learned,
                         String keepDoing, String action, LocalDate actionDate, boolean triedAlready)
        implements java.io.Serializable {

    public static StepAnswer empty() {
        return new StepAnswer(null, null, null, null, null, null, null, null, false);
    }
}
