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
    @Column(name = "attempt_id", nullable = false)
    private Long attemptId;
    @Column(name = "learner_id", nullable = false)
    private Long learnerId;
    /** The organisation that issued it: the learner's at completion. */
    @Column(name = "organisation_id", nullable = false)
    private Long organisationId;
    @Column(name = "learner_name", nullable = false, length = 100)
    private String learnerName;
    @Column(nullable = false, length = 150)
    private String organisation;
    /** The partnership the module came through, and its name as issued; both null for the organisation's own. */
    @Column(name = "partnership_id")
    private Long partnershipId;
    @Column(name = "partnership_name", length = 150)
    private String partnershipName;
    @Column(name = "module_id", nullable = false)
    private Long moduleId;
    @Column(name = "version_id", nullable = false)
    private Long versionId;
    @Column(name = "module_title", nullable = false, length = 120)
    private String moduleTitle;
    @Column(name = "version_number", nullable = false)
    private int versionNumber;
    @Column(nullable = false, length = 1000)
    private String credits;
    @Column(name = "completed_at", nullable = false)
    private Instant completedAt;
    @Column(name = "seconds_spent", nullable = false)
    private int secondsSpent;
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

    /** Records that the module came through this partnership, under the name it has at issue. */
    void cameThrough(long partnershipId, String partnershipName) {
        this.partnershipId = partnershipId;
        this.partnershipName = StoredText.truncate(java.util.Objects.requireNonNull(partnershipName), 150);
    }

    Long getOrganisationId() {
        return organisationId;
    }

    CertificateView view() {
        return new CertificateView(id, VerificationCodes.grouped(code), learnerName, organisation, moduleTitle,
                versionNumber, credits, completedAt, secondsSpent, issuedAt, validUntil, revokedAt, revokedReason,
                partnershipName);
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
