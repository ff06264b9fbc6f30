package org.encounter.audit;

import java.time.Clock;
import org.encounter.base.Audited;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Appends each {@link Audited} event to the log once the work that published it has committed, so an action that
 * was rolled back leaves no entry; work outside any transaction (a failed sign-in) is recorded at once. The entry is
 * written in a transaction of its own ({@link AuditChain#append}: REQUIRES_NEW), as the published work's transaction
 * is over by then.
 */
@Component
class AuditRecorder {

    private static final Logger log = LoggerFactory.getLogger(AuditRecorder.class);

    private final AuditChain chain;
    private final Clock clock;

    AuditRecorder(AuditChain chain, Clock clock) {
        this.chain = chain;
        this.clock = clock;
    }

    /**
     * The action itself has already happened (and committed), so a log that cannot be written must not turn it into
     * an error page: the failure is logged loudly, with the event's codes, for an operator to act on.
     */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    public void record(Audited event) {
        try {
            chain.append(event, clock.instant());
        } catch (RuntimeException e) {
            log.error("Could not write the audit log entry {}", event, e);
        }
    }
}
