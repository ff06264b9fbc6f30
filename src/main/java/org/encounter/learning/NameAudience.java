package org.encounter.learning;

import java.util.Collection;
import java.util.Set;

/**
 * A feature where people see one another by name and may read a learner's commitment and report back (an
 * action-learning set). {@link NamedExposure} asks every one, so that an anonymous story never starts from words
 * shown with its writer's name and never reaches a curator who knows the writer.
 */
public interface NameAudience {

    /** Those of {@code personIds} whose names {@code readerId} sees here. */
    Set<Long> namesSeen(long readerId, Collection<Long> personIds);

    /** Whether someone other than the learner reads the learner's commitment and report back on this module here. */
    boolean showsCommitment(long learnerId, long moduleId);
}
