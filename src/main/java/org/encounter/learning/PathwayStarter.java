package org.encounter.learning;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** Someone who joined a member organisation and was given its partnership's induction pathway. */
@Entity
@Table(name = "pathway_starter")
class PathwayStarter {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "pathway_id", nullable = false)
    private Long pathwayId;
    @Column(name = "person_id", nullable = false)
    private Long personId;
    @Column(name = "organisation_id", nullable = false)
    private Long organisationId;
    @Column(name = "joined_on", nullable = false)
    private LocalDate joinedOn;
    @Column(name = "due_date", nullable = false)
    private LocalDate dueDate;

    protected PathwayStarter() {
    }

    PathwayStarter(long pathwayId, long personId, long organisationId, LocalDate joinedOn, LocalDate dueDate) {
        if (dueDate.isBefore(joinedOn)) {
            throw new IllegalArgumentException("due before joining");
        }
        this.pathwayId = pathwayId;
        this.personId = personId;
        this.organisationId = organisationId;
        this.joinedOn = joinedOn;
        this.dueDate = dueDate;
    }

    Long getPathwayId() {
        return pathwayId;
    }

    Long getPersonId() {
        return personId;
    }

    Long getOrganisationId() {
        return organisationId;
    }

    LocalDate getJoinedOn() {
        return joinedOn;
    }

    LocalDate getDueDate() {
        return dueDate;
    }
}
