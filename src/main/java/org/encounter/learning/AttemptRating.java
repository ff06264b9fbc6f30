package org.encounter.learning;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;

/** A learner's 1–5 rating of one impact statement, at the start or at report back. */
@Entity
@Table(name = "attempt_rating")
class AttemptRating {

    enum Phase { START, REPORT }

    @Embeddable
    record Key(@Column(name = "attempt_id") Long attemptId, @Column(name = "phase") String phase,
               @Column(name = "statement") Integer statement) implements Serializable {
    }

    @EmbeddedId
    private Key key;
    @Column(nullable = false)
    private int rating;

    protected AttemptRating() {
    }

    AttemptRating(Long attemptId, Phase phase, int statement, int rating) {
        this.key = new Key(attemptId, phase.name(), statement);
        this.rating = rating;
    }

    void rate(int rating) {
        this.rating = rating;
    }

    Phase phase() {
        return Phase.valueOf(key.phase());
    }

    int statement() {
        return key.statement();
    }

    int getRating() {
        return rating;
    }
}
