package org.encounter.learning;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.encounter.identity.Role;
import org.encounter.identity.TeamService;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Progress facts for team dashboards: statuses, dates and counts — never a word a learner wrote. Facts about
 * named people go only to their managers (and admins). Impact answers leave this feature only as
 * {@link ImpactAnswered}, for progress to release in cohorts of {@link #MIN_ANSWERS}.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class LearningFacts {

    /** Impact figures are released in cohorts of this many new answers, so no individual can be singled out. */
    public static final int MIN_ANSWERS = 5;

    public record AttemptFact(long learnerId, long moduleId, AttemptStatus status, Instant startedAt,
                              Instant lastActivityAt, Instant completedAt) {
    }

    public record AssignmentFact(long id, long learnerId, long moduleId, LocalDate dueDate, Instant assignedAt) {
    }

    private final NamedParameterJdbcTemplate sql;
    private final TeamService teams;
    private final org.encounter.identity.CurrentPerson currentPerson;

    LearningFacts(NamedParameterJdbcTemplate sql, TeamService teams, org.encounter.identity.CurrentPerson currentPerson) {
        this.sql = sql;
        this.teams = teams;
        this.currentPerson = currentPerson;
    }

    /** Every attempt of these people, oldest first. */
    public List<AttemptFact> attempts(Collection<Long> learnerIds) {
        if (nobody(learnerIds)) {
            return List.of();
        }
        return sql.query("""
                select learner_id, module_id, status, started_at, last_activity_at, completed_at from attempt
                where learner_id in (:ids) order by started_at, id""", ids(learnerIds), (rs, i) -> new AttemptFact(
                rs.getLong(1), rs.getLong(2), AttemptStatus.valueOf(rs.getString(3)), instant(rs, 4), instant(rs, 5), instant(rs, 6)));
    }

    /** These people's assignments that are not withdrawn. */
    public List<AssignmentFact> assignments(Collection<Long> learnerIds) {
        if (nobody(learnerIds)) {
            return List.of();
        }
        return sql.query("""
                select id, learner_id, module_id, due_date, created_at from assignment
                where learner_id in (:ids) and withdrawn_at is null order by due_date, id""", ids(learnerIds),
                (rs, i) -> new AssignmentFact(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        rs.getObject(4, LocalDate.class), instant(rs, 5)));
    }

    /** Completions per calendar month (UTC) from {@code from} on, for everyone, from the tally completion keeps. */
    public Map<java.time.YearMonth, Long> completionsEverywhereFrom(java.time.YearMonth from) {
        adminOnly();
        Map<java.time.YearMonth, Long> byMonth = new java.util.TreeMap<>();
        sql.query("select month, completions from completion_tally where month >= :from",
                new MapSqlParameterSource("from", from.toString()),
                rs -> {
                    byMonth.put(java.time.YearMonth.parse(rs.getString(1)), rs.getLong(2));
                });
        return byMonth;
    }

    /**
     * How many attempts are in each status, for everyone: the open ones by a range of the status index, the
     * completed ones from the completion tally (each attempt completes once).
     */
    public Map<AttemptStatus, Long> statusesEverywhere() {
        adminOnly();
        Map<AttemptStatus, Long> counts = new EnumMap<>(AttemptStatus.class);
        sql.query("""
                select status, count(*) from attempt where status in ('IN_PROGRESS', 'AWAITING_REPORT_BACK')
                group by status""", rs -> {
                    counts.put(AttemptStatus.valueOf(rs.getString(1)), rs.getLong(2));
                });
        Long completed = sql.queryForObject("select coalesce(sum(completions), 0) from completion_tally",
                new MapSqlParameterSource(), Long.class);
        counts.put(AttemptStatus.COMPLETED, completed == null ? 0 : completed);
        return counts;
    }

    /** Assignments past their due date whose module the learner has not completed, for everyone (one index range). */
    public long overdueEverywhere(LocalDate today) {
        adminOnly();
        Long n = sql.queryForObject("""
                select count(*) from assignment where withdrawn_at is null and satisfied_at is null and due_date < :today""",
                new MapSqlParameterSource("today", today), Long.class);
        return n == null ? 0 : n;
    }

    /** True when there is nothing to tell: no ids. Refuses people the signed-in person may not follow. */
    private boolean nobody(Collection<Long> learnerIds) {
        if (learnerIds.isEmpty()) {
            return true;
        }
        if (!teams.mayFollow(learnerIds)) {
            throw new AccessDeniedException("person " + currentPerson.id().orElse(null) + " may not follow these people");
        }
        return false;
    }

    private void adminOnly() {
        if (!currentPerson.has(Role.ADMIN)) {
            throw new AccessDeniedException("organisation-wide figures are for admins");
        }
    }

    private static MapSqlParameterSource ids(Collection<Long> ids) {
        return new MapSqlParameterSource("ids", ids);
    }

    /** Stored as UTC (hibernate.jdbc.time_zone), read without the JVM's zone in between. */
    private static Instant instant(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        LocalDateTime t = rs.getObject(column, LocalDateTime.class);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }
}
