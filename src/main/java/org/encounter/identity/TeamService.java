package org.encounter.identity;

import org.encounter.base.RecordNotFound;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.encounter.base.Validation;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Teams, their managers and members. Admins manage the teams of the organisations they administer (see
 * {@link OrganisationScope}), with people of the team's own organisation only; a manager reads only the teams they
 * manage.
 */
@Service
@Transactional(readOnly = true)
public class TeamService {

    private final TeamRepository teams;
    private final OrganisationRepository organisations;
    private final PersonRepository people;
    private final CurrentPerson currentPerson;
    private final OrganisationScope scope;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    TeamService(TeamRepository teams, OrganisationRepository organisations, PersonRepository people,
                CurrentPerson currentPerson, OrganisationScope scope, Clock clock,
                org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.scope = scope;
        this.teams = teams;
        this.organisations = organisations;
        this.people = people;
        this.currentPerson = currentPerson;
        this.clock = clock;
    }

    @RolesAllowed({Role.Names.ADMIN, Role.Names.ORG_ADMIN})
    public List<TeamSummary> page(String search, Pageable pageable) {
        OrganisationScope.Scope in = scope.administered();
        return teams.search(in.everywhere(), in.forQuery(), search == null ? "" : search.strip(),
                        Paging.allowOnly(pageable, Set.of("name"), Sort.by("name")))
                .map(TeamSummary::of).getContent();
    }

    @RolesAllowed({Role.Names.ADMIN, Role.Names.ORG_ADMIN})
    public TeamSummary get(long id) {
        return TeamSummary.of(find(id));
    }

    @RolesAllowed({Role.Names.ADMIN, Role.Names.ORG_ADMIN})
    @Transactional
    public TeamSummary create(Long organisationId, String name) {
        String clean = Validation.clean(name);
        Validation v = Validation.start().text("name", clean, Team.NAME_MAX)
                .require("organisation", organisationId != null, "validation.required");
        v.require("name", v.hasError("name") || organisationId == null
                || !teams.existsByOrganisationIdAndNameIgnoreCase(organisationId, clean), "team.name-taken");
        v.check();
        scope.requireAdministered("organisation", organisationId, organisationId);
        Organisation organisation = organisations.findById(organisationId)
                .orElseThrow(() -> new RecordNotFound("organisation", organisationId));
        Team team = teams.save(new Team(organisation, clean, clock.instant()));
        audit(team, "team-created", null);
        return TeamSummary.of(team);
    }

    /** Renames the team and replaces its managers and members in one go. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.ORG_ADMIN})
    @Transactional
    public TeamSummary update(long id, String name, Set<Long> managerIds, Set<Long> memberIds) {
        String clean = Validation.clean(name);
        Team team = find(id);
        Validation v = Validation.start().text("name", clean, Team.NAME_MAX);
        v.require("name", v.hasError("name")
                || !teams.existsByOrganisationIdAndNameIgnoreCaseAndIdNot(team.getOrganisation().getId(), clean, id),
                "team.name-taken");
        v.check();
        Set<Long> managersBefore = ids(team.getManagers());
        Set<Long> membersBefore = ids(team.getMembers());
        team.rename(clean);
        team.replaceManagers(load(managerIds, team.getOrganisation()));
        team.replaceMembers(load(memberIds, team.getOrganisation()));
        audit(team, "team-changed", "managers" + changes(managersBefore, ids(team.getManagers()))
                + ";members" + changes(membersBefore, ids(team.getMembers())));
        return TeamSummary.of(team);
    }

    /** The teams the signed-in person manages; empty for anyone else. */
    @PreAuthorize("isAuthenticated()")
    public List<TeamSummary> myManagedTeams() {
        return teams.findManagedBy(currentPerson.requireId()).stream().map(TeamSummary::of).toList();
    }

    /** One team the signed-in person manages; empty when they do not manage it (ids from a URL are checked here). */
    @PreAuthorize("isAuthenticated()")
    public java.util.Optional<TeamSummary> managedTeam(long teamId) {
        return teams.findManagedBy(currentPerson.requireId()).stream().filter(t -> t.getId() == teamId)
                .map(TeamSummary::of).findFirst();
    }

    /**
     * Whether the signed-in person may see these people's progress (never their private text): an admin may,
     * and a manager may for members of the teams they manage.
     */
    @PreAuthorize("isAuthenticated()")
    public boolean mayFollow(java.util.Collection<Long> personIds) {
        OrganisationScope.Scope administered = scope.administered();
        if (administered.everywhere()) {
            return true;
        }
        Set<Long> distinct = new HashSet<>(personIds);
        if (!administered.organisations().isEmpty() && !distinct.isEmpty() && people.findAllById(distinct).stream()
                .allMatch(p -> administered.includes(p.getOrganisation().getId()))) {
            return true;
        }
        return distinct.isEmpty() || teams.countMembersManagedBy(currentPerson.requireId(), distinct) == distinct.size();
    }

    /**
     * Of these people, the ones the signed-in person manages in any team. Whatever a person shares with a group
     * stays hidden from their managers: this is the one place that says who they are.
     */
    @PreAuthorize("isAuthenticated()")
    public Set<Long> managedByMe(java.util.Collection<Long> personIds) {
        return personIds.isEmpty() ? Set.of()
                : Set.copyOf(teams.membersManagedBy(currentPerson.requireId(), Set.copyOf(personIds)));
    }

    /**
     * Who manages whom among these people, in any team: each {@code [manager, member]}. The exchange's matching never
     * pairs a leader with their manager or their report; only those who run a matching (or the platform's own work)
     * ask.
     */
    @PreAuthorize("hasAnyAuthority('SYSTEM', 'ROLE_ADMIN', 'ROLE_COORDINATOR')")
    public Set<List<Long>> managementAmong(java.util.Collection<Long> personIds) {
        return personIds.isEmpty() ? Set.of() : teams.managementAmong(Set.copyOf(personIds)).stream()
                .map(row -> List.of((Long) row[0], (Long) row[1])).collect(java.util.stream.Collectors.toSet());
    }

    /** The people the signed-in person manages in any team. */
    @PreAuthorize("isAuthenticated()")
    public Set<Long> myReports() {
        return Set.copyOf(teams.allMembersManagedBy(currentPerson.requireId()));
    }

    /** The people who manage the signed-in person in any team: whom an exchange application asks to confirm it. */
    @PreAuthorize("isAuthenticated()")
    public Set<Long> myManagers() {
        return Set.copyOf(teams.allManagersOf(currentPerson.requireId()));
    }

    /** Of these people, the ones who manage the signed-in person in any team. */
    @PreAuthorize("isAuthenticated()")
    public Set<Long> managingMe(java.util.Collection<Long> personIds) {
        return personIds.isEmpty() ? Set.of()
                : Set.copyOf(teams.managersOf(currentPerson.requireId(), Set.copyOf(personIds)));
    }

    /**
     * The one team whose impact figures count this person's answers: the first of their teams (lowest id), so
     * no answer is released in two teams' figures (progress.ImpactRelease says why). Server-side work only.
     */
    @PreAuthorize("hasAuthority('SYSTEM')")
    public java.util.Optional<Long> impactTeamOf(long personId) {
        return teams.findWithMember(personId).stream().map(Team::getId).min(Long::compare);
    }

    /** The teams the signed-in person belongs to. */
    @PreAuthorize("isAuthenticated()")
    public List<TeamSummary> myTeams() {
        return teams.findWithMember(currentPerson.requireId()).stream().map(TeamSummary::of).toList();
    }

    /** For the audit log: the team, its organisation, and who joined or left it, as ids. */
    private void audit(Team team, String action, String detail) {
        events.publishEvent(new org.encounter.base.Audited(currentPerson.id().orElse(null), action, "team",
                team.getId().toString(), team.getOrganisation().getId(), detail));
    }

    private static Set<Long> ids(Set<Person> people) {
        return people.stream().map(Person::getId).collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }

    /** "+3,4-7": who was added and who removed; "=" when nobody was. */
    private static String changes(Set<Long> before, Set<Long> after) {
        String added = after.stream().filter(id -> !before.contains(id)).map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(","));
        String removed = before.stream().filter(id -> !after.contains(id)).map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(","));
        return (added.isEmpty() ? "" : "+" + added) + (removed.isEmpty() ? "" : "-" + removed)
                + (added.isEmpty() && removed.isEmpty() ? "=" : "");
    }

    /** People of the team's own organisation; anyone else is "not found". */
    private Set<Person> load(Set<Long> ids, Organisation organisation) {
        if (ids == null || ids.isEmpty()) {
            return Set.of();
        }
        List<Person> found = people.findAllById(ids).stream()
                .filter(p -> p.getOrganisation().getId().equals(organisation.getId())).toList();
        if (found.size() != ids.size()) {
            throw new RecordNotFound("person", ids.iterator().next());
        }
        return new HashSet<>(found);
    }

    /** A team of an organisation the signed-in admin administers; any other is "not found". */
    private Team find(long id) {
        Team team = teams.findById(id).orElseThrow(() -> new RecordNotFound("team", id));
        scope.requireAdministered("team", team.getOrganisation().getId(), id);
        return team;
    }
}
