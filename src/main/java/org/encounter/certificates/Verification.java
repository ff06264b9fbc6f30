package org.encounter.certificates;

/** The answer of the public verification page: only what the certificate itself prints. */
public record Verification(Status status, CertificateView certificate) {

    public enum Status { VALID, EXPIRED, REVOKED, UNKNOWN }

    static Verification unknown() {
        return new Verification(Status.UNKNOWN, null);
    }
}
