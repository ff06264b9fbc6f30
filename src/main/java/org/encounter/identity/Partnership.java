package org.encounter.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.encounter.base.StoredText;

/**
 * A named group of organisations that learn together. Its members are {@link PartnershipMember} rows (kept after an
 * organisation leaves); its coordinators are people of member organisations, a role within this partnership only.
 */
@Entity
class Partnership {

    static final int NAME_MAX = 150;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = NAME_MAX)
    private String name;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @ManyToMany
    @JoinTable(name = "partnership_coordinator", joinColumns = @JoinColumn(name = "partnership_id"),
            inverseJoinColumns = @JoinColumn(name = "person_id"))
    private Set<Person> coordinators = new HashSet<>();

    @Version
    private long version;

    protected Partnership() {
    }

    Partnership(String name, Instant createdAt) {
        this.name = StoredText.require(name == null ? null : name.strip(), NAME_MAX, "a partnership name");
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    Long getId() {
        return id;
    }

    String getName() {
        return name;
    }

    Set<Person> getCoordinators() {
        return Set.copyOf(coordinators);
    }

    void appoint(Person coordinator) {
        coordinators.add(Objects.requireNonNull(coordinator));
    }

    void dismiss(Person coordinator) {
        coordinators.remove(coordinator);
    }
}
