package org.encounter.certificates;

import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Public verification of a code: valid, expired, revoked, or unknown. An unknown code says
 * nothing else — not whether it is "close" to a real one.
 */
@Service
@Transactional(readOnly = true)
public class VerificationService {

    private final CertificateRepository certificates;
    private final Clock clock;

    VerificationService(CertificateRepository certificates, Clock clock) {
        this.certificates = certificates;
        this.clock = clock;
    }

    public Verification verify(String input) {
        return VerificationCodes.normalise(input).flatMap(certificates::findByCode).map(c -> {
            CertificateView view = c.view();
            Verification.Status status = view.revokedAt() != null ? Verification.Status.REVOKED
                    : view.validUntil() != null && view.validUntil().isBefore(clock.instant())
                    ? Verification.Status.EXPIRED : Verification.Status.VALID;
            return new Verification(status, view);
        }).orElseGet(Verification::unknown);
    }
}
