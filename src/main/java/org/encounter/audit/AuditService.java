package org.encounter.audit;

import com.vaadin.flow.i18n.I18NProvider;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.encounter.base.Csv;
import org.encounter.base.Dates;
import org.encounter.identity.OrganisationNames;
import org.encounter.identity.OrganisationScope;
import org.encounter.identity.PersonDirectory;
import org.encounter.identity.Role;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admins' reading of the audit log: a platform admin reads every entry, an organisation admin the entries of their
 * own organisation ({@link OrganisationScope#administered()} decides); filtered, paged, as CSV, newest first. Only the
 * platform admin checks the whole chain.
 */
@Service
@Transactional(readOnly = true)
@RolesAllowed({Role.Names.ADMIN, Role.Names.ORG_ADMIN})
public class AuditService {

    static final int MAX_PAGE = 500;
    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final NamedParameterJdbcTemplate sql;
    private final AuditChain chain;
    private final OrganisationScope scope;
    private final PersonDirectory people;
    private final OrganisationNames organisations;
    private final Dates dates;
    private final I18NProvider i18n;

    AuditService(NamedParameterJdbcTemplate sql, AuditChain chain, OrganisationScope scope, PersonDirectory people,
                 OrganisationNames organisations, Dates dates, I18NProvider i18n) {
        this.sql = sql;
        this.chain = chain;
        this.scope = scope;
        this.people = people;
        this.organisations = organisations;
        this.dates = dates;
        this.i18n = i18n;
    }

    /** Entries matching the filter, newest first, from {@code offset}; at most {@value #MAX_PAGE}. */
    public List<AuditEntry> page(AuditFilter filter, int offset, int limit) {
        Where where = where(filter);
        where.params.addValue("limit", Math.clamp(limit, 0, MAX_PAGE)).addValue("offset", Math.max(0, offset));
        return named(sql.query("select * from audit_log" + where.sql + " order by id desc limit :limit offset :offset",
                where.params, AuditChain::stored));
    }

    public int count(AuditFilter filter) {
        Where where = where(filter);
        Integer count = sql.queryForObject("select count(*) from audit_log" + where.sql, where.params, Integer.class);
        return count == null ? 0 : count;
    }

    /**
     * The filtered entries as CSV, newest first, headed and labelled in the reader's language; times are the
     * configured time zone's, written 2026-09-30 14:05:00 so that a spreadsheet in any language reads them. Streams:
     * written a page at a time, however long the log.
     */
    public void csv(AuditFilter filter, Locale locale, Writer out) {
        try {
            out.write('\uFEFF');
            out.write(line(Stream.of("when", "actor-id", "actor", "action", "action-code", "target", "target-id",
                            "target-name", "organisation", "detail")
                    .map(h -> h.equals("when") ? i18n.getTranslation("audit.csv.when", locale, dates.zone().getId())
                            : i18n.getTranslation("audit.csv." + h, locale)).toList()));
            DateTimeFormatter time = CSV_TIME.withZone(dates.zone());
            long before = Long.MAX_VALUE;
            List<AuditEntry> page;
            do {
                Where where = where(filter);
                where.params.addValue("before", before);
                page = named(sql.query("select * from audit_log" + where.sql + " and id < :before order by id desc"
                        + " limit " + MAX_PAGE, where.params, AuditChain::stored));
                for (AuditEntry e : page) {
                    out.write(line(java.util.Arrays.asList(time.format(e.occurredAt()), e.actorId(), e.actorName(),
                            AuditActions.action(e.action(), key -> i18n.getTranslation(key, locale)), e.action(),
                            AuditActions.target(e.targetType(), key -> i18n.getTranslation(key, locale)),
                            e.targetId(), e.targetName(), e.organisationName(), e.detail())));
                    before = e.id();
                }
                out.flush();
            } while (page.size() == MAX_PAGE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Walks the whole chain (long for a long log, so the page asks for it on demand). Platform admin only. */
    @RolesAllowed(Role.Names.ADMIN)
    public ChainStatus verifyChain() {
        AuditChain.Check check = chain.verify();
        return new ChainStatus(check.intact(), check.entries(), check.brokenAt(),
                check.kind() == AuditChain.Break.MISSING);
    }

    private static String line(List<?> values) {
        return values.stream().map(v -> Csv.quote(v == null ? "" : v.toString())).collect(Collectors.joining(","))
                + "\r\n";
    }

    /** The filter and the reader's scope as SQL: only the conditions that apply, so the indexes serve each. */
    private Where where(AuditFilter filter) {
        AuditFilter f = filter == null ? AuditFilter.ANY : filter;
        StringBuilder where = new StringBuilder(" where 1 = 1");
        MapSqlParameterSource p = new MapSqlParameterSource();
        OrganisationScope.Scope in = scope.administered();
        if (!in.everywhere()) {
            where.append(" and organisation_id in (:organisations)");
            p.addValue("organisations", in.forQuery());
        }
        if (f.from() != null) {
            where.append(" and occurred_at >= :from");
            p.addValue("from", startOf(f.from()));
        }
        if (f.to() != null) {
            where.append(" and occurred_at < :to");
            p.addValue("to", startOf(f.to().plusDays(1)));
        }
        if (f.action() != null && !f.action().isBlank()) {
            where.append(" and action = :action");
            p.addValue("action", f.action().strip());
        }
        if (f.personId() != null) {
            where.append(" and (actor_id = :person or (target_type = 'person' and target_id = :personText))");
            p.addValue("person", f.personId()).addValue("personText", f.personId().toString());
        }
        return new Where(where.toString(), p);
    }

    private java.time.LocalDateTime startOf(LocalDate day) {
        return AuditChain.utc(day.atStartOfDay(dates.zone()).toInstant());
    }

    /** The entries with the names they point to: one look-up per kind of name for the whole page. */
    private List<AuditEntry> named(List<AuditChain.Stored> rows) {
        Set<Long> personIds = new HashSet<>();
        Set<Long> organisationIds = new HashSet<>();
        Set<Long> partnershipIds = new HashSet<>();
        for (AuditChain.Stored row : rows) {
            AuditChain.Entry e = row.entry();
            if (e.actorId() != null) {
                personIds.add(e.actorId());
            }
            if (e.organisationId() != null) {
                organisationIds.add(e.organisationId());
            }
            Long target = number(e.targetId());
            if (target != null && e.targetType() != null) {
                switch (e.targetType()) {
                    case "person" -> personIds.add(target);
                    case "organisation" -> organisationIds.add(target);
                    case "partnership" -> partnershipIds.add(target);
                    default -> { }
                }
            }
        }
        Map<Long, String> personNames = personIds.isEmpty() ? Map.of() : people.displayNames(personIds);
        Map<Long, String> organisationNames = organisations.organisations(organisationIds);
        Map<Long, String> partnershipNames = organisations.partnerships(partnershipIds);
        return rows.stream().map(row -> {
            AuditChain.Entry e = row.entry();
            Long target = number(e.targetId());
            String targetName = target == null || e.targetType() == null ? null : switch (e.targetType()) {
                case "person" -> personNames.get(target);
                case "organisation" -> organisationNames.get(target);
                case "partnership" -> partnershipNames.get(target);
                default -> null;
            };
            return new AuditEntry(e.id(), e.occurredAt(), e.actorId(),
                    e.actorId() == null ? null : personNames.get(e.actorId()), e.action(), e.targetType(),
                    e.targetId(), targetName, e.organisationId(),
                    e.organisationId() == null ? null : organisationNames.get(e.organisationId()), e.detail());
        }).toList();
    }

    private static Long number(String id) {
        if (id == null || id.isEmpty() || id.length() > 18 || !id.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Long.valueOf(id);
    }

    private record Where(String sql, MapSqlParameterSource params) {
    }
}
