package org.encounter.authoring;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A curator's comment on a step (or the whole module), or an author's reply. */
@Entity
@Table(name = "step_comment")
class StepComment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "module_id", nullable = false)
    private Long moduleId;

    @Column(name = "step_id")
    private Long stepId;

    @Column(name = "author_id", nullable = false)
    private Long authorId;

    @Column(nullable = false, length = Limits.COMMENT)
    private String body;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected StepComment() {
    }

    StepComment(Long moduleId, Long stepId, Long authorId, String body, Instant createdAt) {
        this.moduleId = moduleId;
        this.stepId = stepId;
        this.authorId = authorId;
        this.body = body;
        this.createdAt = createdAt;
    }

    Long getId() {
        return id;
    }

    Long getStepId() {
        return stepId;
    }

    Long getAuthorId() {
        return authorId;
    }

    String getBody() {
        return body;
    }

    Instant getCreatedAt() {
        return createdAt;
    }
}
