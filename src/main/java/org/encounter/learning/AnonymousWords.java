package org.encounter.learning;

import java.util.Collection;

/**
 * What a person has told anonymously (the stories feature keeps their anonymous stories). Before anything of theirs
 * is shown with their name, {@link NamedExposure} asks every such keeper, so a story told anonymously first cannot
 * be traced back by sharing the same words afterwards.
 */
public interface AnonymousWords {

    /** Whether any of these texts repeats words {@code personId} has told anonymously. */
    boolean repeatsAnonymous(long personId, Collection<String> texts);
}
