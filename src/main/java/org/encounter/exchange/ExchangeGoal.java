package org.encounter.exchange;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One partner's learning goal, rated 1 to 5 at the start and again at the end: the pre/post of impact statements. */
@Entity
@Table(name = "exchange_goal")
class ExchangeGoal {

    static final int TEXT_MAX = 300;
    static final int MIN_GOALS = 2;
    static final int MAX_GOALS = 3;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "pair_id", nullable = false)
    private Long pairId;
    @Column(name = "application_id", nullable = false)
    private Long applicationId;
    @Column(nullable = false)
    private int position;
    @Column(nullable = false)
    private String text;
    @Column(name = "start_rating")
    private Integer startRating;
    @Column(name = "end_rating")
    private Integer endRating;
    @Version
    private long version;

    protected ExchangeGoal() {
    }

    ExchangeGoal(long pairId, long applicationId, int position, String text, int startRating) {
        if (startRating < 1 || startRating > 5) {
            throw new IllegalArgumentException("a rating is 1 to 5");
        }
        this.pairId = pairId;
        this.applicationId = applicationId;
        this.position = position;
        this.text = text;
        this.startRating = startRating;
    }

    void rateAtEnd(int rating) {
        if (rating < 1 || rating > 5) {
            throw new IllegalArgumentException("a rating is 1 to 5");
        }
        this.endRating = rating;
    }

    Long getId() {
        return id;
    }

    Long getPairId() {
        return pairId;
    }

    Long getApplicationId() {
        return applicationId;
    }

    int getPosition() {
        return position;
    }

    String getText() {
        return text;
    }

    Integer getStartRating() {
        return startRating;
    }

    Integer getEndRating() {
        return endRating;
    }
}
