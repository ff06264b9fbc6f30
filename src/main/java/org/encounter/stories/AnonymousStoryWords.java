package org.encounter.stories;

import java.util.Collection;
import java.util.Objects;
import org.encounter.learning.AnonymousWords;
import org.springframework.stereotype.Component;

/** A writer's anonymous stories, against which whatever they later show with their name is checked. */
@Component
class AnonymousStoryWords implements AnonymousWords {

    private final StoryRepository stories;

    AnonymousStoryWords(StoryRepository stories) {
        this.stories = stories;
    }

    @Override
    public boolean repeatsAnonymous(long personId, Collection<String> texts) {
        var told = stories.findByWriterIdOrderByUpdatedAtDesc(personId).stream().filter(Story::isAnonymous)
                .flatMap(s -> s.texts().stream()).filter(Objects::nonNull).toList();
        return texts.stream().filter(Objects::nonNull)
                .anyMatch(text -> told.stream().anyMatch(t -> SameWords.repeats(text, t) || SameWords.repeats(t, text)));
    }
}
