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
 * Progress facts for team dashboards and impact: statuses, dates, counts and averages — never a word a
 * learner wrote. Facts about named people go only to their managers (and admins); impact averages go to
 * anyone signed in, and only where at least {@link #MIN_ANSWERS} people answered.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class LearningFacts {

    /** Fewer answers than this and no average is given, so no individual can be singled out. */
    public static final int MIN_ANSWERS = 5;

    public record AttemptFact(long learnerId, long moduleId, AttemptStatus status, Instant startedAt,
                              Instant lastActivityAt, Instant completedAt) {
    }

    public record AssignmentFact(long id, long learnerId, long moduleId, LocalDate dueDate, Instant assignedAt) {
    }

    /**
     * The average change between the start and report-back rating of one impact statement; {@code average} is
     * null when fewer than {@link #MIN_ANSWERS} people answered.
     */
    public record ImpactFact(long moduleId, int statement, int people, Double averageChange) {
    }

    /** The share of learners who tried their planned action; {@code share} is null below {@link #MIN_ANSWERS}. */
    public record ActionFact(long moduleId, int people, Double share) {
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

    /** Impact among these people (a team), per module and statement; each person counts once per module. */
    public List<ImpactFact> impact(Collection<Long> learnerIds) {
        if (nobody(learnerIds)) {
            return List.of();
        }
        return sql.query("""
                select a.module_id, s.statement, count(distinct a.learner_id), avg(r.rating - s.rating)
                from attempt a
                join attempt_rating s on s.attempt_id = a.id and s.phase = 'START'
                join attempt_rating r on r.attempt_id = a.id and r.phase = 'REPORT' and r.statement = s.statement
                where a.learner_id in (:ids) and a.status = 'COMPLETED'
                group by a.module_id, s.statement order by a.module_id, s.statement""", ids(learnerIds),
                (rs, i) -> impactFact(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getDouble(4)));
    }

    /** Whether these people (a team) tried the action they planned, per module. */
    public List<ActionFact> actions(Collection<Long> learnerIds) {
        if (nobody(learnerIds)) {
            return List.of();
        }
        return sql.query("""
                select a.module_id, count(distinct a.learner_id), avg(case when st.choice = 1 then 1.0 else 0.0 end)
                from attempt a join attempt_step st on st.attempt_id = a.id and st.tried is not null and st.choice is not null
                where a.learner_id in (:ids) and a.status = 'COMPLETED'
                group by a.module_id order by a.module_id""", ids(learnerIds),
                (rs, i) -> actionFact(rs.getLong(1), rs.getInt(2), rs.getDouble(3)));
    }

    /** Impact across everyone, per module and statement, from the tallies completion keeps. */
    public List<ImpactFact> impactEverywhere(Collection<Long> moduleIds) {
        if (moduleIds.isEmpty()) {
            return List.of();
        }
        return sql.query("""
                select module_id, statement, answers, change_sum from impact_tally
                where module_id in (:ids) order by module_id, statement""", ids(moduleIds),
                (rs, i) -> impactFact(rs.getLong(1), rs.getInt(2), rs.getInt(3),
                        rs.getInt(3) == 0 ? 0 : rs.getDouble(4) / rs.getInt(3)));
    }

    /** Modules for which anyone has answered at report back. */
    public List<Long> modulesWithAnswers() {
        return sql.queryForList("select module_id from action_tally union select module_id from impact_tally order by 1",
                new MapSqlParameterSource(), Long.class);
    }

    /** Whether people tried their planned action, across everyone, per module. */
    public List<ActionFact> actionsEverywhere(Collection<Long> moduleIds) {
        if (moduleIds.isEmpty()) {
            return List.of();
        }
        return sql.query("select module_id, answers, tried from action_tally where module_id in (:ids) order by module_id",
                ids(moduleIds), (rs, i) -> actionFact(rs.getLong(1), rs.getInt(2),
                        rs.getInt(2) == 0 ? 0 : rs.getDouble(3) / rs.getInt(2)));
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

    private static ImpactFact impactFact(long module, int statement, int people, double average) {
        return new ImpactFact(module, statement, people, people >= MIN_ANSWERS ? average : null);
    }

    private static ActionFact actionFact(long module, int people, double share) {
        return new ActionFact(module, people, people >= MIN_ANSWERS ? share : null);
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
