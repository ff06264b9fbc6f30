package org.encounter.authoring;

import java.time.Instant;

/** A step of the working copy as the editor sees it; {@code version} detects concurrent edits. */
public record StepView(long id, long version, int position, StepContent content, String updatedBy, Instant updatedAt) {
}
