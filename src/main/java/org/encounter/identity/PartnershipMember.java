package org.encounter.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import java.util.Objects;

/**
 * An organisation's membership of a partnership, from when it joined until it left. Leaving ends the row instead of
 * deleting it, so the partnership's history keeps its members; joining again starts a new row.
 */
@Entity
class PartnershipMember {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "partnership_id")
    private Partnership partnership;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "organisation_id")
    private Organisation organisation;

    @Column(name = "joined_at", nullable = false)
    private Instant joinedAt;

    @Column(name = "left_at")
    private Instant leftAt;

    protected PartnershipMember() {
    }

    PartnershipMember(Partnership partnership, Organisation organisation, Instant joinedAt) {
        this.partnership = Objects.requireNonNull(partnership);
        this.organisation = Objects.requireNonNull(organisation);
        this.joinedAt = Objects.requireNonNull(joinedAt);
    }

    Organisation getOrganisation() {
        return organisation;
    }

    Instant getJoinedAt() {
        return joinedAt;
    }

    void leave(Instant at) {
        if (leftAt == null) {
            leftAt = Objects.requireNonNull(at);
        }
    }
}
