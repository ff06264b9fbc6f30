package org.encounter.certificates;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.encounter.base.NotifyPerson;
import org.encounter.base.RecordNotFound;
import org.encounter.base.Validation;
import org.encounter.identity.PersonRef;
import org.encounter.identity.Role;
import org.encounter.identity.TeamService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Admins list every certificate (by module, team and completion dates), export them, and revoke one. */
@Service
@Transactional(readOnly = true)
@RolesAllowed(Role.Names.ADMIN)
public class CertificateAdminService {

    /** Filters; null means any. Dates are completion dates, both inclusive. */
    public record Filter(String module, Long teamId, LocalDate from, LocalDate to) {
    }

    private static final ZoneId ZONE = ZoneId.of("Europe/Helsinki");

    private final CertificateRepository certificates;
    private final TeamService teams;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CertificateAdminService(CertificateRepository certificates, TeamService teams, ApplicationEventPublisher events,
                            Clock clock) {
        this.certificates = certificates;
        this.teams = teams;
        this.events = events;
        this.clock = clock;
    }

    public List<CertificateView> page(Filter f, Pageable pageable) {
        List<Long> learners = f.teamId() == null ? List.of(-1L)
                : teams.get(f.teamId()).members().stream().map(PersonRef::id).toList();
        return certificates.search(f.module() == null || f.module().isBlank() ? null : f.module().strip(),
                        f.teamId() != null, learners.isEmpty() ? List.of(-1L) : learners,
                        f.from() == null ? null : f.from().atStartOfDay(ZONE).toInstant(),
                        f.to() == null ? null : f.to().plusDays(1).atStartOfDay(ZONE).toInstant(),
                        PageRequest.of(pageable.getPageNumber(), Math.min(pageable.getPageSize(), 500)))
                .map(Certificate::view).getContent();
    }

    /** CSV of the filtered list (UTF-8, comma-separated, quoted), for a spreadsheet. */
    public String csv(Filter f) {
        StringBuilder csv = new StringBuilder("code,learner,organisation,module,version,completed,valid_until,revoked,revoked_reason\n");
        int pageNumber = 0;
        List<CertificateView> page;
        do {
            page = page(f, PageRequest.of(pageNumber++, 500));
            for (CertificateView c : page) {
                csv.append(String.join(",", q(c.code()), q(c.learnerName()), q(c.organisation()), q(c.moduleTitle()),
                        q(String.valueOf(c.versionNumber())), q(String.valueOf(c.completedAt())),
                        q(c.validUntil() == null ? "" : c.validUntil().toString()),
                        q(c.revokedAt() == null ? "" : c.revokedAt().toString()),
                        q(c.revokedReason() == null ? "" : c.revokedReason()))).append('\n');
            }
        } while (page.size() == 500);
        return csv.toString();
    }

    /** Revokes with a reason; verification shows it as revoked, and the holder is told. */
    @Transactional
    public void revoke(long certificateId, String reason) {
        String clean = Validation.clean(reason);
        Validation.start().text("reason", clean, 500).check();
        Certificate c = certificates.findById(certificateId).orElseThrow(() -> new RecordNotFound("certificate", certificateId));
        c.revoke(clean, clock.instant());
        events.publishEvent(new NotifyPerson(c.getLearnerId(), "certificate-revoked", "certificate:" + c.getId(),
                "notify.certificate-revoked", List.of(c.view().moduleTitle(), clean), "certificates"));
    }

    /** Quotes a CSV field the one way the app does ({@link org.encounter.base.Csv#quote}): formulas neutralised. */
    static String q(String value) {
        return org.encounter.base.Csv.quote(value == null ? "" : value);
    }

}
