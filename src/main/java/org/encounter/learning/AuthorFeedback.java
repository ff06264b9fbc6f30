package org.encounter.learning;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.encounter.identity.PersonDirectory;

/** What the authors of a module see from learners: feedback, and answers learners chose to share. */
public record AuthorFeedback(List<Item> feedback, List<Shared> shared) {

    /** Rating and comment; {@code signedBy} only when the learner signed it. */
    public record Item(int rating, String comment, String signedBy, Instant at) {
    }

    /** An answer shared with the authors; {@code signedBy} only when shared signed. */
    public record Shared(String text, String signedBy) {
    }

    static AuthorFeedback of(List<ModuleFeedback> feedback, List<AttemptStep> shared, Map<Long, Long> learnerOfAttempt,
                             PersonDirectory directory) {
        var ids = new HashSet<Long>();
        feedback.stream().map(ModuleFeedback::getSignedById).filter(java.util.Objects::nonNull).forEach(ids::add);
        ids.addAll(learnerOfAttempt.values());
        Map<Long, String> names = directory.displayNames(ids);
        return new AuthorFeedback(
                feedback.stream().map(f -> new Item(f.getRating(), f.getComment(),
                        f.getSignedById() == null ? null : names.get(f.getSignedById()), f.getCreatedAt())).toList(),
                shared.stream().map(s -> new Shared(s.sharedText(),
                        s.getShared() == Sharing.SIGNED ? names.get(learnerOfAttempt.get(s.attemptId())) : null)).toList());
    }
}
