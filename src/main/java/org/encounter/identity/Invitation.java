package org.encounter.identity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.encounter.base.StoredText;

/** A single-use, expiring link through which someone sets up their own account. Only the token's hash is kept. */
@Entity
class Invitation {

    static final int NOTE_MAX = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "organisation_id")
    private Organisation organisation;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "team_id")
    private Team team;

    @Column(length = NOTE_MAX)
    private String note;

    /** The name certificates will print for the person who accepts; null only on links made before V17. */
    @Column(name = "registered_name", length = Person.NAME_MAX)
    private String registeredName;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "created_by_id")
    private Person createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "used_by_id")
    private Person usedBy;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "invitation_role", joinColumns = @JoinColumn(name = "invitation_id"))
    @Column(name = "role", length = 20)
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @Version
    private long version;

    protected Invitation() {
    }

    Invitation(String tokenHash, Organisation organisation, Team team, Set<Role> roles, String registeredName, String note,
               Person createdBy, Instant createdAt, Instant expiresAt) {
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("an invitation presets at least one role");
        }
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("an invitation must expire after it is created");
        }
        this.tokenHash = Objects.requireNonNull(tokenHash);
        this.organisation = Objects.requireNonNull(organisation);
        this.team = team;
        this.roles.addAll(roles);
        this.registeredName = StoredText.require(registeredName, Person.NAME_MAX, "a registered name");
        this.note = note;
        this.createdBy = Objects.requireNonNull(createdBy);
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    InvitationStatus status(Instant now) {
        if (revokedAt != null) {
            return InvitationStatus.REVOKED;
        }
        if (usedAt != null) {
            return InvitationStatus.USED;
        }
        return expiresAt.isAfter(now) ? InvitationStatus.OPEN : InvitationStatus.EXPIRED;
    }

    void markUsed(Person person, Instant now) {
        if (status(now) != InvitationStatus.OPEN) {
            throw new IllegalStateException("invitation is " + status(now));
        }
        this.usedBy = person;
        this.usedAt = now;
    }

    void revoke(Instant now) {
        if (status(now) == InvitationStatus.OPEN) {
            this.revokedAt = now;
        }
    }

    Long getId() {
        return id;
    }

    Organisation getOrganisation() {
        return organisation;
    }

    Team getTeam() {
        return team;
    }

    String getNote() {
        return note;
    }

    String getRegisteredName() {
        return registeredName;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getExpiresAt() {
        return expiresAt;
    }

    Person getUsedBy() {
        return usedBy;
    }

    Set<Role> getRoles() {
        return Set.copyOf(roles);
    }
}
