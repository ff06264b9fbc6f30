package org.encounter.learning;

import java.time.Clock;
import java.util.Optional;
import org.encounter.authoring.PublishedModule;
import org.encounter.authoring.PublishedModules;
import org.encounter.base.InvalidInputException;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A learner has at most one open attempt of a module, however many clicks on "Start" arrive at once: the database
 * refuses a second one (unique index {@value #OPEN_ATTEMPT}, V13), and the click that lost the race reads, in a
 * transaction of its own, the attempt the other one started. Where the index still holds entries of attempts just
 * completed or removed, InnoDB may instead pick one of two racing clicks as a deadlock victim: that click simply
 * tries once more, and finds (or waits for) the attempt the other one started.
 */
@Component
class OpenAttempts {

    static final String OPEN_ATTEMPT = "ux_attempt_open";

    private final AttemptRepository attempts;
    private final PublishedModules published;
    private final TransactionTemplate transactions;
    private final Clock clock;

    OpenAttempts(AttemptRepository attempts, PublishedModules published, PlatformTransactionManager transactions,
                 Clock clock) {
        this.attempts = attempts;
        this.published = published;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** The learner's open attempt of the module, started on its current version if there is none. */
    long openOrStart(long learnerId, long moduleId) {
        try {
            return openOrStartOnce(learnerId, moduleId);
        } catch (PessimisticLockingFailureException deadlock) {
            return openOrStartOnce(learnerId, moduleId);
        }
    }

    private long openOrStartOnce(long learnerId, long moduleId) {
        try {
            return transactions.execute(s -> open(learnerId, moduleId).orElseGet(() -> start(learnerId, moduleId)));
        } catch (DataIntegrityViolationException e) {
            if (!String.valueOf(NestedExceptionUtils.getMostSpecificCause(e).getMessage()).contains(OPEN_ATTEMPT)) {
                throw e;
            }
            return transactions.execute(s -> open(learnerId, moduleId)).orElseThrow(() -> e);
        }
    }

    private Optional<Long> open(long learnerId, long moduleId) {
        return attempts.findFirstByLearnerIdAndModuleIdAndStatusNot(learnerId, moduleId, AttemptStatus.COMPLETED)
                .map(Attempt::getId);
    }

    /** A new attempt only of a module in the learner's catalogue; one under way goes on even if sharing has ended. */
    private long start(long learnerId, long moduleId) {
        PublishedModule module = published.current(moduleId)
                .orElseThrow(() -> new InvalidInputException("", "learning.not-published"));
        if (!published.available(moduleId)) {
            throw new org.encounter.base.RecordNotFound("module", moduleId);
        }
        return attempts.save(new Attempt(learnerId, moduleId, module.versionId(), module.steps().size(), clock.instant()))
                .getId();
    }
}
