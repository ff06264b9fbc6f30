package org.encounter.authoring;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** Who moved a module from one state to another, and when. */
@Entity
@Immutable
@Table(name = "module_transition")
class ModuleTransition {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "module_id", nullable = false)
    private Long moduleId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", nullable = false, length = 20)
    private ModuleStatus from;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, length = 20)
    private ModuleStatus to;

    @Column(name = "actor_id", nullable = false)
    private Long actorId;

    @Column(nullable = false)
    private Instant at;

    @Column(length = Limits.NOTE)
    private String note;

    protected ModuleTransition() {
    }

    ModuleTransition(Long moduleId, ModuleStatus from, ModuleStatus to, Long actorId, Instant at, String note) {
        this.moduleId = moduleId;
        this.from = from;
        this.to = to;
        this.actorId = actorId;
        this.at = at;
        this.note = note;
    }

    Long getId() {
        return id;
    }

    ModuleStatus getFrom() {
        return from;
    }

    ModuleStatus getTo() {
        return to;
    }

    Long getActorId() {
        return actorId;
    }

    Instant getAt() {
        return at;
    }

    String getNote() {
        return note;
    }
}
