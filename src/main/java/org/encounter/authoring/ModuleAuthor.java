package org.encounter.authoring;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** A person who writes a module, credited as they choose (name, pseudonym or a group's name). */
@Entity
@Table(name = "module_author")
class ModuleAuthor {

    @Embeddable
    record Key(@Column(name = "module_id") Long moduleId, @Column(name = "person_id") Long personId)
            implements Serializable {
    }

    @EmbeddedId
    private Key key;

    @Column(nullable = false, length = Limits.CREDIT)
    private String credit;

    @Column(nullable = false)
    private boolean owner;

    @Column(name = "added_at", nullable = false)
    private Instant addedAt;

    protected ModuleAuthor() {
    }

    ModuleAuthor(Long moduleId, Long personId, String credit, boolean owner, Instant now) {
        this.key = new Key(moduleId, personId);
        this.credit = credit;
        this.owner = owner;
        this.addedAt = now;
    }

    void credit(String credit) {
        this.credit = credit;
    }

    Long personId() {
        return key.personId();
    }

    Long moduleId() {
        return key.moduleId();
    }

    String getCredit() {
        return credit;
    }

    boolean isOwner() {
        return owner;
    }

    Instant getAddedAt() {
        return addedAt;
    }
}
