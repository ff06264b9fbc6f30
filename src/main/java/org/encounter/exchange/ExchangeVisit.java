package org.encounter.exchange;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/** A visit one partner hosts and the other makes: when, where, what the guest shadows, and what came of it. */
@Entity
@Table(name = "exchange_visit")
class ExchangeVisit {

    static final int PLACE_MAX = 200;
    static final int SHADOW_MAX = 500;
    static final int REFLECTION_MAX = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "pair_id", nullable = false)
    private Long pairId;
    @Column(name = "host_id", nullable = false)
    private Long hostId;
    @Column(name = "visit_date", nullable = false)
    private LocalDate date;
    @Column(nullable = false)
    private String place;
    @Column(nullable = false)
    private String shadow;
    @Column(nullable = false)
    private int sequence;
    @Column(name = "host_done_at")
    private Instant hostDoneAt;
    @Column(name = "guest_done_at")
    private Instant guestDoneAt;
    private String reflection;
    @Column(name = "reflection_shared", nullable = false)
    private boolean reflectionShared;
    @Column(name = "reflected_at")
    private Instant reflectedAt;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Version
    private long version;

    protected ExchangeVisit() {
    }

    ExchangeVisit(long pairId, long hostId, LocalDate date, String place, String shadow, Instant now) {
        this.pairId = pairId;
        this.hostId = hostId;
        this.date = date;
        this.place = place;
        this.shadow = shadow;
        this.createdAt = now;
    }

    /** A new date or place: calendars that imported the visit update it (SEQUENCE goes up). */
    void change(LocalDate date, String place, String shadow) {
        if (!date.equals(this.date) || !place.equals(this.place)) {
            sequence++;
        }
        this.date = date;
        this.place = place;
        this.shadow = shadow;
    }

    void recordDone(boolean byHost, Instant now) {
        if (byHost) {
            hostDoneAt = hostDoneAt == null ? now : hostDoneAt;
        } else {
            guestDoneAt = guestDoneAt == null ? now : guestDoneAt;
        }
    }

    void reflect(String text, boolean shared, Instant now) {
        this.reflection = text;
        this.reflectionShared = shared;
        this.reflectedAt = now;
    }

    boolean done() {
        return hostDoneAt != null && guestDoneAt != null;
    }

    Long getId() {
        return id;
    }

    Long getPairId() {
        return pairId;
    }

    Long getHostId() {
        return hostId;
    }

    LocalDate getDate() {
        return date;
    }

    String getPlace() {
        return place;
    }

    String getShadow() {
        return shadow;
    }

    int getSequence() {
        return sequence;
    }

    Instant getHostDoneAt() {
        return hostDoneAt;
    }

    Instant getGuestDoneAt() {
        return guestDoneAt;
    }

    String getReflection() {
        return reflection;
    }

    boolean isReflectionShared() {
        return reflectionShared;
    }

    Instant getReflectedAt() {
        return reflectedAt;
    }
}
