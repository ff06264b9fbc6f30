package org.encounter.exchange;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Two applications paired by the matching or by the coordinator, and each partner's answer. */
@Entity
@Table(name = "exchange_pair")
class ExchangePair {

    static final int REASON_MAX = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "round_id", nullable = false)
    private Long roundId;
    @Column(name = "first_id", nullable = false)
    private Long firstId;
    @Column(name = "second_id", nullable = false)
    private Long secondId;
    @Column(nullable = false)
    private double score;
    @Column(nullable = false)
    private String reasons;
    @Column(nullable = false)
    private boolean fixed;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PairStatus status;
    @Column(name = "first_answer")
    private String firstAnswer;
    @Column(name = "first_reason")
    private String firstReason;
    @Column(name = "second_answer")
    private String secondAnswer;
    @Column(name = "second_reason")
    private String secondReason;
    @Column(name = "published_at")
    private Instant publishedAt;
    @Column(name = "accepted_at")
    private Instant acceptedAt;
    @Column(name = "completed_at")
    private Instant completedAt;
    @Version
    private long version;

    protected ExchangePair() {
    }

    ExchangePair(long roundId, long firstId, long secondId, double score, List<Reason> reasons, boolean fixed) {
        if (firstId == secondId) {
            throw new IllegalArgumentException("a pair is two people");
        }
        this.roundId = roundId;
        this.firstId = firstId;
        this.secondId = secondId;
        this.score = score;
        this.reasons = org.encounter.base.StoredText.truncate(write(reasons), 2000);
        this.fixed = fixed;
        this.status = PairStatus.PROPOSED;
    }

    static String write(List<Reason> reasons) {
        return reasons.stream().map(r -> String.join("\t", java.util.stream.Stream.concat(
                java.util.stream.Stream.of(r.key()), r.args().stream().map(a -> a.replaceAll("[\\t\\n]", " ")))
                .toList())).collect(Collectors.joining("\n"));
    }

    List<Reason> getReasons() {
        if (reasons.isBlank()) {
            return List.of();
        }
        return Arrays.stream(reasons.split("\n")).map(line -> {
            String[] parts = line.split("\t", -1);
            return new Reason(parts[0], List.of(parts).subList(1, parts.length));
        }).toList();
    }

    boolean involves(long applicationId) {
        return firstId == applicationId || secondId == applicationId;
    }

    long partnerOf(long applicationId) {
        return firstId == applicationId ? secondId : firstId;
    }

    void fix(boolean fixed) {
        this.fixed = fixed;
    }

    void publish(Instant now) {
        if (status != PairStatus.PROPOSED) {
            throw new IllegalStateException("not proposed");
        }
        status = PairStatus.PUBLISHED;
        publishedAt = now;
    }

    /** One partner's answer; true when this answer settled the pair (both accepted, or one declined). */
    boolean answer(long applicationId, boolean accept, String reason, Instant now) {
        if (status != PairStatus.PUBLISHED) {
            throw new IllegalStateException("not waiting for answers");
        }
        String answer = accept ? "ACCEPTED" : "DECLINED";
        if (applicationId == firstId) {
            firstAnswer = answer;
            firstReason = reason;
        } else if (applicationId == secondId) {
            secondAnswer = answer;
            secondReason = reason;
        } else {
            throw new IllegalArgumentException("not in this pair");
        }
        if (!accept) {
            status = PairStatus.DECLINED;
            return true;
        }
        if ("ACCEPTED".equals(firstAnswer) && "ACCEPTED".equals(secondAnswer)) {
            status = PairStatus.ACCEPTED;
            acceptedAt = now;
            return true;
        }
        return false;
    }

    String answerOf(long applicationId) {
        return applicationId == firstId ? firstAnswer : secondAnswer;
    }

    String reasonOf(long applicationId) {
        return applicationId == firstId ? firstReason : secondReason;
    }

    void complete(Instant now) {
        status = PairStatus.COMPLETED;
        completedAt = now;
    }

    void end() {
        status = PairStatus.ENDED;
    }

    Long getId() {
        return id;
    }

    Long getRoundId() {
        return roundId;
    }

    Long getFirstId() {
        return firstId;
    }

    Long getSecondId() {
        return secondId;
    }

    double getScore() {
        return score;
    }

    boolean isFixed() {
        return fixed;
    }

    PairStatus getStatus() {
        return status;
    }

    Instant getPublishedAt() {
        return publishedAt;
    }

    Instant getAcceptedAt() {
        return acceptedAt;
    }

    Instant getCompletedAt() {
        return completedAt;
    }
}
