package org.encounter.identity;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.encounter.base.InvalidInputException;
import org.encounter.base.RecordNotFound;
import org.encounter.base.Validation;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Partnerships: a platform admin creates them and names their first coordinator; a coordinator manages the members
 * and coordinators of the partnerships they coordinate, and gets "not found" for any other. Which partnerships and
 * organisations that is, {@link OrganisationScope} decides.
 */
@Service
@Transactional(readOnly = true)
@RolesAllowed({Role.Names.ADMIN, Role.Names.COORDINATOR})
public class PartnershipService {

    private final PartnershipRepository partnerships;
    private final PartnershipMemberRepository members;
    private final OrganisationRepository organisations;
    private final PersonRepository people;
    private final OrganisationScope scope;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final CurrentPerson currentPerson;

    /**
     * An organisation left a partnership: what it shared with the partnership stops being shared from now on, and
     * nothing learned before changes.
     */
    public record MemberLeft(long partnershipId, long organisationId) {
    }

    PartnershipService(PartnershipRepository partnerships, PartnershipMemberRepository members,
                       OrganisationRepository organisations, PersonRepository people, OrganisationScope scope,
                       Clock clock, org.springframework.context.ApplicationEventPublisher events,
                       CurrentPerson currentPerson) {
        this.events = events;
        this.currentPerson = currentPerson;
        this.partnerships = partnerships;
        this.members = members;
        this.organisations = organisations;
        this.people = people;
        this.scope = scope;
        this.clock = clock;
    }

    /** The partnerships the signed-in person coordinates (every one for the platform admin), by name. */
    public List<PartnershipSummary> page(String search, Pageable pageable) {
        OrganisationScope.Partnerships in = scope.coordinated();
        return partnerships.search(in.everywhere(), in.forQuery(), search == null ? "" : search.strip(),
                        Paging.allowOnly(pageable, Set.of("name"), Sort.by("name")))
                .map(PartnershipSummary::of).getContent();
    }

    /**
     * A new partnership with its first coordinator, whose organisation becomes its first member. Platform admin
     * only: a coordinator of one partnership cannot start another.
     */
    @Transactional
    @RolesAllowed(Role.Names.ADMIN)
    public PartnershipSummary create(String name, long coordinatorId) {
        String clean = Validation.clean(name);
        Validation v = Validation.start().text("name", clean, Partnership.NAME_MAX);
        v.require("name", v.hasError("name") || !partnerships.existsByNameIgnoreCase(clean), "partnership.name-taken");
        Person coordinator = people.findById(coordinatorId).filter(Person::isEnabled).orElse(null);
        v.require("coordinator", coordinator != null, "partnership.coordinator-required");
        v.check();
        Partnership partnership = new Partnership(clean, clock.instant());
        partnership.appoint(coordinator);
        partnerships.save(partnership);
        members.save(new PartnershipMember(partnership, coordinator.getOrganisation(), clock.instant()));
        audit("partnership-created", partnership.getId(), coordinator.getOrganisation().getId(),
                "coordinator=" + coordinator.getId());
        return PartnershipSummary.of(partnership);
    }

    public PartnershipDetail detail(long partnershipId) {
        Partnership partnership = coordinated(partnershipId);
        List<OrganisationSummary> current = members.current(partnershipId).stream()
                .map(m -> OrganisationSummary.of(m.getOrganisation())).toList();
        List<PersonRef> coordinators = partnership.getCoordinators().stream().map(PersonRef::of)
                .sorted(Comparator.comparing(PersonRef::displayName)).toList();
        return new PartnershipDetail(partnership.getId(), partnership.getName(), current, coordinators);
    }

    /** Organisations the signed-in person may add to the partnership (see {@link OrganisationScope#joinable()}). */
    public List<OrganisationSummary> candidates(long partnershipId, String search, Pageable pageable) {
        coordinated(partnershipId);
        OrganisationScope.Scope joinable = scope.joinable();
        return members.candidates(partnershipId, joinable.everywhere(), joinable.forQuery(),
                        search == null ? "" : search.strip(), Paging.allowOnly(pageable, Set.of("name"), Sort.by("name")))
                .map(OrganisationSummary::of).getContent();
    }

    @Transactional
    public void addMember(long partnershipId, long organisationId) {
        Partnership partnership = coordinated(partnershipId);
        if (!scope.joinable().includes(organisationId)) {
            throw new RecordNotFound("organisation", organisationId);
        }
        Organisation organisation = organisations.findById(organisationId)
                .orElseThrow(() -> new RecordNotFound("organisation", organisationId));
        if (members.existsByPartnershipIdAndOrganisationIdAndLeftAtIsNull(partnershipId, organisationId)) {
            throw new InvalidInputException("organisation", "partnership.already-member");
        }
        members.save(new PartnershipMember(partnership, organisation, clock.instant()));
        audit("partnership-member-joined", partnershipId, organisationId, "organisation=" + organisationId);
    }

    /**
     * The organisation leaves: its membership ends (kept, with the time it left) and its people stop coordinating
     * this partnership. The last coordinator's organisation cannot leave; appoint another coordinator first.
     */
    @Transactional
    public void removeMember(long partnershipId, long organisationId) {
        Partnership partnership = coordinated(partnershipId);
        PartnershipMember member = members.findByPartnershipIdAndOrganisationIdAndLeftAtIsNull(partnershipId,
                organisationId).orElseThrow(() -> new RecordNotFound("organisation", organisationId));
        List<Person> leaving = partnership.getCoordinators().stream()
                .filter(c -> c.getOrganisation().getId().equals(organisationId)).toList();
        if (leaving.size() == partnership.getCoordinators().size()) {
            throw new InvalidInputException("organisation", "partnership.last-coordinator");
        }
        leaving.forEach(partnership::dismiss);
        member.leave(clock.instant());
        events.publishEvent(new MemberLeft(partnershipId, organisationId));
        audit("partnership-member-left", partnershipId, organisationId, "organisation=" + organisationId);
    }

    /** People of the partnership's member organisations, to appoint as coordinators. */
    public List<PersonRef> coordinatorChoices(long partnershipId, String search, Pageable pageable) {
        coordinated(partnershipId);
        return members.people(partnershipId, search == null ? "" : search.strip(),
                        Paging.allowOnly(pageable, Set.of("displayName"), Sort.by("displayName")))
                .map(PersonRef::of).getContent();
    }

    /** Appoints a person of a member organisation; anyone else is "not found", as the picker never offers them. */
    @Transactional
    public void addCoordinator(long partnershipId, long personId) {
        Partnership partnership = coordinated(partnershipId);
        Person person = people.findById(personId)
                .filter(p -> p.isEnabled() && members.existsByPartnershipIdAndOrganisationIdAndLeftAtIsNull(
                        partnershipId, p.getOrganisation().getId()))
                .orElseThrow(() -> new RecordNotFound("person", personId));
        partnership.appoint(person);
        audit("partnership-coordinator-added", partnershipId, person.getOrganisation().getId(), "person=" + personId);
    }

    /** Dismisses a coordinator; a partnership always keeps at least one. */
    @Transactional
    public void removeCoordinator(long partnershipId, long personId) {
        Partnership partnership = coordinated(partnershipId);
        Person person = partnership.getCoordinators().stream().filter(p -> p.getId() == personId).findFirst()
                .orElseThrow(() -> new RecordNotFound("person", personId));
        if (partnership.getCoordinators().size() == 1) {
            throw new InvalidInputException("coordinator", "partnership.last-coordinator");
        }
        partnership.dismiss(person);
        audit("partnership-coordinator-removed", partnershipId, person.getOrganisation().getId(),
                "person=" + personId);
    }

    /**
     * For the audit log: the partnership, and the organisation the change concerns (whose admins read the entry); the
     * detail in ids.
     */
    private void audit(String action, long partnershipId, Long organisationId, String detail) {
        events.publishEvent(new org.encounter.base.Audited(currentPerson.id().orElse(null), action, "partnership",
                Long.toString(partnershipId), organisationId, detail));
    }

    private Partnership coordinated(long partnershipId) {
        scope.requireCoordinated(partnershipId);
        return partnerships.findById(partnershipId).orElseThrow(() -> new RecordNotFound("partnership", partnershipId));
    }
}
