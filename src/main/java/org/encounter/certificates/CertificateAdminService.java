package org.encounter.certificates;

import jakarta.annotation.security.RolesAllowed;
import com.vaadin.flow.i18n.I18NProvider;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.encounter.base.Csv;
import org.encounter.base.Dates;
import org.encounter.base.NotifyPerson;
import org.encounter.base.RecordNotFound;
import org.encounter.base.Validation;
import org.encounter.identity.OrganisationScope;
import org.encounter.identity.PersonRef;
import org.encounter.identity.Role;
import org.encounter.identity.TeamService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admins list the certificates of the organisations they administer (by module, team and completion dates), export
 * them, and revoke one; {@link OrganisationScope} says which organisations those are.
 */
@Service
@Transactional(readOnly = true)
@RolesAllowed({Role.Names.ADMIN, Role.Names.ORG_ADMIN})
public class CertificateAdminService {

    /** Filters; null means any. Dates are completion dates, both inclusive. */
    public record Filter(String module, Long teamId, LocalDate from, LocalDate to) {
    }

    private final CertificateRepository certificates;
    private final TeamService teams;
    private final OrganisationScope scope;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ZoneId zone;
    private final Dates dates;
    private final I18NProvider i18n;
    private final org.encounter.identity.CurrentPerson currentPerson;

    CertificateAdminService(CertificateRepository certificates, TeamService teams, OrganisationScope scope,
                            ApplicationEventPublisher events, Clock clock, Dates dates, I18NProvider i18n,
                            org.encounter.identity.CurrentPerson currentPerson) {
        this.currentPerson = currentPerson;
        this.scope = scope;
        this.dates = dates;
        this.i18n = i18n;
        this.certificates = certificates;
        this.teams = teams;
        this.events = events;
        this.clock = clock;
        this.zone = dates.zone();
    }

    public List<CertificateView> page(Filter f, Pageable pageable) {
        List<Long> learners = f.teamId() == null ? List.of(-1L)
                : teams.get(f.teamId()).members().stream().map(PersonRef::id).toList();
        OrganisationScope.Scope in = scope.administered();
        return certificates.search(in.everywhere(), in.forQuery(), f.module() == null || f.module().isBlank() ? null : f.module().strip(),
                        f.teamId() != null, learners.isEmpty() ? List.of(-1L) : learners,
                        f.from() == null ? null : f.from().atStartOfDay(zone).toInstant(),
                        f.to() == null ? null : f.to().plusDays(1).atStartOfDay(zone).toInstant(),
                        PageRequest.of(pageable.getPageNumber(), Math.min(pageable.getPageSize(), 500)))
                .map(Certificate::view).getContent();
    }

    /**
     * The filtered list as CSV, headed in the reader's language. Dates are the day in TIME_ZONE, written
     * 2026-09-30 so that a spreadsheet in any language reads them as dates.
     */
    public byte[] csv(Filter f, Locale locale) {
        Csv csv = new Csv(Stream.of("code", "learner", "organisation", "module", "version", "completed", "valid-until",
                "revoked", "reason").map(h -> i18n.getTranslation("admin-certificates.csv." + h, locale))
                .toArray(String[]::new));
        int pageNumber = 0;
        List<CertificateView> page;
        do {
            page = page(f, PageRequest.of(pageNumber++, 500));
            for (CertificateView c : page) {
                // A programme's certificate: its heading in the reader's language, and no version.
                csv.row(c.code(), c.holder((key, args) -> i18n.getTranslation(key, locale, args)), c.organisation(),
                        c.title((key, args) -> i18n.getTranslation(key, locale, args)),
                        c.isProgramme() ? "" : c.versionNumber(),
                        day(c.completedAt()), day(c.validUntil()), day(c.revokedAt()), c.revokedReason());
            }
        } while (page.size() == 500);
        return csv.bytes();
    }

    private String day(Instant at) {
        return at == null ? "" : dates.day(at).toString();
    }

    /** Revokes with a reason; verification shows it as revoked, and the holder is told. */
    @Transactional
    public void revoke(long certificateId, String reason) {
        String clean = Validation.clean(reason);
        Validation.start().text("reason", clean, 500).check();
        Certificate c = certificates.findById(certificateId).orElseThrow(() -> new RecordNotFound("certificate", certificateId));
        scope.requireAdministered("certificate", c.getOrganisationId(), certificateId);
        c.revoke(clean, clock.instant());
        // The holder reads it later in their own language: a programme's certificate has its own message. A holder
        // whose data has been erased is no one to tell.
        CertificateView view = c.view();
        if (view.holderErased()) {
            return;
        }
        events.publishEvent(new NotifyPerson(c.getLearnerId(), "certificate-revoked", "certificate:" + c.getId(),
                view.isProgramme() ? "notify.certificate-revoked." + view.programme() : "notify.certificate-revoked",
                List.of(view.moduleTitle(), clean), "certificates"));
        // The reason is the admin's own words: the audit log keeps only whose certificate it was.
        events.publishEvent(new org.encounter.base.Audited(currentPerson.id().orElse(null), "certificate-revoked",
                "certificate", Long.toString(certificateId), c.getOrganisationId(), "learner=" + c.getLearnerId()));
    }

    /** Quotes a CSV field the one way the app does ({@link org.encounter.base.Csv#quote}): formulas neutralised. */
    static String q(String value) {
        return org.encounter.base.Csv.quote(value == null ? "" : value);
    }

}
