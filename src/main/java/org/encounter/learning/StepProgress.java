package org.encounter.learning;

/** The learner's own state at one step. */
public record StepProgress(int position, boolean completed, StepAnswer answer, Sharing shared) {
}
