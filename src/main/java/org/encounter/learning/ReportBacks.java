package org.encounter.learning;

import java.util.Optional;
import org.encounter.base.RecordNotFound;
import org.encounter.identity.CurrentPerson;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A learner's own report back, once the attempt is completed: what a story of change starts from. */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class ReportBacks {

    public record ReportBack(long attemptId, long moduleId, String tried, String happened, String learned) {
    }

    private final AttemptRepository attempts;
    private final AttemptStepRepository steps;
    private final CurrentPerson currentPerson;

    ReportBacks(AttemptRepository attempts, AttemptStepRepository steps, CurrentPerson currentPerson) {
        this.attempts = attempts;
        this.steps = steps;
        this.currentPerson = currentPerson;
    }

    /** The signed-in learner's completed report back; anyone else's attempt is refused. */
    public Optional<ReportBack> mine(long attemptId) {
        Attempt attempt = attempts.findById(attemptId).orElseThrow(() -> new RecordNotFound("attempt", attemptId));
        if (!attempt.getLearnerId().equals(currentPerson.requireId())) {
            throw new AccessDeniedException("attempt " + attemptId + " belongs to another learner");
        }
        if (attempt.getStatus() != AttemptStatus.COMPLETED) {
            return Optional.empty();
        }
        return steps.reportBack(attemptId)
                .map(a -> new ReportBack(attemptId, attempt.getModuleId(), a.tried(), a.happened(), a.learned()));
    }
}
