package org.encounter.certificates;

import java.time.Clock;
import org.encounter.identity.OrganisationNames;
import org.encounter.identity.PersonDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Issues the certificate of a completed programme (a Leadership Exchange) — exactly once per person and reference: a
 * replayed or doubled event finds it already there, and of two arriving at once the database lets one in
 * (uk_certificate_programme).
 */
@Component
class ProgrammeCertificateIssuer {

    private static final Logger log = LoggerFactory.getLogger(ProgrammeCertificateIssuer.class);

    private final CertificateRepository certificates;
    private final PersonDirectory directory;
    private final OrganisationNames names;
    private final Clock clock;

    ProgrammeCertificateIssuer(CertificateRepository certificates, PersonDirectory directory, OrganisationNames names,
                               Clock clock) {
        this.certificates = certificates;
        this.directory = directory;
        this.names = names;
        this.clock = clock;
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(ProgrammeCompleted event) {
        if (!issue(event)) {
            // The other arrival won. Roll back quietly: the failed insert left this transaction marked for rollback,
            // and committing it would throw at whoever published the event.
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
        }
    }

    /** Issues it unless it is there already; false when a concurrent arrival issued it first. */
    boolean issue(ProgrammeCompleted event) {
        if (certificates.existsByLearnerIdAndProgrammeReference(event.personId(), event.reference())) {
            return true;
        }
        // The registered name and organisation, as for a module: renaming oneself changes no certificate.
        var person = directory.registered(event.personId()).orElseThrow();
        Certificate certificate = Certificate.programme(VerificationCodes.next(), event.personId(),
                person.organisationId(), person.name(), person.organisation(), event.programme(), event.reference(),
                event.name(), event.partnerOrganisation(), event.completedAt(), clock.instant());
        if (event.partnershipId() != null) {
            // The name as the event gave it; without one, the partnership's name now (as a module's certificate has).
            String partnership = event.partnershipName() != null && !event.partnershipName().isBlank()
                    ? event.partnershipName().strip()
                    : names.partnerships(java.util.List.of(event.partnershipId())).getOrDefault(event.partnershipId(), "");
            certificate.cameThrough(event.partnershipId(), partnership);
        }
        try {
            certificates.saveAndFlush(certificate);
            return true;
        } catch (DataIntegrityViolationException e) {
            log.info("Certificate for {} of person {} was already issued", event.reference(), event.personId());
            return false;
        }
    }
}
