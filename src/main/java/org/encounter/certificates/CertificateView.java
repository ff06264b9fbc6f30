package org.encounter.certificates;

import java.time.Instant;

/**
 * A certificate as printed: nothing more personal than the PDF itself shows. {@code partnership} is the name of the
 * partnership the module came through, as it was at issue, or null when the module was the learner's organisation's
 * own.
 */
public record CertificateView(long id, String code, String learnerName, String organisation, String moduleTitle,
                              int versionNumber, String credits, Instant completedAt, int secondsSpent,
                              Instant issuedAt, Instant validUntil, Instant revokedAt, String revokedReason,
                              String partnership) {

    /** A certificate of the learner's own organisation's module: no partnership to name. */
    public CertificateView(long id, String code, String learnerName, String organisation, String moduleTitle,
                           int versionNumber, String credits, Instant completedAt, int secondsSpent,
                           Instant issuedAt, Instant validUntil, Instant revokedAt, String revokedReason) {
        this(id, code, learnerName, organisation, moduleTitle, versionNumber, credits, completedAt, secondsSpent,
                issuedAt, validUntil, revokedAt, revokedReason, null);
    }
}
