package org.encounter.exchange;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** One partner's report back on a completed exchange: theirs alone, like every reflection. */
@Entity
@Table(name = "exchange_report_back")
class ExchangeReportBack {

    static final int TEXT_MAX = 2_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "pair_id", nullable = false)
    private Long pairId;
    @Column(name = "application_id", nullable = false)
    private Long applicationId;
    @Column(nullable = false)
    private String tried;
    @Column(nullable = false)
    private String happened;
    @Column(nullable = false)
    private String learned;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Version
    private long version;

    protected ExchangeReportBack() {
    }

    ExchangeReportBack(long pairId, long applicationId, Instant now) {
        this.pairId = pairId;
        this.applicationId = applicationId;
        this.createdAt = now;
    }

    void write(String tried, String happened, String learned, Instant now) {
        if (tried == null || happened == null || learned == null) {
            throw new IllegalArgumentException("a report back has all three answers");
        }
        this.tried = tried;
        this.happened = happened;
        this.learned = learned;
        this.updatedAt = now;
    }

    Long getPairId() {
        return pairId;
    }

    Long getApplicationId() {
        return applicationId;
    }

    String getTried() {
        return tried;
    }

    String getHappened() {
        return happened;
    }

    String getLearned() {
        return learned;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }
}
