package org.encounter.certificates;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.encounter.base.NotifyPerson;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells holders 30 days before a certificate expires; renewing means taking the current version again. A holder whose
 * data has been erased is told nothing: there is no one to tell.
 */
@Component
class ExpiryReminders {

    static final Duration AHEAD = Duration.ofDays(30);

    private final CertificateRepository certificates;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final org.encounter.base.Dates dates;

    ExpiryReminders(CertificateRepository certificates, ApplicationEventPublisher events, Clock clock,
                    org.encounter.base.Dates dates) {
        this.dates = dates;
        this.certificates = certificates;
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${encounter.reminders.interval:15m}",
            initialDelayString = "${encounter.reminders.initial-delay:1m}")
    @SchedulerLock(name = "certificate-expiry", lockAtLeastFor = "PT30S")
    public void run() {
        remindAll();
    }

    @Transactional(readOnly = true)
    public void remindAll() {
        Instant now = clock.instant();
        for (Certificate c : certificates.findByRevokedAtIsNullAndHolderErasedAtIsNullAndValidUntilBetween(now,
                now.plus(AHEAD))) {
            events.publishEvent(new NotifyPerson(c.getLearnerId(), "certificate-expiring", "certificate:" + c.getId(),
                    "notify.certificate-expiring", List.of(c.view().moduleTitle(), NotifyPerson.date(dates.day(c.getValidUntil()))),
                    "learn"));
        }
    }
}
