package org.encounter.learning;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Marks the learner's assignments of the module satisfied, and keeps the completions per month and the
 * per-module impact tallies, as attempts complete, inside the completing transaction, so
 * organisation-wide impact is read from a few hundred rows rather than every learner's ratings. Each person
 * counts once per module: a renewal does not count them again.
 */
@Component
class ImpactTallies {

    private final JdbcTemplate jdbc;

    ImpactTallies(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
        Integer earlier = jdbc.queryForObject("""
                select count(*) from attempt where learner_id = ? and module_id = ? and status = 'COMPLETED' and id <> ?""",
                Integer.class, completed.learnerId(), completed.moduleId(), completed.attemptId());
        if (earlier != null && earlier > 0) {
            return;
        }
        jdbc.update("""
                insert into impact_tally (module_id, statement, answers, change_sum)
                select ?, s.statement, 1, r.rating - s.rating from attempt_rating s
                join attempt_rating r on r.attempt_id = s.attempt_id and r.phase = 'REPORT' and r.statement = s.statement
                where s.attempt_id = ? and s.phase = 'START'
                on duplicate key update answers = impact_tally.answers + 1,
                    change_sum = impact_tally.change_sum + values(change_sum)""",
                completed.moduleId(), completed.attemptId());
        jdbc.update("""
                insert into action_tally (module_id, answers, tried)
                select ?, 1, case when st.choice = 1 then 1 else 0 end from attempt_step st
                where st.attempt_id = ? and st.tried is not null and st.choice is not null
                on duplicate key update answers = action_tally.answers + 1, tried = action_tally.tried + values(tried)""",
                completed.moduleId(), completed.attemptId());
    }
}
