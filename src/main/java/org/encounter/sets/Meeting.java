package org.encounter.sets;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/** One meeting of a set: when, where or online, and the session notes the facilitators keep for the set. */
@Entity
@Table(name = "set_meeting")
class Meeting {

    static final int PLACE_MAX = 200;
    static final int LINK_MAX = 500;
    static final int NOTES_MAX = 4_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "set_id", nullable = false)
    private Long setId;
    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;
    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;
    private String place;
    @Column(name = "online_link")
    private String onlineLink;
    private String notes;
    @Column(name = "notes_updated_at")
    private Instant notesUpdatedAt;
    @Column(name = "sequence_no", nullable = false)
    private int sequence;
    @Version
    private long version;

    protected Meeting() {
    }

    Meeting(long setId) {
        this.setId = setId;
    }

    /** Sets the time and place; a change after the first save raises the calendar sequence. */
    void schedule(Instant startsAt, Instant endsAt, String place, String onlineLink) {
        boolean changed = this.startsAt != null && (!startsAt.equals(this.startsAt) || !endsAt.equals(this.endsAt)
                || !Objects.equals(place, this.place) || !Objects.equals(onlineLink, this.onlineLink));
        if (changed) {
            sequence++;
        }
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.place = place;
        this.onlineLink = onlineLink;
    }

    /** The set's name, which calendars show as the event's title, changed: calendars should update it. */
    void renamed() {
        sequence++;
    }

    void writeNotes(String notes, Instant now) {
        this.notes = notes;
        this.notesUpdatedAt = now;
    }

    boolean sameTimeAndPlace(Instant start, Instant end, String place, String link) {
        return start.equals(startsAt) && end.equals(endsAt) && Objects.equals(place, this.place)
                && Objects.equals(link, onlineLink);
    }

    Long getId() {
        return id;
    }

    Long getSetId() {
        return setId;
    }

    Instant getStartsAt() {
        return startsAt;
    }

    Instant getEndsAt() {
        return endsAt;
    }

    String getPlace() {
        return place;
    }

    String getOnlineLink() {
        return onlineLink;
    }

    String getNotes() {
        return notes;
    }

    Instant getNotesUpdatedAt() {
        return notesUpdatedAt;
    }

    int getSequence() {
        return sequence;
    }
}
