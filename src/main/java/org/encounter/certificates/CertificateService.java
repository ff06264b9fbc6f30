package org.encounter.certificates;

import java.util.List;
import java.util.Locale;
import org.encounter.base.RecordNotFound;
import org.encounter.identity.CurrentPerson;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A learner's own certificates and their PDFs. */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class CertificateService {

    private final CertificateRepository certificates;
    private final CertificatePdf pdf;
    private final CurrentPerson currentPerson;

    CertificateService(CertificateRepository certificates, CertificatePdf pdf, CurrentPerson currentPerson) {
        this.certificates = certificates;
        this.pdf = pdf;
        this.currentPerson = currentPerson;
    }

    public List<CertificateView> mine() {
        return certificates.findByLearnerIdOrderByIssuedAtDesc(currentPerson.requireId()).stream()
                .map(Certificate::view).toList();
    }

    /** The PDF of one of the signed-in person's own certificates. */
    public byte[] pdf(long certificateId, Locale locale) {
        Certificate c = certificates.findById(certificateId)
                .orElseThrow(() -> new RecordNotFound("certificate", certificateId));
        if (!c.getLearnerId().equals(currentPerson.requireId())) {
            throw new AccessDeniedException("certificate " + certificateId + " belongs to someone else");
        }
        return pdf.render(c.view(), c.getCode(), locale);
    }
}
