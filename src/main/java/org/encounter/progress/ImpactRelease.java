package org.encounter.progress;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.encounter.base.SystemAccess;
import org.encounter.identity.OrganisationScope;
import org.encounter.identity.TeamService;
import org.encounter.learning.ImpactAnswered;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The release rule for every impact and "tried it" figure (team, everyone, author, admin, CSV): <b>closed
 * cohorts</b>.
 * <ul>
 * <li>A figure is one module's change on one impact statement, or its share who tried their planned action.
 *     Each has its own queue per scope: everyone, and the one team that counts the learner's answer.</li>
 * <li>An answer (a person's first completion) waits in the queue. When {@value #COHORT} are waiting, the
 *     oldest five are added to the released count and sum and leave the queue. Only released answers are ever
 *     shown; a released sum never changes (erasure takes waiting answers with the person, never released ones;
 *     ratings cannot change after completion).</li>
 * <li>An answer counts in at most one team: the learner's first team (lowest id) when they answered. A learner in
 *     no team answers into their organisation's own scope instead ({@link #organisationScope}, the organisation
 *     they belonged to when they answered): the second scope is "the team, or else the organisation".</li>
 * </ul>
 * Why one completion tells nobody anything: the figures before and after it are the same (the answer waits),
 * and when they move, they move by a cohort of five answers at once. Nor does any set of readings across
 * scopes isolate one person. Every reading is a sum over whole released cohorts of exactly five, and each answer
 * is in at most one team cohort and at most one everyone cohort. Suppose Σ c(cohort)·sum(cohort) gave answer x
 * alone: every other answer y needs the c of its (one or two) cohorts to add up to 0. So an answer released in
 * one cohort only forces that c to 0, and along an answer released in a team and an everyone cohort the two c
 * are opposite, +a and −a. If x's cohorts stay linked without x, x gets a − a = 0. Otherwise a linked group
 * with a ≠ 0 holds no answer of the first kind and has x in one team cohort (or one everyone cohort) only;
 * counting its members from both sides gives 5·teamCohorts = links + 1 and 5·everyoneCohorts = links (or the
 * reverse), which no whole numbers satisfy. So x always gets 0. This holds for a manager of several teams and
 * for managers comparing notes. What it does not hide: that someone answered (the waiting count; the matrix
 * shows completions anyway), and what a cohort's five have in common (all five tried: the share says 100 %).
 *
 * <p><b>Organisations and partnerships.</b> An organisation's figure is the sum of the released cohorts of its
 * teams' scopes and of its own scope ({@link #releasedIn}, kept as a running sum as each cohort releases); a
 * partnership's combined figure is the sum over its member organisations. Both are sums over whole released
 * cohorts, so the argument above covers them unchanged: no answer enters a third cohort. A separate organisation queue beside the team queue was the alternative and was
 * refused: with three overlapping cohorts per answer the ± argument no longer closes, and a coordinator comparing
 * notes with a manager could then subtract their way to one person. The price: answers waiting in a small team's
 * queue are in no organisation figure until that team's cohort of five fills.
 */
@Component
class ImpactRelease {

    static final int COHORT = org.encounter.learning.LearningFacts.MIN_ANSWERS;
    /** The scope of everyone's figures; any other scope is a team id. */
    static final long EVERYONE = 0;
    /** The figure "tried the planned action"; 0, 1, 2 are the impact statements. */
    static final int TRIED = -1;

    /** One released figure: people (a multiple of five) and the sum of their values, plus answers waiting. */
    record Released(int people, long sum, int waiting) {
    }

    private final NamedParameterJdbcTemplate sql;
    private final TeamService teams;
    private final OrganisationScope organisations;
    private final org.springframework.context.ApplicationEventPublisher events;

    ImpactRelease(NamedParameterJdbcTemplate sql, TeamService teams, OrganisationScope organisations,
                  org.springframework.context.ApplicationEventPublisher events) {
        this.sql = sql;
        this.teams = teams;
        this.organisations = organisations;
        this.events = events;
    }

    @EventListener
    void on(ImpactAnswered answer) {
        Long organisation = SystemAccess.run(() -> organisations.organisationOf(answer.learnerId()).orElse(null));
        Long team = SystemAccess.run(() -> teams.impactTeamOf(answer.learnerId()).orElse(null));
        if (team == null && organisation != null) {
            team = organisationScope(organisation);
        }
        List<Long> scopes = team == null ? List.of(EVERYONE) : List.of(EVERYONE, team);
        for (long scope : scopes) {
            // A team holds only its organisation's people: the learner's organisation is the team's.
            Long credited = scope == EVERYONE ? null : organisation;
            List<Integer> released = new ArrayList<>();
            answer.changes().forEach((statement, change) -> {
                if (queue(scope, credited, answer, statement, change)) {
                    released.add(statement);
                }
            });
            if (answer.tried() != null && queue(scope, credited, answer, TRIED, answer.tried() ? 1 : 0)) {
                released.add(TRIED);
            }
            if (!released.isEmpty()) {
                // The platform released them, not the learner whose answer completed the cohort: no actor.
                events.publishEvent(new org.encounter.base.Audited(null, "impact-released", "module",
                        Long.toString(answer.moduleId()), credited, "scope=" + scopeCode(scope) + ";figures="
                        + released.stream().sorted().map(String::valueOf)
                                .collect(java.util.stream.Collectors.joining(",")) + ";people=" + COHORT));
            }
        }
    }

    private static String scopeCode(long scope) {
        return scope == EVERYONE ? "everyone" : scope < 0 ? "organisation:" + -scope : "team:" + scope;
    }

    /**
     * Queues one answer; {@code organisation}: whose sums a cohort released in this scope adds to (null: none).
     * Answers whether a cohort was released.
     */
    private boolean queue(long scope, Long organisation, ImpactAnswered answer, int figure, int value) {
        MapSqlParameterSource p = new MapSqlParameterSource("scope", scope).addValue("module", answer.moduleId())
                .addValue("figure", figure).addValue("learner", answer.learnerId()).addValue("value", value)
                .addValue("at", Timestamp.valueOf(LocalDateTime.ofInstant(answer.answeredAt(), ZoneOffset.UTC)));
        // The released row is locked first: two completions at once in one scope seal one cohort, not two
        // overlapping ones.
        sql.update("""
                insert into impact_released (scope_team_id, module_id, figure, people, value_sum)
                values (:scope, :module, :figure, 0, 0) on duplicate key update people = people""", p);
        sql.queryForObject("""
                select people from impact_released where scope_team_id = :scope and module_id = :module
                and figure = :figure for update""", p, Integer.class);
        sql.update("""
                insert into impact_waiting (scope_team_id, module_id, figure, learner_id, answered_at, value)
                values (:scope, :module, :figure, :learner, :at, :value)""", p);
        // A locking read: it sees what a completion that sealed meanwhile left, not this transaction's snapshot.
        List<long[]> oldest = sql.query("""
                select id, value from impact_waiting where scope_team_id = :scope and module_id = :module
                and figure = :figure order by answered_at, id limit""" + " " + COHORT + " for update", p,
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)});
        if (oldest.size() < COHORT) {
            return false;
        }
        List<Long> ids = new ArrayList<>();
        long sum = 0;
        for (long[] row : oldest) {
            ids.add(row[0]);
            sum += row[1];
        }
        sql.update("""
                update impact_released set people = people + :n, value_sum = value_sum + :sum, released_at = :at
                where scope_team_id = :scope and module_id = :module and figure = :figure""",
                p.addValue("n", COHORT).addValue("sum", sum));
        sql.update("delete from impact_waiting where id in (:ids)", new MapSqlParameterSource("ids", ids));
        if (organisation != null) {
            // The organisation's running sum of its scopes' released cohorts, so a report reads a few rows.
            sql.update("""
                    insert into impact_released_organisation (organisation_id, module_id, figure, people, value_sum)
                    values (:organisation, :module, :figure, :n, :sum) on duplicate key update
                    people = people + :n, value_sum = value_sum + :sum""", p.addValue("organisation", organisation));
        }
        return true;
    }

    /** What one scope has released, per module and figure ("module:figure"), with the answers waiting. */
    Map<String, Released> released(long scope, Collection<Long> moduleIds) {
        Map<String, Released> out = new HashMap<>();
        if (moduleIds.isEmpty()) {
            return out;
        }
        MapSqlParameterSource p = new MapSqlParameterSource("scope", scope).addValue("ids", moduleIds);
        sql.query("""
                select r.module_id, r.figure, r.people, r.value_sum, (select count(*) from impact_waiting w
                    where w.scope_team_id = r.scope_team_id and w.module_id = r.module_id and w.figure = r.figure)
                from impact_released r where r.scope_team_id = :scope and r.module_id in (:ids)""", p, rs -> {
                    out.put(key(rs.getLong(1), rs.getInt(2)), new Released(rs.getInt(3), rs.getLong(4), rs.getInt(5)));
                });
        return out;
    }

    /** Modules with any answer in this scope, released or waiting. */
    List<Long> modulesAnswered(long scope) {
        return sql.queryForList("select distinct module_id from impact_released where scope_team_id = :scope",
                new MapSqlParameterSource("scope", scope), Long.class);
    }

    /**
     * What these organisations have released, per organisation, then per module and figure ("module:figure"): the
     * sums of the whole cohorts released in their teams' scopes and their own scope, kept as cohorts release.
     * Waiting answers are not counted (reported as 0): a report across organisations does not say who is about to
     * be counted.
     */
    Map<Long, Map<String, Released>> releasedIn(Collection<Long> organisationIds, Collection<Long> moduleIds) {
        Map<Long, Map<String, Released>> out = new HashMap<>();
        organisationIds.forEach(o -> out.put(o, new HashMap<>()));
        if (organisationIds.isEmpty() || moduleIds.isEmpty()) {
            return out;
        }
        MapSqlParameterSource p = new MapSqlParameterSource("organisations", organisationIds).addValue("ids", moduleIds);
        sql.query("""
                select organisation_id, module_id, figure, people, value_sum from impact_released_organisation
                where organisation_id in (:organisations) and module_id in (:ids)""", p, rs -> {
                    out.get(rs.getLong(1)).put(key(rs.getLong(2), rs.getInt(3)),
                            new Released(rs.getInt(4), rs.getLong(5), 0));
                });
        return out;
    }

    /** The release scope of an organisation's people in no team: minus its id (teams are positive, everyone 0). */
    static long organisationScope(long organisationId) {
        return -organisationId;
    }

    static String key(long moduleId, int figure) {
        return moduleId + ":" + figure;
    }
}
