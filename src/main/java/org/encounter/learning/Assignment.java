package org.encounter.learning;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/** A manager asked a team member to take a module by a date; or a partnership's induction pathway did. */
@Entity
@Table(name = "assignment")
class Assignment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "learner_id", nullable = false)
    private Long learnerId;
    @Column(name = "module_id", nullable = false)
    private Long moduleId;
    /** Who assigned it; none when an induction pathway did ({@link #pathwayId}). */
    @Column(name = "assigned_by_id")
    private Long assignedById;
    @Column(name = "pathway_id")
    private Long pathwayId;
    @Column(name = "due_date", nullable = false)
    private LocalDate dueDate;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "withdrawn_at")
    private Instant withdrawnAt;
    @Version
    private long version;

    protected Assignment() {
    }

    Assignment(Long learnerId, Long moduleId, Long assignedById, LocalDate dueDate, Instant now) {
        this.learnerId = learnerId;
        this.moduleId = moduleId;
        this.assignedById = assignedById;
        this.dueDate = dueDate;
        this.createdAt = now;
    }

    /** A step of an induction pathway, assigned to a starter by the pathway itself. */
    static Assignment byPathway(Long learnerId, Long moduleId, Long pathwayId, LocalDate dueDate, Instant now) {
        Assignment a = new Assignment(learnerId, moduleId, null, dueDate, now);
        a.pathwayId = pathwayId;
        return a;
    }

    void due(LocalDate date) {
        this.dueDate = date;
    }

    void withdraw(Instant now) {
        this.withdrawnAt = now;
    }

    Long getId() {
        return id;
    }

    Long getLearnerId() {
        return learnerId;
    }

    Long getModuleId() {
        return moduleId;
    }

    LocalDate getDueDate() {
        return dueDate;
    }
}
