package org.encounter.learning;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.encounter.authoring.PublishedModule;
import org.encounter.authoring.PublishedModules;
import org.encounter.base.NotifyPerson;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminds learners when a report back opens, when an assignment is due within three days, and
 * when it is overdue. Runs on one instance at a time (ShedLock); each reminder is delivered once.
 */
@Component
class Reminders {

    private final AttemptRepository attempts;
    private final AssignmentRepository assignments;
    private final ModuleTitles titles;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ZoneId zone;

    Reminders(AttemptRepository attempts, AssignmentRepository assignments, ModuleTitles titles,
              ApplicationEventPublisher events, Clock clock, org.encounter.base.Dates dates) {
        this.attempts = attempts;
        this.assignments = assignments;
        this.titles = titles;
        this.events = events;
        this.clock = clock;
        this.zone = dates.zone();
    }

    @Scheduled(fixedDelayString = "${encounter.reminders.interval:15m}",
            initialDelayString = "${encounter.reminders.initial-delay:1m}")
    @SchedulerLock(name = "learning-reminders", lockAtLeastFor = "PT30S")
    public void run() {
        remindAll();
    }

    /** One pass over what is due; safe to repeat (each reminder is delivered once). */
    @Transactional(readOnly = true)
    public void remindAll() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        for (Attempt a : attempts.findByStatusAndReportBackOpensAtLessThanEqual(AttemptStatus.AWAITING_REPORT_BACK, now)) {
            events.publishEvent(new NotifyPerson(a.getLearnerId(), "report-back-open", "attempt:" + a.getId(),
                    "notify.report-back-open", List.of(titles.ofVersion(a.getVersionId())), "learn/attempt/" + a.getId()));
        }
        List<Assignment> due = assignments.findByWithdrawnAtIsNullAndDueDateBetween(today.minusYears(1), today.plusDays(3));
        Set<String> completed = attempts.findByStatusAndModuleIdIn(AttemptStatus.COMPLETED,
                        due.stream().map(Assignment::getModuleId).collect(Collectors.toSet())).stream()
                .map(a -> a.getLearnerId() + ":" + a.getModuleId()).collect(Collectors.toSet());
        for (Assignment a : due) {
            if (completed.contains(a.getLearnerId() + ":" + a.getModuleId())) {
                continue;
            }
            boolean overdue = a.getDueDate().isBefore(today);
            events.publishEvent(new NotifyPerson(a.getLearnerId(), overdue ? "assignment-overdue" : "assignment-due-soon",
                    "assignment:" + a.getId(), overdue ? "notify.overdue" : "notify.due-soon",
                    List.of(titles.ofModule(a.getModuleId()), NotifyPerson.date(a.getDueDate())), "learn/mine"));
        }
    }

    /** Titles for messages, read with the system's rights (no learner is signed in). */
    @Component
    static class ModuleTitles {
        private final PublishedModules published;

        ModuleTitles(PublishedModules published) {
            this.published = published;
        }

        String ofVersion(long versionId) {
            return org.encounter.base.SystemAccess.run(() -> published.version(versionId).map(PublishedModule::title).orElse("?"));
        }

        String ofModule(long moduleId) {
            return org.encounter.base.SystemAccess.run(() -> published.current(moduleId).map(PublishedModule::title).orElse("?"));
        }
    }
}
