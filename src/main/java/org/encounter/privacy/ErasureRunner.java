package org.encounter.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.encounter.base.Audited;
import org.encounter.base.PersonalData;
import org.encounter.base.PersonalData.ErasureChoices;
import org.encounter.base.SystemAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Carries out erasure requests whose cool-off has passed. Each erasure is one transaction across every feature's
 * {@link PersonalData#erase}: a failure anywhere rolls all of it back, so the person is either fully present or fully
 * erased, and the next run tries again. Runs on one instance at a time (ShedLock).
 */
@Component
class ErasureRunner {

    private static final Logger log = LoggerFactory.getLogger(ErasureRunner.class);

    private final JdbcClient db;
    private final List<PersonalData> features;
    private final Erasures erasures;
    private final Subjects subjects;
    private final ExportFiles files;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate erasing;
    private final TransactionTemplate separately;
    private final Clock clock;

    ErasureRunner(JdbcClient db, Features features, Erasures erasures, Subjects subjects, ExportFiles files,
                  ApplicationEventPublisher events, PlatformTransactionManager transactions, Clock clock) {
        this.db = db;
        this.features = features.all();
        this.erasures = erasures;
        this.subjects = subjects;
        this.files = files;
        this.events = events;
        this.erasing = new TransactionTemplate(transactions);
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${encounter.privacy.erasure-interval:15m}",
            initialDelayString = "${encounter.reminders.initial-delay:1m}")
    @SchedulerLock(name = "privacy-erasures", lockAtLeastFor = "PT30S")
    public void run() {
        SystemAccess.run(this::eraseDue);
    }

    /** Every request due now; returns how many people were erased. */
    int eraseDue() {
        List<Long> due = db.sql("select id from erasure_request where status = 'PENDING' and due_at <= ? order by due_at")
                .param(Times.utc(clock.instant())).query(Long.class).list();
        int erased = 0;
        for (long id : due) {
            try {
                if (erase(id)) {
                    erased++;
                }
            } catch (RuntimeException e) {
                log.error("Erasure request {} failed and was rolled back; it runs again next time", id, e);
                separately.executeWithoutResult(status -> db.sql("""
                                update erasure_request set failures = failures + 1, last_failure = ? where id = ?""")
                        .params(e.getClass().getName(), id).update());
            }
        }
        return erased;
    }

    /**
     * Erases the person of one pending request, now, in one transaction (joining the caller's, if any). Returns false
     * when there was nothing to do: cancelled, done, the person came back (an inactive account signed in again), or
     * something now stands in the way (recorded on the request).
     */
    boolean erase(long requestId) {
        return SystemAccess.run(() -> erasing.execute(status -> {
            var request = db.sql("""
                            select person_id, origin, requested_at, keep_anonymous_stories, credit_as_codesigner,
                                   end_open_exchange from erasure_request where id = ? and status = 'PENDING' for update""")
                    .param(requestId).query((rs, row) -> new Object[] {rs.getLong(1), rs.getString(2),
                            Times.instant(rs, 3), new ErasureChoices(rs.getBoolean(4), rs.getBoolean(5),
                            rs.getBoolean(6))}).optional();
            if (request.isEmpty()) {
                return false;
            }
            long personId = (Long) request.get()[0];
            Erasures.Origin origin = Erasures.Origin.valueOf((String) request.get()[1]);
            Instant requestedAt = (Instant) request.get()[2];
            ErasureChoices choices = (ErasureChoices) request.get()[3];
            Instant now = clock.instant();
            if (origin == Erasures.Origin.RETENTION && !subjects.inactiveSince(requestedAt).contains(personId)) {
                db.sql("update erasure_request set status = 'CANCELLED', cancelled_at = ? where id = ?")
                        .params(Times.utc(now), requestId).update();
                return false;
            }
            List<String> blockers = erasures.blockersOf(personId, choices);
            if (!blockers.isEmpty()) {
                db.sql("update erasure_request set last_failure = ? where id = ?").params(blockers.getFirst(), requestId)
                        .update();
                return false;
            }
            Long organisationId = subjects.find(personId).map(Subjects.Subject::organisationId).orElse(null);
            for (PersonalData feature : features) {
                feature.erase(personId, choices);
            }
            db.sql("update erasure_request set status = 'DONE', completed_at = ?, last_failure = null where id = ?")
                    .params(Times.utc(now), requestId).update();
            events.publishEvent(new Audited(null, "erasure-completed", "person", Long.toString(personId),
                    organisationId, null));
            return true;
        }));
    }
}
