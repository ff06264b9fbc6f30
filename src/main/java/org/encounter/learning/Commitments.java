package org.encounter.learning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.encounter.identity.CurrentPerson;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A learner's commitment on a module: the action they planned and, once they reported back, what happened.
 * Private by default: the learner reads their own; anyone else only where a {@link CommitmentAudience} the
 * learner chose to share with allows it.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class Commitments {

    /** {@code action} is null when no action is planned yet; the report-back fields are null until reported. */
    public record Commitment(long learnerId, long moduleId, String action, LocalDate actionDate, boolean reported,
                             String tried, String happened, String learned, String keepDoing, Instant reportedAt) {
    }

    private final AttemptRepository attempts;
    private final AttemptStepRepository steps;
    private final CurrentPerson currentPerson;
    private final List<CommitmentAudience> audiences;

    Commitments(AttemptRepository attempts, AttemptStepRepository steps, CurrentPerson currentPerson,
                List<CommitmentAudience> audiences) {
        this.attempts = attempts;
        this.steps = steps;
        this.currentPerson = currentPerson;
        this.audiences = audiences;
    }

    /** The signed-in learner's own commitment on a module, from their latest attempt with a plan. */
    public Optional<Commitment> mine(long moduleId) {
        return of(currentPerson.requireId(), moduleId);
    }

    /**
     * These learners' commitments on a module, for a reader an audience allows; anyone it does not allow is
     * refused, so a caller can never mix in a person who did not share.
     */
    public Map<Long, Commitment> shared(long moduleId, Collection<Long> learnerIds) {
        long reader = currentPerson.requireId();
        Map<Long, Commitment> result = new LinkedHashMap<>();
        for (long learner : learnerIds) {
            if (learner != reader && audiences.stream().noneMatch(a -> a.mayRead(reader, learner, moduleId))) {
                throw new AccessDeniedException("person " + learner + " has not shared a commitment with this reader");
            }
            of(learner, moduleId).ifPresent(c -> result.put(learner, c));
        }
        return result;
    }

    private Optional<Commitment> of(long learnerId, long moduleId) {
        return attempts.findByLearnerIdAndModuleIdIn(learnerId, List.of(moduleId)).stream()
                .filter(a -> a.getActionText() != null)
                .max(Comparator.comparing(Attempt::getStartedAt).thenComparing(Attempt::getId))
                .map(a -> {
                    Optional<StepAnswer> report = a.getStatus() != AttemptStatus.COMPLETED ? Optional.empty()
                            : steps.reportBack(a.getId());
                    return new Commitment(learnerId, moduleId, a.getActionText(), a.getActionDate(), report.isPresent(),
                            report.map(StepAnswer::tried).orElse(null), report.map(StepAnswer::happened).orElse(null),
                            report.map(StepAnswer::learned).orElse(null), report.map(StepAnswer::keepDoing).orElse(null),
                            report.isPresent() ? a.getCompletedAt() : null);
                });
    }
}
