package org.encounter.certificates;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.encounter.base.StoredText;

/** What a certificate says, kept exactly as printed, and whether it still stands. */
@Entity
@Table(name = "certificate")
class Certificate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, length = 26)
    private String code;
    /** The completed attempt; null on a programme's certificate, which comes from no module. */
    @Column(name = "attempt_id")
    private Long attemptId;
    @Column(name = "learner_id", nullable = false)
    private Long learnerId;
    /** The organisation that issued it: the learner's at completion. */
    @Column(name = "organisation_id", nullable = false)
    private Long organisationId;
    @Column(name = "learner_name", nullable = false, length = 100)
    private String learnerName;
    /** When the holder's data was erased: the name is gone, and the certificate says so wherever it is shown. */
    @Column(name = "holder_erased_at")
    private Instant holderErasedAt;
    @Column(nullable = false, length = 150)
    private String organisation;
    /** The partnership the module came through, and its name as issued; both null for the organisation's own. */
    @Column(name = "partnership_id")
    private Long partnershipId;
    @Column(name = "partnership_name", length = 150)
    private String partnershipName;
    /** Module, version and credits: null on a programme's certificate. */
    @Column(name = "module_id")
    private Long moduleId;
    @Column(name = "version_id")
    private Long versionId;
    /** What was completed: the module's title, or the programme's (the exchange round's) name. */
    @Column(name = "module_title", nullable = false, length = 120)
    private String moduleTitle;
    @Column(name = "version_number")
    private Integer versionNumber;
    @Column(length = 1000)
    private String credits;
    /** The programme ("exchange") and the publisher's key for the completion; both null on a module's certificate. */
    @Column(length = 20)
    private String programme;
    @Column(name = "programme_reference", length = 60)
    private String programmeReference;
    /** The partner's organisation in the programme ("with ..."), as named at issue. */
    @Column(name = "partner_organisation", length = 150)
    private String partnerOrganisation;
    @Column(name = "completed_at", nullable = false)
    private Instant completedAt;
    @Column(name = "seconds_spent")
    private Integer secondsSpent;
    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;
    @Column(name = "valid_until")
    private Instant validUntil;
    @Column(name = "revoked_at")
    private Instant revokedAt;
    @Column(name = "revoked_reason", length = 500)
    private String revokedReason;

    protected Certificate() {
    }

    Certificate(String code, Long attemptId, Long learnerId, Long organisationId, String learnerName,
                String organisation, Long moduleId,
                Long versionId, String moduleTitle, int versionNumber, String credits, Instant completedAt,
                int secondsSpent, Instant issuedAt, Instant validUntil) {
        this.validUntil = validUntil;
        this.code = code;
        this.attemptId = attemptId;
        this.learnerId = learnerId;
        this.organisationId = java.util.Objects.requireNonNull(organisationId);
        this.learnerName = learnerName;
        this.organisation = organisation;
        this.moduleId = moduleId;
        this.versionId = versionId;
        this.moduleTitle = moduleTitle;
        this.versionNumber = versionNumber;
        this.credits = StoredText.truncate(credits, 1000);
        this.completedAt = completedAt;
        this.secondsSpent = secondsSpent;
        this.issuedAt = issuedAt;
    }

    /**
     * The certificate of a completed programme: no module, version, credits or time spent, and it never expires.
     * What the publisher names is cut to fit, as it was checked where it was typed.
     */
    static Certificate programme(String code, long learnerId, long organisationId, String learnerName,
                                 String organisation, String programme, String reference, String name,
                                 String partnerOrganisation, Instant completedAt, Instant issuedAt) {
        if (programme == null || programme.isBlank() || reference == null || reference.isBlank()
                || name == null || name.isBlank() || completedAt == null) {
            throw new IllegalArgumentException("a programme certificate needs its programme, reference, name and date");
        }
        if (programme.length() > 20 || reference.length() > 60) {
            throw new IllegalArgumentException("programme or reference too long: " + programme + " " + reference);
        }
        Certificate c = new Certificate();
        c.code = code;
        c.learnerId = learnerId;
        c.organisationId = organisationId;
        c.learnerName = learnerName;
        c.organisation = organisation;
        c.programme = programme;
        c.programmeReference = reference;
        c.moduleTitle = StoredText.truncate(name.strip(), 120);
        c.partnerOrganisation = partnerOrganisation == null || partnerOrganisation.isBlank() ? null
                : StoredText.truncate(partnerOrganisation.strip(), 150);
        c.completedAt = completedAt;
        c.issuedAt = issuedAt;
        return c;
    }

    /** Records that the module came through this partnership, under the name it has at issue. */
    void cameThrough(long partnershipId, String partnershipName) {
        this.partnershipId = partnershipId;
        this.partnershipName = StoredText.truncate(java.util.Objects.requireNonNull(partnershipName), 150);
    }

    Long getOrganisationId() {
        return organisationId;
    }

    CertificateView view() {
        boolean erased = holderErasedAt != null;
        return new CertificateView(id, VerificationCodes.grouped(code), erased ? null : learnerName, organisation,
                moduleTitle, versionNumber == null ? 0 : versionNumber, credits, completedAt,
                secondsSpent == null ? 0 : secondsSpent, issuedAt, validUntil, revokedAt, revokedReason, partnershipName,
                programme, partnerOrganisation, erased);
    }

    /** Withdrawn by an admin, with the reason; verification shows it as revoked from now on. */
    void revoke(String reason, Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
            revokedReason = reason;
        }
    }

    Long getAttemptId() {
        return attemptId;
    }

    Long getModuleId() {
        return moduleId;
    }

    Instant getValidUntil() {
        return validUntil;
    }

    Instant getRevokedAt() {
        return revokedAt;
    }

    Long getId() {
        return id;
    }

    String getCode() {
        return code;
    }

    Long getLearnerId() {
        return learnerId;
    }
}
