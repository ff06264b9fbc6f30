package org.encounter.learning;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.encounter.authoring.PublishedModules;
import org.encounter.identity.OrganisationScope;
import org.encounter.identity.PersonRef;
import org.encounter.identity.Role;
import org.encounter.identity.TeamService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How an organisation runs the modules it adopts: its admin assigns a module from its catalogue (its own or one a
 * partnership shares) to whole teams with the organisation's own due date, and sees, per module and due date, how many
 * were asked and how many are done. Another organisation taking the same shared module never shows here: the scope is
 * the organisation the admin runs ({@link OrganisationScope#administered()}).
 */
@Service
@Transactional(readOnly = true)
@RolesAllowed(Role.Names.ORG_ADMIN)
public class OrganisationAssignments {

    /** One module assigned with one due date in the organisation: how many were asked, done and late. */
    public record Adoption(long moduleId, String title, LocalDate dueDate, long assigned, long completed,
                           long overdue) {
    }

    /** What assigning to teams did: newly assigned, and those who already had the module assigned. */
    public record Assigned(int assigned, int alreadyAssigned) {
    }

    private final AssignmentService assignments;
    private final AssignmentRepository repository;
    private final TeamService teams;
    private final PublishedModules published;
    private final OrganisationScope scope;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ZoneId zone;

    OrganisationAssignments(AssignmentService assignments, AssignmentRepository repository, TeamService teams,
                            PublishedModules published, OrganisationScope scope, JdbcTemplate jdbc, Clock clock,
                            org.encounter.base.Dates dates) {
        this.assignments = assignments;
        this.repository = repository;
        this.teams = teams;
        this.published = published;
        this.scope = scope;
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = dates.zone();
    }

    /**
     * Assigns the module to every member of these teams of the admin's organisation who does not have it assigned
     * yet, with this due date. A team of another organisation is "not found"; so is a module not in the catalogue.
     */
    @Transactional
    public Assigned assignTeams(long moduleId, Collection<Long> teamIds, LocalDate dueDate) {
        if (teamIds.isEmpty()) {
            throw new org.encounter.base.InvalidInputException("teams", "validation.required");
        }
        Set<Long> people = new LinkedHashSet<>();
        teamIds.forEach(id -> teams.get(id).members().stream().map(PersonRef::id).forEach(people::add));
        if (people.isEmpty()) {
            throw new org.encounter.base.InvalidInputException("teams", "adoption.no-members");
        }
        List<Long> already = repository.findLiveLearners(moduleId, people);
        people.removeAll(already);
        if (people.isEmpty()) {
            if (!published.available(moduleId)) {
                throw new org.encounter.base.RecordNotFound("module", moduleId);
            }
            return new Assigned(0, already.size());
        }
        return new Assigned(assignments.assign(moduleId, people, dueDate).size(), already.size());
    }

    /** The organisation's live assignments, per module and due date, latest due first. */
    public List<Adoption> adoptions() {
        OrganisationScope.Scope in = scope.administered();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        String organisations = String.join(",", in.forQuery().stream().map(String::valueOf).toList());
        List<Adoption> rows = jdbc.query("""
                select a.module_id, a.due_date, count(*) assigned, count(a.satisfied_at) completed,
                    sum(case when a.satisfied_at is null and a.due_date < ? then 1 else 0 end) overdue
                from assignment a join person p on p.id = a.learner_id
                where a.withdrawn_at is null and p.organisation_id in (%s)
                group by a.module_id, a.due_date order by a.due_date desc, a.module_id""".formatted(organisations),
                (rs, i) -> new Adoption(rs.getLong(1), null, rs.getObject(2, LocalDate.class), rs.getLong(3),
                        rs.getLong(4), rs.getLong(5)), today);
        var titles = published.titles(rows.stream().map(Adoption::moduleId).toList());
        return rows.stream().map(r -> new Adoption(r.moduleId(), titles.getOrDefault(r.moduleId(), "#" + r.moduleId()),
                r.dueDate(), r.assigned(), r.completed(), r.overdue())).toList();
    }
}
