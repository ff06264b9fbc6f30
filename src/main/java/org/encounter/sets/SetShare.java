package org.encounter.sets;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * A member's consent to show their commitment to a set: the people it named, by id. Nobody else in the set reads
 * it, however they got there; the facilitator's changes to the set never write here.
 */
@Entity
@Table(name = "set_share")
class SetShare {

    @Embeddable
    record Key(@Column(name = "set_id") Long setId, @Column(name = "sharer_id") Long sharerId) implements Serializable {
    }

    @EmbeddedId
    private Key key;
    @Column(name = "confirmed_at", nullable = false)
    private Instant confirmedAt;
    @ElementCollection
    @CollectionTable(name = "set_share_reader", joinColumns = {@JoinColumn(name = "set_id"),
            @JoinColumn(name = "sharer_id")})
    @Column(name = "reader_id", nullable = false)
    private Set<Long> readers = new HashSet<>();

    protected SetShare() {
    }

    SetShare(long setId, long sharerId) {
        this.key = new Key(setId, sharerId);
    }

    /** The member names (again) who sees it: exactly these people, from now on. */
    void confirm(Collection<Long> people, Instant now) {
        if (people.isEmpty() || people.contains(key.sharerId())) {
            throw new IllegalArgumentException("a share names other people");
        }
        readers.retainAll(people);
        readers.addAll(people);
        confirmedAt = now;
    }

    Set<Long> readers() {
        return Set.copyOf(readers);
    }
}
