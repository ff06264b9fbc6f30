package org.encounter.progress;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.encounter.certificates.CertificateFacts;
import java.util.Set;
import org.encounter.identity.OrganisationScope;
import org.encounter.identity.Role;
import org.encounter.learning.AttemptStatus;
import org.encounter.learning.LearningFacts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organisation-wide figures for admins: completions by month, attempts by status, overdue, certificates. The
 * platform admin reads the whole installation (or one organisation); an organisation admin reads the organisations
 * {@link OrganisationScope#administered()} gives them, their own, and no other.
 */
@Service
@Transactional(readOnly = true)
@RolesAllowed({Role.Names.ADMIN, Role.Names.ORG_ADMIN})
public class OrganisationProgressService {

    /** {@code organisations}: the names of the organisations the figures cover, empty for the whole installation. */
    public record Overview(List<YearMonth> months, List<Long> completions, Map<AttemptStatus, Long> attempts,
                           long overdue, CertificateFacts.Counts certificates, List<String> organisations) {

        public boolean everywhere() {
            return organisations.isEmpty();
        }
    }

    private final LearningFacts learning;
    private final CertificateFacts certificates;
    private final OrganisationScope scope;
    private final org.encounter.identity.OrganisationNames names;
    private final Clock clock;
    private final ZoneId zone;

    OrganisationProgressService(LearningFacts learning, CertificateFacts certificates, OrganisationScope scope,
                                org.encounter.identity.OrganisationNames names, Clock clock,
                                org.encounter.base.Dates dates) {
        this.names = names;
        this.learning = learning;
        this.scope = scope;
        this.certificates = certificates;
        this.clock = clock;
        this.zone = dates.zone();
    }

    /** The figures of everything the signed-in admin administers. */
    public Overview overview() {
        OrganisationScope.Scope administered = scope.administered();
        return administered.everywhere() ? everywhere() : of(administered.organisations());
    }

    /** One organisation's figures; "not found" when the signed-in admin does not administer it. */
    public Overview overview(long organisationId) {
        scope.requireAdministered("organisation", organisationId, organisationId);
        return of(Set.of(organisationId));
    }

    private Overview of(Set<Long> organisations) {
        Instant now = clock.instant();
        YearMonth thisMonth = YearMonth.now(clock.withZone(zone));
        Map<YearMonth, Long> perMonth = months(thisMonth);
        learning.completionsInFrom(organisations, thisMonth.minusMonths(11)).forEach((month, n) -> {
            if (perMonth.containsKey(month)) {
                perMonth.put(month, n);
            }
        });
        return new Overview(List.copyOf(perMonth.keySet()), List.copyOf(perMonth.values()),
                learning.statusesIn(organisations), learning.overdueIn(organisations, LocalDate.ofInstant(now, zone)),
                certificates.countsIn(organisations, now, now.plus(Duration.ofDays(30))),
                names.organisations(organisations).values().stream().sorted().toList());
    }

    private static Map<YearMonth, Long> months(YearMonth thisMonth) {
        Map<YearMonth, Long> perMonth = new LinkedHashMap<>();
        for (int i = 11; i >= 0; i--) {
            perMonth.put(thisMonth.minusMonths(i), 0L);
        }
        return perMonth;
    }

    private Overview everywhere() {
        Instant now = clock.instant();
        YearMonth thisMonth = YearMonth.now(clock.withZone(zone));
        Map<YearMonth, Long> perMonth = months(thisMonth);
        // Organisation-wide months are calendar months in UTC (a tally kept as attempts complete).
        learning.completionsEverywhereFrom(thisMonth.minusMonths(11)).forEach((month, n) -> {
            if (perMonth.containsKey(month)) {
                perMonth.put(month, n);
            }
        });
        return new Overview(List.copyOf(perMonth.keySet()), List.copyOf(perMonth.values()), learning.statusesEverywhere(),
                learning.overdueEverywhere(LocalDate.ofInstant(now, zone)),
                certificates.countsEverywhere(now, now.plus(Duration.ofDays(30))), List.of());
    }
}
