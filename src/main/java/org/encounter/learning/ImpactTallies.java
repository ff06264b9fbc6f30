package org.encounter.learning;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Marks the learner's assignments of the module satisfied, keeps the completions per month, and hands the
 * learner's impact answer on ({@link ImpactAnswered}), as attempts complete, inside the completing
 * transaction. Each person answers once per module for impact: a renewal does not count them again.
 */
@Component
class ImpactTallies {

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final org.encounter.identity.OrganisationScope scope;

    ImpactTallies(JdbcTemplate jdbc, ApplicationEventPublisher events, org.encounter.identity.OrganisationScope scope) {
        this.jdbc = jdbc;
        this.events = events;
        this.scope = scope;
    }

    @EventListener
    void on(AttemptCompleted completed) {
        jdbc.update("""
                update assignment set satisfied_at = ? where learner_id = ? and module_id = ? and satisfied_at is null""",
                java.sql.Timestamp.valueOf(java.time.LocalDateTime.ofInstant(completed.completedAt(),
                        java.time.ZoneOffset.UTC)), completed.learnerId(), completed.moduleId());
        // Every completion counts in its month (UTC), renewals included.
        jdbc.update("""
                insert into completion_tally (month, completions) values (?, 1)
                on duplicate key update completions = completion_tally.completions + 1""",
                java.time.YearMonth.from(completed.completedAt().atZone(java.time.ZoneOffset.UTC)).toString());
        // ... and for the organisation the learner belongs to as they complete (organisation and partnership reports).
        scope.organisationOf(completed.learnerId()).ifPresent(organisation -> jdbc.update("""
                insert into organisation_completion_tally (organisation_id, module_id, month, completions)
                values (?, ?, ?, 1) on duplicate key update completions = organisation_completion_tally.completions + 1""",
                organisation, completed.moduleId(),
                java.time.YearMonth.from(completed.completedAt().atZone(java.time.ZoneOffset.UTC)).toString()));
        Integer earlier = jdbc.queryForObject("""
                select count(*) from attempt where learner_id = ? and module_id = ? and status = 'COMPLETED' and id <> ?""",
                Integer.class, completed.learnerId(), completed.moduleId(), completed.attemptId());
        if (earlier != null && earlier > 0) {
            return;
        }
        Map<Integer, Integer> changes = new TreeMap<>();
        jdbc.query("""
                select s.statement, r.rating - s.rating from attempt_rating s
                join attempt_rating r on r.attempt_id = s.attempt_id and r.phase = 'REPORT' and r.statement = s.statement
                where s.attempt_id = ? and s.phase = 'START'""",
                rs -> {
                    changes.put(rs.getInt(1), rs.getInt(2));
                }, completed.attemptId());
        List<Boolean> tried = jdbc.queryForList("""
                select max(case when choice = 1 then 1 else 0 end) = 1 from attempt_step
                where attempt_id = ? and tried is not null and choice is not null having count(*) > 0""",
                Boolean.class, completed.attemptId());
        events.publishEvent(new ImpactAnswered(completed.learnerId(), completed.moduleId(), completed.completedAt(),
                changes, tried.isEmpty() ? null : tried.getFirst()));
    }
}
