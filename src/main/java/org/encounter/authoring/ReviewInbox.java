package org.encounter.authoring;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What in review waits for the signed-in person: modules to review for a curator, answers to give for an author. */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class ReviewInbox {

    private final ModuleRepository modules;
    private final StepCommentRepository comments;
    private final ModuleAccess access;

    ReviewInbox(ModuleRepository modules, StepCommentRepository comments, ModuleAccess access) {
        this.modules = modules;
        this.comments = comments;
        this.access = access;
    }

    /** Modules in review that this curator may decide on (not their own), oldest first: the count and the first few. */
    public ReviewWaiting forCurator(int limit) {
        if (!access.isCurator()) {
            throw new AccessDeniedException("not a curator");
        }
        long me = access.me();
        var organisations = access.reviewedOrganisations();
        List<ModuleSummary> first = modules.findWaitingForReviewBy(ModuleStatus.IN_REVIEW, me, organisations,
                        PageRequest.of(0, Math.max(1, Math.min(limit, 20))))
                .map(m -> new ModuleSummary(m.getId(), m.getTitle(), m.getStatus(), m.getUpdatedAt(), List.of(), null))
                .getContent();
        long count = first.isEmpty() ? 0 : modules.countWaitingForReviewBy(ModuleStatus.IN_REVIEW, me, organisations);
        return new ReviewWaiting(count, first);
    }

    /** The signed-in person's modules with changes asked for, or with comments by others they have not answered. */
    public List<AuthorWaiting> forAuthor() {
        long me = access.me();
        List<Module> mine = modules.findAuthoredBy(me);
        if (mine.isEmpty()) {
            return List.of();
        }
        Map<Long, Long> unanswered = comments.countUnanswered(mine.stream().map(Module::getId).toList(), me).stream()
                .collect(Collectors.toMap(row -> (Long) row[0], row -> (Long) row[1]));
        return mine.stream()
                .filter(m -> m.getStatus() == ModuleStatus.CHANGES_REQUESTED || unanswered.containsKey(m.getId()))
                .map(m -> new AuthorWaiting(m.getId(), m.getTitle(), m.getStatus() == ModuleStatus.CHANGES_REQUESTED,
                        unanswered.getOrDefault(m.getId(), 0L)))
                .toList();
    }
}
