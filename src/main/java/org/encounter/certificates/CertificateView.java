package org.encounter.certificates;

import java.time.Instant;

/** A certificate as printed: nothing more personal than the PDF itself shows. */
public record CertificateView(long id, String code, String learnerName, String organisation, String moduleTitle,
                              int versionNumber, String credits, Instant completedAt, int secondsSpent,
                              Instant issuedAt, Instant validUntil, Instant revokedAt, String revokedReason) {
}
