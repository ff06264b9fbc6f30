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
    private final org.encounter.identity.OrganisationScope scope;

    LearningFacts(NamedParameterJdbcTemplate sql, TeamService teams, org.encounter.identity.CurrentPerson currentPerson,
                  org.encounter.identity.OrganisationScope scope) {
        this.sql = sql;
        this.teams = teams;
        this.currentPerson = currentPerson;
        this.scope = scope;
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

    /**
     * Completions per calendar month (UTC) from {@code from} on, in these organisations (each one the signed-in
     * person administers), from the tally completion keeps per organisation.
     */
    public Map<java.time.YearMonth, Long> completionsInFrom(Collection<Long> organisations, java.time.YearMonth from) {
        MapSqlParameterSource p = administeredOnly(organisations).addValue("from", from.toString());
        Map<java.time.YearMonth, Long> byMonth = new java.util.TreeMap<>();
        sql.query("""
                select month, sum(completions) from organisation_completion_tally
                where organisation_id in (:organisations) and month >= :from group by month""", p, rs -> {
                    byMonth.put(java.time.YearMonth.parse(rs.getString(1)), rs.getLong(2));
                });
        return byMonth;
    }

    /**
     * How many attempts are in each status in these organisations: the open ones of their people now (from the
     * learner index alone), the completed ones from the per-organisation tally.
     */
    public Map<AttemptStatus, Long> statusesIn(Collection<Long> organisations) {
        MapSqlParameterSource p = administeredOnly(organisations);
        Map<AttemptStatus, Long> counts = new EnumMap<>(AttemptStatus.class);
        sql.query("""
                select a.status, count(*) from person p join attempt a on a.learner_id = p.id
                where p.organisation_id in (:organisations) and a.status in ('IN_PROGRESS', 'AWAITING_REPORT_BACK')
                group by a.status""", p, rs -> {
                    counts.put(AttemptStatus.valueOf(rs.getString(1)), rs.getLong(2));
                });
        Long completed = sql.queryForObject("""
                select coalesce(sum(completions), 0) from organisation_completion_tally
                where organisation_id in (:organisations)""", p, Long.class);
        counts.put(AttemptStatus.COMPLETED, completed == null ? 0 : completed);
        return counts;
    }

    /** Assignments of these organisations' people past their due date and not yet satisfied. */
    public long overdueIn(Collection<Long> organisations, LocalDate today) {
        Long n = sql.queryForObject("""
                select count(*) from person p join assignment g on g.learner_id = p.id
                where p.organisation_id in (:organisations) and g.withdrawn_at is null and g.satisfied_at is null
                and g.due_date < :today""", administeredOnly(organisations).addValue("today", today), Long.class);
        return n == null ? 0 : n;
    }

    /**
     * Completions of these modules per current member organisation of a partnership the signed-in person
     * coordinates, as counted when each completed: organisation → module → completions. Counts only, never who.
     */
    public Map<Long, Map<Long, Long>> completionsByMember(long partnershipId, Collection<Long> moduleIds) {
        scope.requireCoordinated(partnershipId);
        Map<Long, Map<Long, Long>> out = new java.util.HashMap<>();
        java.util.Set<Long> members = scope.currentMembers(partnershipId);
        members.forEach(o -> out.put(o, new java.util.HashMap<>()));
        if (members.isEmpty() || moduleIds.isEmpty()) {
            return out;
        }
        sql.query("""
                select organisation_id, module_id, sum(completions) from organisation_completion_tally
                where organisation_id in (:organisations) and module_id in (:modules)
                group by organisation_id, module_id""",
                new MapSqlParameterSource("organisations", members).addValue("modules", moduleIds), rs -> {
                    out.get(rs.getLong(1)).put(rs.getLong(2), rs.getLong(3));
                });
        return out;
    }

    private MapSqlParameterSource administeredOnly(Collection<Long> organisations) {
        org.encounter.identity.OrganisationScope.Scope administered = scope.administered();
        if (organisations.isEmpty() || !organisations.stream().allMatch(administered::includes)) {
            throw new AccessDeniedException("organisation figures are for the organisation's admins");
        }
        return new MapSqlParameterSource("organisations", organisations);
    }
}
