package org.encounter.learning;

import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.encounter.base.Dates;
import org.encounter.identity.OrganisationNames;
import org.encounter.identity.OrganisationScope;
import org.encounter.identity.PersonDirectory;
import org.encounter.identity.Role;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organisation admin follows their own organisation's new starters on its partnerships' induction pathways, by
 * name: the step each has reached and when the path is due. Only organisations they administer
 * ({@link OrganisationScope#administered()}); the platform admin sees every one.
 */
@Service
@Transactional(readOnly = true)
@RolesAllowed({Role.Names.ADMIN, Role.Names.ORG_ADMIN})
public class StarterService {

    /** A starter: {@code done} of {@code steps} modules completed; the path due on {@code due}. */
    public record Starter(String name, String organisation, String pathway, LocalDate joinedOn, int done, int steps,
                          LocalDate due, boolean overdue) {

        public boolean completed() {
            return done == steps;
        }
    }

    private final PathwayStarterRepository starters;
    private final PathwayRepository pathways;
    private final PathwayProgress progress;
    private final OrganisationScope scope;
    private final OrganisationNames organisations;
    private final PersonDirectory people;
    private final Dates dates;

    StarterService(PathwayStarterRepository starters, PathwayRepository pathways, PathwayProgress progress,
                   OrganisationScope scope, OrganisationNames organisations, PersonDirectory people, Dates dates) {
        this.starters = starters;
        this.pathways = pathways;
        this.progress = progress;
        this.scope = scope;
        this.organisations = organisations;
        this.people = people;
        this.dates = dates;
    }

    /** A page of the administered organisations' starters, newest first. */
    public List<Starter> page(Pageable pageable) {
        OrganisationScope.Scope in = scope.administered();
        if (!in.everywhere() && in.organisations().isEmpty()) {
            return List.of();
        }
        List<PathwayStarter> page = starters.ofOrganisations(in.everywhere(), in.forQuery(), pageable).getContent();
        if (page.isEmpty()) {
            return List.of();
        }
        Map<Long, Pathway> byId = pathways.findAllById(page.stream().map(PathwayStarter::getPathwayId).distinct()
                .toList()).stream().collect(Collectors.toMap(Pathway::getId, Function.identity()));
        Map<Long, String> names = people.displayNames(page.stream().map(PathwayStarter::getPersonId).toList());
        Map<Long, String> orgs = organisations.organisations(page.stream().map(PathwayStarter::getOrganisationId)
                .collect(Collectors.toSet()));
        LocalDate today = dates.today();
        Map<PathwayStarter, PathwayProgress.State> states = new java.util.IdentityHashMap<>();
        page.stream().collect(Collectors.groupingBy(PathwayStarter::getPathwayId)).forEach((pathway, who) ->
                progress.of(byId.get(pathway), who, today).forEach(s -> states.put(s.starter(), s)));
        return page.stream().map(s -> {
            PathwayProgress.State state = states.get(s);
            return new Starter(names.getOrDefault(s.getPersonId(), "?"), orgs.getOrDefault(s.getOrganisationId(), ""),
                    byId.get(s.getPathwayId()).getName(), s.getJoinedOn(), state.done(), state.steps(),
                    s.getDueDate(), state.overdue() && !state.completed());
        }).sorted(Comparator.comparing(Starter::joinedOn).reversed()).toList();
    }
}
