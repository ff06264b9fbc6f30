package org.encounter.sets;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** Whether one member came to one meeting, as the facilitator recorded it. */
@Entity
@Table(name = "meeting_attendance")
class Attendance {

    @Embeddable
    record Key(@Column(name = "meeting_id") Long meetingId, @Column(name = "person_id") Long personId)
            implements Serializable {
    }

    @EmbeddedId
    private Key key;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AttendanceStatus status;
    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;
    @Column(name = "recorded_by_id", nullable = false)
    private Long recordedById;

    protected Attendance() {
    }

    Attendance(long meetingId, long personId) {
        this.key = new Key(meetingId, personId);
    }

    void record(AttendanceStatus status, long by, Instant now) {
        this.status = status;
        this.recordedById = by;
        this.recordedAt = now;
    }

    long meetingId() {
        return key.meetingId();
    }

    long personId() {
        return key.personId();
    }

    AttendanceStatus getStatus() {
        return status;
    }
}
