package org.encounter.certificates;

import java.time.Instant;

/**
 * A certificate as printed: nothing more personal than the PDF itself shows. {@code partnership} is the name of the
 * partnership the module (or programme) came through, as it was at issue, or null when it was the learner's
 * organisation's own.
 *
 * <p>A programme's certificate (a Leadership Exchange) has {@code programme} set ("exchange"), {@code moduleTitle}
 * holding what was completed (the round's name), {@code partnerOrganisation} the partner's organisation, and no
 * version (0), credits (null) or time spent (0). {@link #title} heads either kind as it reads.
 *
 * <p>After the holder's data is erased ({@code holderErased}) the certificate still stands, with no name:
 * {@code learnerName} is null and {@link #holder} says "issued to a person whose data has been erased".
 */
public record CertificateView(long id, String code, String learnerName, String organisation, String moduleTitle,
                              int versionNumber, String credits, Instant completedAt, int secondsSpent,
                              Instant issuedAt, Instant validUntil, Instant revokedAt, String revokedReason,
                              String partnership, String programme, String partnerOrganisation,
                              boolean holderErased) {

    /** A certificate whose holder is still known. */
    public CertificateView(long id, String code, String learnerName, String organisation, String moduleTitle,
                           int versionNumber, String credits, Instant completedAt, int secondsSpent,
                           Instant issuedAt, Instant validUntil, Instant revokedAt, String revokedReason,
                           String partnership, String programme, String partnerOrganisation) {
        this(id, code, learnerName, organisation, moduleTitle, versionNumber, credits, completedAt, secondsSpent,
                issuedAt, validUntil, revokedAt, revokedReason, partnership, programme, partnerOrganisation, false);
    }

    /** A module's certificate, maybe through a partnership. */
    public CertificateView(long id, String code, String learnerName, String organisation, String moduleTitle,
                           int versionNumber, String credits, Instant completedAt, int secondsSpent,
                           Instant issuedAt, Instant validUntil, Instant revokedAt, String revokedReason,
                           String partnership) {
        this(id, code, learnerName, organisation, moduleTitle, versionNumber, credits, completedAt, secondsSpent,
                issuedAt, validUntil, revokedAt, revokedReason, partnership, null, null);
    }

    /** A certificate of the learner's own organisation's module: no partnership to name. */
    public CertificateView(long id, String code, String learnerName, String organisation, String moduleTitle,
                           int versionNumber, String credits, Instant completedAt, int secondsSpent,
                           Instant issuedAt, Instant validUntil, Instant revokedAt, String revokedReason) {
        this(id, code, learnerName, organisation, moduleTitle, versionNumber, credits, completedAt, secondsSpent,
                issuedAt, validUntil, revokedAt, revokedReason, null);
    }

    /** Whether it certifies a programme (a Leadership Exchange) rather than a module. */
    public boolean isProgramme() {
        return programme != null;
    }

    /**
     * What it certifies, in the reader's language: the module's title, or the programme's heading with its name
     * ("Leadership Exchange: Spring 2027", key {@code certificate.programme.<programme>}).
     */
    public String title(Translator translator) {
        return programme == null ? moduleTitle : translator.translate("certificate.programme." + programme, moduleTitle);
    }

    /**
     * Whom it was issued to, as every screen, CSV and PDF names them: the name as issued, or, once the holder's data
     * is erased, "issued to a person whose data has been erased" in the reader's language.
     */
    public String holder(Translator translator) {
        return holderErased ? translator.translate("certificate.holder-erased") : learnerName;
    }

    /** Looks up a translation: a view's {@code this::getTranslation}, or the i18n provider with a locale. */
    @FunctionalInterface
    public interface Translator {
        String translate(String key, Object... args);
    }
}
