package org.encounter.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Names of people for other features (credits, comments, pickers): display names only, nothing private. */
@Service
@Transactional(readOnly = true)
public class PersonDirectory {

    private final PersonRepository people;
    private final OrganisationScope scope;

    PersonDirectory(PersonRepository people, OrganisationScope scope) {
        this.people = people;
        this.scope = scope;
    }

    public Map<Long, String> displayNames(Collection<Long> ids) {
        return people.findAllById(ids).stream().collect(Collectors.toMap(Person::getId, Person::getDisplayName));
    }

    public Optional<PersonRef> find(long id) {
        return people.findById(id).map(PersonRef::of);
    }

    /**
     * People the signed-in person may pick (a co-author, set members, a co-facilitator): enabled people of the
     * organisations the picker works with whose display name holds the text (at least three letters), holding
     * {@code role} when one is given. Never matched on e-mail addresses, never across the platform.
     */
    @PreAuthorize("isAuthenticated()")
    public List<PersonRef> pickable(String text, Role role, int limit) {
        if (text == null || text.strip().length() < 3) {
            return List.of();
        }
        return pick(worksWith(), text, role, limit);
    }

    /** Of these people, the ones the signed-in person may pick: how a service checks ids that came from a browser. */
    @PreAuthorize("isAuthenticated()")
    public java.util.Set<Long> mayPick(Collection<Long> ids) {
        return allowed(ids, worksWith());
    }

    /**
     * As {@link #pickable}, across the organisations the signed-in person may bring together with their own (a mixed
     * set): {@link OrganisationScope#bringsTogether()} decides which. Display names only, never an organisation.
     */
    @PreAuthorize("isAuthenticated()")
    public List<PersonRef> pickableAcrossPartners(String text, Role role, int limit) {
        if (text == null || text.strip().length() < 3) {
            return List.of();
        }
        return pick(scope.bringsTogether(), text, role, limit);
    }

    /** Of these people, the ones {@link #pickableAcrossPartners} could have offered: checks ids from a browser. */
    @PreAuthorize("isAuthenticated()")
    public java.util.Set<Long> mayPickAcrossPartners(Collection<Long> ids) {
        return allowed(ids, scope.bringsTogether());
    }

    /**
     * E-mail addresses of those of these people who work in the signed-in person's own organisation: a partner
     * organisation's staff met in a mixed set are named, never given out.
     */
    @PreAuthorize("isAuthenticated()")
    public Map<Long, String> colleagueEmails(Collection<Long> ids) {
        Collection<Long> organisations = worksWith();
        return people.findAllById(ids).stream().filter(p -> organisations.contains(p.getOrganisation().getId()))
                .collect(Collectors.toMap(Person::getId, Person::getEmail));
    }

    private List<PersonRef> pick(Collection<Long> organisations, String text, Role role, int limit) {
        if (organisations.isEmpty()) {
            return List.of();
        }
        return people.findPickable(organisations, text.strip(), role,
                PageRequest.of(0, Math.max(1, Math.min(limit, 20)), Sort.by("displayName", "id")))
                .map(PersonRef::of).toList();
    }

    private java.util.Set<Long> allowed(Collection<Long> ids, Collection<Long> organisations) {
        return people.findAllById(ids).stream().filter(p -> p.isEnabled()
                && organisations.contains(p.getOrganisation().getId())).map(Person::getId).collect(Collectors.toSet());
    }

    /** The organisations the signed-in person works with, as {@link OrganisationScope} decides. */
    private Collection<Long> worksWith() {
        return scope.worksWith();
    }

    /**
     * Each of these people's organisation, server side: for asking whether something of another feature (a set's
     * module) reaches where they work. Never shown; a screen names people, not their organisations.
     */
    public Map<Long, Long> organisationsOf(Collection<Long> ids) {
        return people.findAllById(ids).stream().collect(Collectors.toMap(Person::getId,
                p -> p.getOrganisation().getId()));
    }

    /** The name a certificate states (the registered one, never the display name), with the person's organisation. */
    public Optional<Registered> registered(long id) {
        return people.findById(id).map(p -> new Registered(p.getRegisteredName(), p.getOrganisation().getId(),
                p.getOrganisation().getName()));
    }

    public record Registered(String name, long organisationId, String organisation) {
    }

    /** E-mail addresses by id, server side: for a manager's exports, after the service checked they may follow them. */
    public Map<Long, String> emails(Collection<Long> ids) {
        return people.findAllById(ids).stream().collect(Collectors.toMap(Person::getId, Person::getEmail));
    }

    /** Where and in which language to write to someone (server side only: e-mail notifications). */
    @Transactional(readOnly = true)
    public Optional<Contact> contact(long id) {
        return people.findById(id).filter(Person::isEnabled)
                .map(p -> new Contact(p.getEmail(), p.getDisplayName(), p.getLanguage(), p.getOrganisation().getName()));
    }

    public record Contact(String email, String displayName, String language, String organisation) {
    }

    /** Of these people, the enabled ones who hold the role: for checking who may join or co-run something. */
    public java.util.Set<Long> having(Collection<Long> ids, Role role) {
        return people.findAllById(ids).stream().filter(p -> p.isEnabled() && p.getRoles().contains(role))
                .map(Person::getId).collect(Collectors.toSet());
    }

    /**
     * Everyone enabled who holds the role in an organisation that works with this one (itself, or a current partner,
     * as {@link OrganisationScope#partnersOf} decides): the curator panel that is told when one of its modules waits.
     */
    public java.util.Set<Long> holdingAround(Role role, long organisationId) {
        return java.util.Set.copyOf(people.findEnabledIdsHoldingIn(role, scope.partnersOf(organisationId)));
    }

    /** Server-side look-up (e.g. seeding the demo world); never exposed to a browser. */
    public Optional<Long> idByEmail(String email) {
        return people.findByEmail(Person.normaliseEmail(email)).map(Person::getId);
    }
}
