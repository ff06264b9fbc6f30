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
import org.encounter.identity.Role;
import org.encounter.learning.AttemptStatus;
import org.encounter.learning.LearningFacts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Organisation-wide figures for admins: completions by month, attempts by status, overdue, certificates. */
@Service
@Transactional(readOnly = true)
@RolesAllowed(Role.Names.ADMIN)
public class OrganisationProgressService {

    public record Overview(List<YearMonth> months, List<Long> completions, Map<AttemptStatus, Long> attempts,
                           long overdue, CertificateFacts.Counts certificates) {
    }

    private final LearningFacts learning;
    private final CertificateFacts certificates;
    private final Clock clock;
    private final ZoneId zone;

    OrganisationProgressService(LearningFacts learning, CertificateFacts certificates, Clock clock,
                                org.encounter.base.Dates dates) {
        this.learning = learning;
        this.certificates = certificates;
        this.clock = clock;
        this.zone = dates.zone();
    }

    public Overview overview() {
        Instant now = clock.instant();
        YearMonth thisMonth = YearMonth.now(clock.withZone(zone));
        Map<YearMonth, Long> perMonth = new LinkedHashMap<>();
        for (int i = 11; i >= 0; i--) {
            perMonth.put(thisMonth.minusMonths(i), 0L);
        }
        // Organisation-wide months are calendar months in UTC (a tally kept as attempts complete).
        learning.completionsEverywhereFrom(thisMonth.minusMonths(11)).forEach((month, n) -> {
            if (perMonth.containsKey(month)) {
                perMonth.put(month, n);
            }
        });
        return new Overview(List.copyOf(perMonth.keySet()), List.copyOf(perMonth.values()), learning.statusesEverywhere(),
                learning.overdueEverywhere(LocalDate.ofInstant(now, zone)),
                certificates.countsEverywhere(now, now.plus(Duration.ofDays(30))));
    }
}
