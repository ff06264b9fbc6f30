package org.encounter.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import org.encounter.base.StoredText;

@Entity
class Organisation {

    static final int NAME_MAX = 150;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = NAME_MAX)
    private String name;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Organisation() {
    }

    Organisation(String name, Instant createdAt) {
        rename(name);
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    void rename(String name) {
        this.name = StoredText.require(name == null ? null : name.strip(), NAME_MAX, "an organisation name");
    }

    Long getId() {
        return id;
    }

    String getName() {
        return name;
    }
}
