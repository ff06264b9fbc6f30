package org.encounter.learning;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.encounter.authoring.PublishedModules;
import org.encounter.base.InvalidInputException;
import org.encounter.base.RecordNotFound;
import org.encounter.identity.CurrentPerson;
import org.encounter.identity.PersonDirectory;
import org.encounter.identity.PersonRef;
import org.encounter.identity.Role;
import org.encounter.identity.TeamService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A manager assigns a published module to members of their own teams with a due date, and may
 * change or withdraw it; an organisation admin does the same for anyone of their organisation (an organisation adopts
 * a shared module with its own due dates this way). The module must be in the assigner's catalogue. (The assigning screen belongs to team progress; this is its API.) A person has
 * at most one live (not withdrawn) assignment of a module: assigning it again is refused with their names,
 * and when two requests race past that check the database refuses the second (unique index
 * {@value #LIVE_ASSIGNMENT}, V13). Either way nobody of that request is assigned.
 */
@Service
@Transactional
@RolesAllowed({Role.Names.MANAGER, Role.Names.ORG_ADMIN})
public class AssignmentService {

    /** Someone was asked to take a module; notifications tell them. */
    public record ModuleAssigned(long assignmentId, long learnerId, long moduleId, LocalDate dueDate) {
    }

    private final AssignmentRepository assignments;
    private final TeamService teams;
    private final PublishedModules published;
    private final CurrentPerson currentPerson;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ZoneId zone;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;
    private final PersonDirectory directory;
    private final org.encounter.identity.OrganisationScope scope;

    static final String LIVE_ASSIGNMENT = "ux_assignment_live";

    AssignmentService(AssignmentRepository assignments, TeamService teams, PublishedModules published,
                      CurrentPerson currentPerson, ApplicationEventPublisher events, Clock clock,
                      org.encounter.base.Dates dates,
                      org.springframework.jdbc.core.JdbcTemplate jdbc, PersonDirectory directory,
                      org.encounter.identity.OrganisationScope scope) {
        this.scope = scope;
        this.jdbc = jdbc;
        this.directory = directory;
        this.assignments = assignments;
        this.teams = teams;
        this.published = published;
        this.currentPerson = currentPerson;
        this.events = events;
        this.clock = clock;
        this.zone = dates.zone();
    }

    public List<Long> assign(long moduleId, Collection<Long> learnerIds, LocalDate dueDate) {
        // Whom first: someone who may not assign these people learns nothing from a message about the date.
        if (learnerIds.isEmpty() || !mayAssign(learnerIds)) {
            throw new AccessDeniedException("managers assign only to members of their own teams, organisation admins"
                    + " to people of their own organisation");
        }
        checkDue(dueDate);
        String title = published.current(moduleId).map(org.encounter.authoring.PublishedModule::title)
                .orElseThrow(() -> new InvalidInputException("module", "learning.not-published"));
        if (!published.available(moduleId)) {
            // Not in the assigner's catalogue: another organisation's module that no partnership shares with theirs.
            throw new RecordNotFound("module", moduleId);
        }
        Set<Long> learners = new java.util.LinkedHashSet<>(learnerIds);
        // Names first: after the database refuses an insert, this transaction's session may not be used again.
        Map<Long, String> names = directory.displayNames(learners);
        List<Long> already = assignments.findLiveLearners(moduleId, learners);
        if (!already.isEmpty()) {
            throw alreadyAssigned(already, names);
        }
        return learners.stream().map(id -> {
            Assignment a;
            try {
                a = assignments.saveAndFlush(new Assignment(id, moduleId, currentPerson.requireId(), dueDate,
                        clock.instant()));
            } catch (DataIntegrityViolationException e) {
                if (!String.valueOf(NestedExceptionUtils.getMostSpecificCause(e).getMessage()).contains(LIVE_ASSIGNMENT)) {
                    throw e;
                }
                // Assigned a moment ago by another request (a double click): this whole request is rolled back.
                throw alreadyAssigned(List.of(id), names);
            } catch (PessimisticLockingFailureException e) {
                // The same race, where InnoDB settled it by making this request a deadlock victim (the index still held
                // the entry of an assignment withdrawn before): the other request assigns this person.
                throw alreadyAssigned(List.of(id), names);
            }
            // Already completed (a renewal, say): satisfied from the start, as reminders see it too.
            jdbc.update("""
                    update assignment set satisfied_at = (select min(t.completed_at) from attempt t where t.learner_id = ?
                        and t.module_id = ? and t.status = 'COMPLETED') where id = ?""", id, moduleId, a.getId());
            events.publishEvent(new ModuleAssigned(a.getId(), id, moduleId, dueDate));
            events.publishEvent(new org.encounter.base.NotifyPerson(id, "assigned", "assignment:" + a.getId(),
                    "notify.assigned", List.of(title, org.encounter.base.NotifyPerson.date(dueDate)), "learn/mine"));
            return a.getId();
        }).toList();
    }

    private static InvalidInputException alreadyAssigned(Collection<Long> learnerIds, Map<Long, String> names) {
        return new InvalidInputException("learners", "learning.already-assigned", learnerIds.stream()
                .map(id -> names.getOrDefault(id, "?")).sorted().collect(Collectors.joining(", ")));
    }

    public void changeDue(long assignmentId, LocalDate dueDate) {
        Assignment a = ofMyTeams(assignmentId);
        checkDue(dueDate);
        a.due(dueDate);
    }

    public void withdraw(long assignmentId) {
        ofMyTeams(assignmentId).withdraw(clock.instant());
    }

    private Assignment ofMyTeams(long assignmentId) {
        Assignment a = assignments.findById(assignmentId).orElseThrow(() -> new RecordNotFound("assignment", assignmentId));
        if (!mayAssign(List.of(a.getLearnerId()))) {
            throw new AccessDeniedException("not an assignment of the manager's teams");
        }
        return a;
    }

    private void checkDue(LocalDate due) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        if (due == null || due.isBefore(today) || due.isAfter(today.plusYears(2))) {
            throw new InvalidInputException("dueDate", "learning.due-date");
        }
    }

    /** Members of the signed-in manager's teams, or people of the organisation they administer. */
    private boolean mayAssign(Collection<Long> learnerIds) {
        return myMembers().containsAll(learnerIds) || scope.administersEveryone(learnerIds);
    }

    private Set<Long> myMembers() {
        return teams.myManagedTeams().stream().flatMap(t -> t.members().stream()).map(PersonRef::id)
                .collect(Collectors.toSet());
    }
}
