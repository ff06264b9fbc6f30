package org.encounter.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.encounter.base.StoredText;

@Entity
class Team {

    static final int NAME_MAX = 150;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "organisation_id")
    private Organisation organisation;

    @Column(nullable = false, length = NAME_MAX)
    private String name;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @ManyToMany
    @JoinTable(name = "team_manager", joinColumns = @JoinColumn(name = "team_id"),
            inverseJoinColumns = @JoinColumn(name = "person_id"))
    private Set<Person> managers = new HashSet<>();

    @ManyToMany
    @JoinTable(name = "team_member", joinColumns = @JoinColumn(name = "team_id"),
            inverseJoinColumns = @JoinColumn(name = "person_id"))
    private Set<Person> members = new HashSet<>();

    @Version
    private long version;

    protected Team() {
    }

    Team(Organisation organisation, String name, Instant createdAt) {
        this.organisation = Objects.requireNonNull(organisation);
        rename(name);
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    void rename(String name) {
        this.name = StoredText.require(name == null ? null : name.strip(), NAME_MAX, "a team name");
    }

    void replaceManagers(Set<Person> people) {
        managers.clear();
        managers.addAll(people);
    }

    void replaceMembers(Set<Person> people) {
        members.clear();
        members.addAll(people);
    }

    void addMember(Person person) {
        members.add(person);
    }

    Long getId() {
        return id;
    }

    Organisation getOrganisation() {
        return organisation;
    }

    String getName() {
        return name;
    }

    Set<Person> getManagers() {
        return managers;
    }

    Set<Person> getMembers() {
        return members;
    }
}
