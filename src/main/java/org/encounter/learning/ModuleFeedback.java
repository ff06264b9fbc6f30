package org.encounter.learning;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A learner's rating and comment for the authors; anonymous unless the learner signs it. */
@Entity
@Table(name = "module_feedback")
class ModuleFeedback {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "attempt_id", nullable = false)
    private Long attemptId;
    @Column(name = "module_id", nullable = false)
    private Long moduleId;
    @Column(name = "version_id", nullable = false)
    private Long versionId;
    @Column(nullable = false)
    private int rating;
    @Column(length = 2000)
    private String comment;
    @Column(name = "signed_by_id")
    private Long signedById;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ModuleFeedback() {
    }

    ModuleFeedback(Long attemptId, Long moduleId, Long versionId, int rating, String comment, Long signedById,
                   Instant now) {
        this.attemptId = attemptId;
        this.moduleId = moduleId;
        this.versionId = versionId;
        this.rating = rating;
        this.comment = comment;
        this.signedById = signedById;
        this.createdAt = now;
    }

    int getRating() {
        return rating;
    }

    String getComment() {
        return comment;
    }

    Long getSignedById() {
        return signedById;
    }

    Instant getCreatedAt() {
        return createdAt;
    }
}
