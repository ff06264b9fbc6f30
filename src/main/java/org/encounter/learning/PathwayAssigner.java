package org.encounter.learning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.encounter.authoring.PublishedModules;
import org.encounter.base.NotifyPerson;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Gives a starter their partnership's induction pathway: they become its starter, and each step's module is assigned
 * to them by the pathway, due as {@link Pathway#due} says. A step whose module is no longer published and shared with
 * the partnership is left out (the starter could not start it); a module already assigned to them stays as it was
 * (one live assignment per person and module). Once per person.
 */
@Component
class PathwayAssigner {

    private final PathwayStarterRepository starters;
    private final AssignmentRepository assignments;
    private final PublishedModules published;
    private final ApplicationEventPublisher events;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;

    PathwayAssigner(PathwayStarterRepository starters, AssignmentRepository assignments, PublishedModules published,
                    ApplicationEventPublisher events, org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.starters = starters;
        this.assignments = assignments;
        this.published = published;
        this.events = events;
    }

    /**
     * Whether the person became a starter now (false when they already were one). {@code notify}: tell them, as
     * for any assignment (the demo world, made before anyone reads, does not).
     */
    boolean assign(Pathway pathway, long personId, long organisationId, LocalDate joinedOn, Instant now,
                   boolean notify) {
        if (starters.existsByPathwayIdAndPersonId(pathway.getId(), personId)) {
            return false;
        }
        List<Long> modules = pathway.getModuleIds();
        starters.save(new PathwayStarter(pathway.getId(), personId, organisationId, joinedOn,
                pathway.due(modules.size() - 1, joinedOn)));
        for (int i = 0; i < modules.size(); i++) {
            long moduleId = modules.get(i);
            var module = published.current(moduleId);
            // A module the partnership stopped sharing (or its host left) is no longer for every member's starters.
            if (module.isEmpty() || !published.sharedWith(moduleId, pathway.getPartnershipId())
                    || !assignments.findLiveLearners(moduleId, List.of(personId)).isEmpty()) {
                continue;
            }
            LocalDate due = pathway.due(i, joinedOn);
            Assignment a = assignments.saveAndFlush(Assignment.byPathway(personId, moduleId, pathway.getId(), due, now));
            // Already completed before joining (a returning starter): satisfied from the start.
            jdbc.update("""
                    update assignment set satisfied_at = (select min(t.completed_at) from attempt t where t.learner_id = ?
                        and t.module_id = ? and t.status = 'COMPLETED') where id = ?""", personId, moduleId, a.getId());
            if (!notify) {
                continue;
            }
            events.publishEvent(new AssignmentService.ModuleAssigned(a.getId(), personId, moduleId, due));
            events.publishEvent(new NotifyPerson(personId, "assigned", "assignment:" + a.getId(), "notify.assigned",
                    List.of(module.get().title(), NotifyPerson.date(due)), "learn/mine"));
        }
        return true;
    }
}
