package org.encounter.certificates;

import java.time.Clock;
import org.encounter.authoring.ModuleOrigins;
import org.encounter.authoring.PublishedModule;
import org.encounter.authoring.PublishedModules;
import org.encounter.base.SystemAccess;
import org.encounter.identity.OrganisationNames;
import org.encounter.identity.PersonDirectory;
import org.encounter.learning.AttemptCompleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Issues the certificate when an attempt completes — exactly once: a replayed or doubled event
 * finds the certificate already there (and the database refuses a second one for the attempt).
 */
@Component
class CertificateIssuer {

    private static final Logger log = LoggerFactory.getLogger(CertificateIssuer.class);

    private final CertificateRepository certificates;
    private final PublishedModules published;
    private final PersonDirectory directory;
    private final ModuleOrigins origins;
    private final OrganisationNames names;
    private final Clock clock;

    CertificateIssuer(CertificateRepository certificates, PublishedModules published, PersonDirectory directory,
                      ModuleOrigins origins, OrganisationNames names, Clock clock) {
        this.certificates = certificates;
        this.published = published;
        this.directory = directory;
        this.origins = origins;
        this.names = names;
        this.clock = clock;
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(AttemptCompleted event) {
        issue(event);
    }

    void issue(AttemptCompleted event) {
        if (certificates.existsByAttemptId(event.attemptId())) {
            return;
        }
        PublishedModule module = SystemAccess.run(() -> published.version(event.versionId())).orElseThrow();
        // The registered name, never the display name the learner chose: renaming oneself changes no certificate.
        var learner = directory.registered(event.learnerId()).orElseThrow();
        Certificate certificate = new Certificate(VerificationCodes.next(), event.attemptId(), event.learnerId(),
                learner.organisationId(), learner.name(), learner.organisation(), event.moduleId(), event.versionId(),
                module.title(), module.number(), String.join(", ", module.credits()), event.completedAt(),
                event.secondsSpent(), clock.instant(), module.validityMonths() == null ? null : event.completedAt()
                        .atZone(java.time.ZoneOffset.UTC).plusMonths(module.validityMonths()).toInstant());
        // The learner's organisation issues it; a module shared with it through a partnership says so, for good.
        SystemAccess.run(() -> origins.partnershipThrough(event.moduleId(), learner.organisationId(),
                event.completedAt())).ifPresent(p -> certificate.cameThrough(p,
                names.partnerships(java.util.List.of(p)).getOrDefault(p, "")));
        try {
            certificates.saveAndFlush(certificate);
        } catch (DataIntegrityViolationException e) {
            log.info("Certificate for attempt {} was already issued", event.attemptId());
        }
    }
}
