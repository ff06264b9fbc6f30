package org.encounter.base;

import java.util.List;
import java.util.Set;

/**
 * A writer offers a report back kept outside the learning feature (a Leadership Exchange's, say) as a story of
 * change; the stories feature creates or rewrites the writer's story for {@code source} and sends it to the curators.
 * Published in the writer's own request, so a refusal (bad input, words that would name an anonymous writer) reaches
 * them and nothing is kept.
 *
 * @param writerId      the signed-in writer
 * @param source        where it comes from, one story per writer and source ("exchange-pair:12")
 * @param partnershipId the partnership it happened in: only its current members' people read it
 * @param about         what it is about, shown where a module story shows its module ("Leadership Exchange: Spring")
 * @param link          where the writer edits it, for the notice when a curator returns it ("exchange/pair/12")
 * @param shownNamed    the writer's words from there that others have read with their name (goals, shared
 *                      reflections): an anonymous story may not repeat them
 * @param insiders      people who know the writer there (their partner, the coordinators): none reviews it anonymous
 */
public record StoryOffered(long writerId, String source, Long partnershipId, String about, String title, String tried,
                           String happened, String learned, boolean anonymous, String link, List<String> shownNamed,
                           Set<Long> insiders) {

    public StoryOffered {
        shownNamed = shownNamed == null ? List.of() : List.copyOf(shownNamed);
        insiders = insiders == null ? Set.of() : Set.copyOf(insiders);
    }
}
