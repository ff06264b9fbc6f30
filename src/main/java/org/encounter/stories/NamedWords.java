package org.encounter.stories;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.encounter.base.InvalidInputException;
import org.encounter.identity.CurrentPerson;
import org.encounter.learning.NamedExposure;
import org.springframework.stereotype.Component;

/**
 * The signed-in writer's words that others have read with their name — in a set, signed to the authors, or in a
 * named story — against which an anonymous story is checked, so that its words cannot lead back to the writer.
 */
@Component
class NamedWords {

    private static final List<String> FIELDS = List.of("title", "tried", "happened", "learned");

    private final StoryRepository stories;
    private final NamedExposure exposure;
    private final CurrentPerson currentPerson;

    NamedWords(StoryRepository stories, NamedExposure exposure, CurrentPerson currentPerson) {
        this.stories = stories;
        this.exposure = exposure;
        this.currentPerson = currentPerson;
    }

    /** Whether any of these texts repeats words the writer has shown with their name. */
    boolean repeats(List<String> texts) {
        return !repeated(texts, null, List.of()).isEmpty();
    }

    /**
     * Refuses an anonymous rewrite of {@code story} (title, tried, happened, learned) that repeats such words,
     * field by field, or of a story that was itself sent named before.
     */
    void requireUnlinkable(Story story, List<String> texts) {
        requireUnlinkable(story, texts, List.of());
    }

    /**
     * The same, where the writer has also shown {@code alsoShown} with their name somewhere this feature cannot see
     * (an exchange partner read their goals and shared reflections).
     */
    void requireUnlinkable(Story story, List<String> texts, List<String> alsoShown) {
        if (story.wasShownNamed()) {
            throw new InvalidInputException("", "story.was-named");
        }
        Set<Integer> repeated = repeated(texts, story.getId(), alsoShown);
        if (!repeated.isEmpty()) {
            throw new InvalidInputException(repeated.stream().map(i -> new InvalidInputException.FieldError(
                    FIELDS.get(i), "story.words-shown-named")).toList());
        }
    }

    /** The positions of those texts that repeat named words (the story itself, {@code storyId}, aside). */
    private Set<Integer> repeated(List<String> texts, Long storyId, List<String> alsoShown) {
        List<String> shown = new ArrayList<>(exposure.myNamedTexts());
        shown.addAll(alsoShown);
        stories.findByWriterIdOrderByUpdatedAtDesc(currentPerson.requireId()).stream()
                .filter(s -> !s.isAnonymous() && !s.getId().equals(storyId)).forEach(s -> shown.addAll(s.texts()));
        Set<Integer> repeated = new TreeSet<>();
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            if (shown.stream().anyMatch(n -> SameWords.repeats(text, n))) {
                repeated.add(i);
            }
        }
        return repeated;
    }
}
