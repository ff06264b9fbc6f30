package org.encounter.certificates;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import org.encounter.identity.CurrentPerson;
import org.encounter.identity.Role;
import org.encounter.identity.TeamService;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Certificates of the people a manager follows (or, for admins, of everyone), for team progress. */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class CertificateFacts {

    /**
     * A module's certificate held; revoked ones are left out, and so are programmes' certificates (a Leadership
     * Exchange), which belong to no module and so to no cell of a team's matrix.
     */
    public record Held(long learnerId, long moduleId, String code, String moduleTitle, int versionNumber,
                       Instant completedAt, Instant validUntil) {
    }

    /** How many unrevoked certificates are valid, expire within the warning period, or have expired. */
    public record Counts(long valid, long expiring, long expired) {
    }

    private final NamedParameterJdbcTemplate sql;
    private final TeamService teams;
    private final CurrentPerson currentPerson;
    private final org.encounter.identity.OrganisationScope scope;

    CertificateFacts(NamedParameterJdbcTemplate sql, TeamService teams, CurrentPerson currentPerson,
                     org.encounter.identity.OrganisationScope scope) {
        this.sql = sql;
        this.teams = teams;
        this.currentPerson = currentPerson;
        this.scope = scope;
    }

    /** Every unrevoked module certificate of these people, oldest completion first. */
    public List<Held> held(Collection<Long> learnerIds) {
        return query(learnerIds, null, null);
    }

    /** These people's unrevoked module certificates for completions in [from, to). */
    public List<Held> completedBetween(Collection<Long> learnerIds, Instant from, Instant to) {
        return query(learnerIds, from, to);
    }

    /** Organisation-wide: certificates valid, expiring before {@code warnUntil}, and expired at {@code now}. */
    public Counts countsEverywhere(Instant now, Instant warnUntil) {
        if (!currentPerson.has(Role.ADMIN)) {
            throw new AccessDeniedException("organisation-wide figures are for admins");
        }
        // Three range counts on ix_certificate_expiry (revoked_at, valid_until), each from the index alone.
        MapSqlParameterSource at = new MapSqlParameterSource("now", utc(now)).addValue("warn", utc(warnUntil));
        long valid = count("(valid_until is null or valid_until >= :warn)", at);
        long expiring = count("valid_until >= :now and valid_until < :warn", at);
        long expired = count("valid_until < :now", at);
        return new Counts(valid, expiring, expired);
    }

    private long count(String condition, MapSqlParameterSource params) {
        Long n = sql.queryForObject("select count(*) from certificate where revoked_at is null and " + condition, params,
                Long.class);
        return n == null ? 0 : n;
    }

    private List<Held> query(Collection<Long> learnerIds, Instant from, Instant to) {
        if (learnerIds.isEmpty()) {
            return List.of();
        }
        if (!teams.mayFollow(learnerIds)) {
            throw new AccessDeniedException("may not follow these people");
        }
        MapSqlParameterSource params = new MapSqlParameterSource("ids", learnerIds);
        String range = "";
        if (from != null) {
            range = " and completed_at >= :from and completed_at < :to";
            params.addValue("from", utc(from)).addValue("to", utc(to));
        }
        return sql.query("""
                select learner_id, module_id, code, module_title, version_number, completed_at, valid_until
                from certificate where learner_id in (:ids) and revoked_at is null and module_id is not null""" + range
                + " order by completed_at, id", params, (rs, i) -> new Held(rs.getLong(1), rs.getLong(2),
                rs.getString(3), rs.getString(4), rs.getInt(5), instant(rs.getObject(6, LocalDateTime.class)),
                instant(rs.getObject(7, LocalDateTime.class))));
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(LocalDateTime t) {
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }

    /**
     * Certificates issued in these organisations (each one the signed-in person administers): valid, expiring before
     * {@code warnUntil}, and expired at {@code now}; three ranges of ix_certificate_organisation_expiry.
     */
    public Counts countsIn(Collection<Long> organisations, Instant now, Instant warnUntil) {
        org.encounter.identity.OrganisationScope.Scope administered = scope.administered();
        if (organisations.isEmpty() || !organisations.stream().allMatch(administered::includes)) {
            throw new AccessDeniedException("organisation figures are for the organisation's admins");
        }
        MapSqlParameterSource at = new MapSqlParameterSource("now", utc(now)).addValue("warn", utc(warnUntil))
                .addValue("organisations", organisations);
        String in = "organisation_id in (:organisations) and ";
        return new Counts(count(in + "(valid_until is null or valid_until >= :warn)", at),
                count(in + "valid_until >= :now and valid_until < :warn", at), count(in + "valid_until < :now", at));
    }
}
