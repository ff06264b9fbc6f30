package org.encounter.stories;

import java.time.Clock;
import java.util.List;
import org.encounter.base.InvalidInputException;
import org.encounter.base.StoryOffered;
import org.encounter.base.Validation;
import org.encounter.identity.CurrentPerson;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Turns a report back kept elsewhere (a Leadership Exchange's) into the writer's story of change for that source,
 * sent to the curators, by the same rules as a module's: an approved story is final, and an anonymous one never
 * repeats words the writer has shown with their name.
 *
 * <p>A plain, synchronous listener, unlike the after-commit ones that issue certificates: this is the writer's own
 * request, so a refusal must reach them (with its message) and undo the offer, not be logged after a commit.
 */
@Component
class OfferedStories {

    private final StoryRepository stories;
    private final NamedWords namedWords;
    private final CurrentPerson currentPerson;
    private final Clock clock;

    OfferedStories(StoryRepository stories, NamedWords namedWords, CurrentPerson currentPerson, Clock clock) {
        this.stories = stories;
        this.namedWords = namedWords;
        this.currentPerson = currentPerson;
        this.clock = clock;
    }

    @EventListener
    public void on(StoryOffered offer) {
        // The anonymity check reads the signed-in person's named words: they must be the writer's.
        if (currentPerson.requireId() != offer.writerId()) {
            throw new AccessDeniedException("a story is offered by its writer");
        }
        if (offer.source() == null || offer.partnershipId() == null || offer.about() == null) {
            throw new IllegalArgumentException("an offered story names its source, partnership and what it is about");
        }
        String title = Validation.clean(offer.title());
        String tried = Validation.clean(offer.tried());
        String happened = Validation.clean(offer.happened());
        String learned = Validation.clean(offer.learned());
        Validation.start().text("title", title, Story.TITLE_MAX).text("tried", tried, Story.TEXT_MAX)
                .text("happened", happened, Story.TEXT_MAX).text("learned", learned, Story.TEXT_MAX).check();
        Story story = stories.findByWriterIdAndSource(offer.writerId(), offer.source())
                .orElseGet(() -> Story.offered(offer.writerId(), offer.source(), offer.partnershipId(), clock.instant()));
        if (story.getStatus() == StoryStatus.APPROVED) {
            throw new InvalidInputException("", "story.already-approved");
        }
        if (offer.anonymous()) {
            namedWords.requireUnlinkable(story, List.of(title, tried, happened, learned), offer.shownNamed());
        }
        story.write(title, tried, happened, learned, offer.anonymous(), clock.instant());
        story.offeredFrom(org.encounter.base.StoredText.truncate(offer.about(), 150), offer.link(), offer.insiders());
        stories.save(story);
    }
}
