package org.encounter.authoring;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A single-use link through which a signed-in person joins a module as co-author. */
@Entity
@Table(name = "coauthor_invitation")
class CoAuthorInvitation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @Column(name = "module_id", nullable = false)
    private Long moduleId;

    @Column(name = "created_by_id", nullable = false)
    private Long createdById;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    @Column(name = "used_by_id")
    private Long usedById;

    @Version
    private long version;

    protected CoAuthorInvitation() {
    }

    CoAuthorInvitation(String tokenHash, Long moduleId, Long createdById, Instant createdAt, Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.moduleId = moduleId;
        this.createdById = createdById;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    boolean usable(Instant now) {
        return usedAt == null && expiresAt.isAfter(now);
    }

    boolean used() {
        return usedAt != null;
    }

    void use(Long personId, Instant now) {
        this.usedById = personId;
        this.usedAt = now;
    }

    Long getModuleId() {
        return moduleId;
    }
}
