package org.encounter.sets;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** A small group meeting several times for one module, run by a facilitator and maybe a co-facilitating author. */
@Entity
@Table(name = "learning_set")
class LearningSet {

    static final int NAME_MAX = 120;

    @Embeddable
    static class Member {
        @Column(name = "person_id", nullable = false)
        private Long personId;
        @Column(name = "added_at", nullable = false)
        private Instant addedAt;

        protected Member() {
        }

        Member(long personId, Instant addedAt) {
            this.personId = personId;
            this.addedAt = addedAt;
        }

        long personId() {
            return personId;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private String name;
    @Column(name = "module_id", nullable = false)
    private Long moduleId;
    @Column(name = "facilitator_id", nullable = false)
    private Long facilitatorId;
    @Column(name = "co_facilitator_id")
    private Long coFacilitatorId;
    @Column(name = "time_zone", nullable = false)
    private String timeZone;
    @ElementCollection
    @CollectionTable(name = "learning_set_member", joinColumns = @JoinColumn(name = "set_id"))
    private List<Member> members = new ArrayList<>();
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Version
    private long version;

    protected LearningSet() {
    }

    LearningSet(long facilitatorId, ZoneId zone, Instant now) {
        this.facilitatorId = facilitatorId;
        this.timeZone = zone.getId();
        this.createdAt = now;
    }

    /** Sets the name, module and co-facilitator; returns the people who are new members. */
    List<Long> describe(String name, long moduleId, Long coFacilitatorId, Collection<Long> memberIds, Instant now) {
        this.name = name;
        this.moduleId = moduleId;
        this.coFacilitatorId = coFacilitatorId;
        this.updatedAt = now;
        members.removeIf(m -> !memberIds.contains(m.personId()));
        List<Long> added = memberIds.stream().filter(p -> member(p).isEmpty()).toList();
        added.forEach(p -> members.add(new Member(p, now)));
        return added;
    }

    Optional<Member> member(long personId) {
        return members.stream().filter(m -> m.personId() == personId).findFirst();
    }

    boolean runBy(long personId) {
        return facilitatorId == personId || (coFacilitatorId != null && coFacilitatorId == personId);
    }

    boolean includes(long personId) {
        return runBy(personId) || member(personId).isPresent();
    }

    Long getId() {
        return id;
    }

    String getName() {
        return name;
    }

    Long getModuleId() {
        return moduleId;
    }

    Long getFacilitatorId() {
        return facilitatorId;
    }

    Long getCoFacilitatorId() {
        return coFacilitatorId;
    }

    ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    List<Member> getMembers() {
        return List.copyOf(members);
    }

    List<Long> memberIds() {
        return members.stream().map(Member::personId).toList();
    }
}
