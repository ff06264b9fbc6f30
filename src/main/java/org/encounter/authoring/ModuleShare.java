package org.encounter.authoring;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A published module shared with a partnership, from when it was shared until the sharing ended. Ending keeps the
 * row, so what was learned through the partnership keeps its context; sharing again starts a new row.
 */
@Entity
@Table(name = "module_share")
class ModuleShare {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "module_id", nullable = false, updatable = false)
    private Long moduleId;

    @Column(name = "partnership_id", nullable = false, updatable = false)
    private Long partnershipId;

    @Column(name = "shared_by", updatable = false)
    private Long sharedBy;

    @Column(name = "shared_at", nullable = false, updatable = false)
    private Instant sharedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    protected ModuleShare() {
    }

    ModuleShare(long moduleId, long partnershipId, Long sharedBy, Instant sharedAt) {
        this.moduleId = moduleId;
        this.partnershipId = partnershipId;
        this.sharedBy = sharedBy;
        this.sharedAt = Objects.requireNonNull(sharedAt);
    }

    void end(Instant at) {
        if (endedAt == null) {
            endedAt = at;
        }
    }

    Long getModuleId() {
        return moduleId;
    }

    Long getPartnershipId() {
        return partnershipId;
    }

    Instant getSharedAt() {
        return sharedAt;
    }
}
