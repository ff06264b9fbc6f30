package org.encounter.exchange;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;

/** Whether a leader came to the round's briefing or debrief, as the coordinator recorded it. */
@Entity
@Table(name = "exchange_attendance")
class ExchangeAttendance {

    enum Meeting { BRIEFING, DEBRIEF }

    @Embeddable
    record Key(@Column(name = "round_id") Long roundId, @Column(name = "meeting") String meeting,
               @Column(name = "person_id") Long personId) implements Serializable {
    }

    @EmbeddedId
    private Key key;
    @Column(nullable = false)
    private boolean present;

    protected ExchangeAttendance() {
    }

    ExchangeAttendance(long roundId, Meeting meeting, long personId, boolean present) {
        this.key = new Key(roundId, meeting.name(), personId);
        this.present = present;
    }

    void mark(boolean present) {
        this.present = present;
    }

    Key getKey() {
        return key;
    }

    boolean isPresent() {
        return present;
    }
}
