package org.encounter.learning;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** The learner's own answer at one step: private unless they share it. */
@Entity
@Table(name = "attempt_step")
class AttemptStep {

    @Embeddable
    record Key(@Column(name = "attempt_id") Long attemptId, @Column(name = "position") Integer position)
            implements Serializable {
    }

    @EmbeddedId
    private Key key;
    @Column(columnDefinition = "TEXT")
    private String answer;
    private Integer choice;
    @Column(columnDefinition = "TEXT")
    private String tried;
    @Column(columnDefinition = "TEXT")
    private String happened;
    @Column(columnDefinition = "TEXT")
    private String learned;
    @Column(name = "keep_doing", columnDefinition = "TEXT")
    private String keepDoing;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Sharing shared = Sharing.NONE;
    @Column(name = "completed_at")
    private Instant completedAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected AttemptStep() {
    }

    AttemptStep(Long attemptId, int position, Instant now) {
        this.key = new Key(attemptId, position);
        this.updatedAt = now;
    }

    void write(StepAnswer a, Instant now) {
        this.answer = a.answer();
        this.choice = a.choice();
        this.tried = a.tried();
        this.happened = a.happened();
        this.learned = a.learned();
        this.keepDoing = a.keepDoing();
        this.updatedAt = now;
    }

    StepAnswer read() {
        return new StepAnswer(answer, choice, tried, happened, learned, keepDoing, null, null, false);
    }

    void complete(Instant now) {
        if (completedAt == null) {
            completedAt = now;
        }
    }

    void share(Sharing sharing) {
        this.shared = sharing;
    }

    /** The text a learner shares: their reflection, or their report back. */
    String sharedText() {
        if (answer != null) {
            return answer;
        }
        return java.util.stream.Stream.of(tried, happened, learned, keepDoing).filter(java.util.Objects::nonNull)
                .reduce((a, b) -> a + "\n\n" + b).orElse("");
    }

    Long attemptId() {
        return key.attemptId();
    }

    int position() {
        return key.position();
    }

    boolean isCompleted() {
        return completedAt != null;
    }

    Sharing getShared() {
        return shared;
    }
}
