package org.encounter.learning;

/**
 * A group a learner may share their commitment with (an action-learning set). The feature that keeps the group
 * says who may read whose commitment; {@link Commitments} asks every audience and shows nothing no audience allows.
 */
public interface CommitmentAudience {

    /** Whether {@code readerId} may read {@code learnerId}'s action plan and report back on this module. */
    boolean mayRead(long readerId, long learnerId, long moduleId);
}
