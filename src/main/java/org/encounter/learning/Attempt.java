package org.encounter.learning;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** One learner taking one published version of a module. The version never changes under it. */
@Entity
@Table(name = "attempt")
class Attempt {

    /** Gaps longer than this between two actions are not counted as time spent. */
    static final Duration MAX_GAP = Duration.ofMinutes(10);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "learner_id", nullable = false)
    private Long learnerId;
    @Column(name = "module_id", nullable = false)
    private Long moduleId;
    @Column(name = "version_id", nullable = false)
    private Long versionId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private AttemptStatus status = AttemptStatus.IN_PROGRESS;
    @Column(name = "current_position", nullable = false)
    private int currentPosition = -1;
    @Column(name = "step_count", nullable = false)
    private int stepCount;
    @Column(name = "action_text", length = 500)
    private String actionText;
    @Column(name = "action_date")
    private LocalDate actionDate;
    @Column(name = "tried_already", nullable = false)
    private boolean triedAlready;
    @Column(name = "action_planned_at")
    private Instant actionPlannedAt;
    @Column(name = "report_back_opens_at")
    private Instant reportBackOpensAt;
    @Column(name = "started_at", nullable = false)
    private Instant startedAt;
    @Column(name = "last_activity_at", nullable = false)
    private Instant lastActivityAt;
    @Column(name = "completed_at")
    private Instant completedAt;
    @Column(name = "seconds_spent", nullable = false)
    private int secondsSpent;
    /** When the retention period (or erasure) blanked what the learner wrote; null while their words are here. */
    @Column(name = "answers_removed_at", insertable = false, updatable = false)
    private Instant answersRemovedAt;
    @Version
    private long version;

    protected Attempt() {
    }

    Attempt(Long learnerId, Long moduleId, Long versionId, int stepCount, Instant now) {
        this.learnerId = learnerId;
        this.moduleId = moduleId;
        this.versionId = versionId;
        this.stepCount = stepCount;
        this.startedAt = now;
        this.lastActivityAt = now;
    }

    /** Counts the time since the last action, up to {@link #MAX_GAP}. */
    void activity(Instant now) {
        Duration gap = Duration.between(lastActivityAt, now);
        if (!gap.isNegative()) {
            secondsSpent += (int) Math.min(gap.getSeconds(), MAX_GAP.getSeconds());
        }
        lastActivityAt = now;
    }

    void goTo(int position) {
        this.currentPosition = position;
    }

    /**
     * The learner commits to an action. The report back opens after the author's minimum gap, and
     * not before the planned date unless the learner says they already tried it.
     */
    void planAction(String text, LocalDate date, boolean already, int minDays, Instant now, ZoneId zone) {
        this.actionText = text;
        this.actionDate = date;
        this.triedAlready = already;
        this.actionPlannedAt = now;
        Instant afterGap = now.plus(Duration.ofDays(minDays));
        Instant afterDate = date == null || already ? afterGap : date.atStartOfDay(zone).toInstant();
        this.reportBackOpensAt = afterGap.isAfter(afterDate) ? afterGap : afterDate;
    }

    boolean reportBackOpen(Instant now) {
        return reportBackOpensAt == null || !now.isBefore(reportBackOpensAt);
    }

    void awaitReportBack() {
        if (status == AttemptStatus.IN_PROGRESS) {
            status = AttemptStatus.AWAITING_REPORT_BACK;
        }
    }

    void resume() {
        if (status == AttemptStatus.AWAITING_REPORT_BACK) {
            status = AttemptStatus.IN_PROGRESS;
        }
    }

    void complete(Instant now) {
        status = AttemptStatus.COMPLETED;
        completedAt = now;
    }

    Long getId() {
        return id;
    }

    Long getLearnerId() {
        return learnerId;
    }

    Long getModuleId() {
        return moduleId;
    }

    Long getVersionId() {
        return versionId;
    }

    AttemptStatus getStatus() {
        return status;
    }

    int getCurrentPosition() {
        return currentPosition;
    }

    int getStepCount() {
        return stepCount;
    }

    String getActionText() {
        return actionText;
    }

    LocalDate getActionDate() {
        return actionDate;
    }

    boolean isTriedAlready() {
        return triedAlready;
    }

    Instant getReportBackOpensAt() {
        return reportBackOpensAt;
    }

    Instant getStartedAt() {
        return startedAt;
    }

    Instant getCompletedAt() {
        return completedAt;
    }

    Instant getLastActivityAt() {
        return lastActivityAt;
    }

    int getSecondsSpent() {
        return secondsSpent;
    }

    Instant getAnswersRemovedAt() {
        return answersRemovedAt;
    }
}
