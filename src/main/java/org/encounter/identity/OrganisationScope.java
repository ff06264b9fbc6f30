package org.encounter.identity;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.encounter.base.RecordNotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one place that says which organisations the signed-in person may see; every feature asks here and none writes
 * its own organisation filter. The rule: a platform admin ({@link Role#ADMIN}) administers every organisation; an
 * organisation admin ({@link Role#ORG_ADMIN}) administers their own organisation only; nobody else administers any.
 * Everyone works with their own organisation (pickers, sharing).
 *
 * <p>Partnerships are decided here too. A platform admin coordinates every partnership; anyone else coordinates the
 * partnerships that name them coordinator while their organisation is a current member ({@link #coordinated()}).
 * {@link #partners()} is the organisations that share a current partnership with the person's own; features that
 * learn together (shared catalogue, mixed sets) will widen what they show through it, here and only here.
 * {@link #joinable()} is the organisations a person may bring into a partnership they coordinate.
 */
@Service
@Transactional(readOnly = true)
public class OrganisationScope {

    /** Organisations as a filter: {@code everywhere}, or exactly {@code organisations} (possibly none). */
    public record Scope(boolean everywhere, Set<Long> organisations) {

        public Scope {
            organisations = Set.copyOf(organisations);
        }

        static final Scope NONE = new Scope(false, Set.of());

        public boolean includes(Long organisationId) {
            return everywhere || organisationId != null && organisations.contains(organisationId);
        }

        /** For a query's {@code in} list, which may not be empty: an id no organisation has stands in for none. */
        public Collection<Long> forQuery() {
            return organisations.isEmpty() ? List.of(-1L) : organisations;
        }
    }

    /** Partnerships as a filter: {@code everywhere}, or exactly {@code partnerships} (possibly none). */
    public record Partnerships(boolean everywhere, Set<Long> partnerships) {

        public Partnerships {
            partnerships = Set.copyOf(partnerships);
        }

        public boolean includes(Long partnershipId) {
            return everywhere || partnershipId != null && partnerships.contains(partnershipId);
        }

        /** For a query's {@code in} list, which may not be empty: an id no partnership has stands in for none. */
        public Collection<Long> forQuery() {
            return partnerships.isEmpty() ? List.of(-1L) : partnerships;
        }
    }

    private final PersonRepository people;
    private final CurrentPerson currentPerson;
    private final PartnershipRepository partnerships;
    private final PartnershipMemberRepository members;

    OrganisationScope(PersonRepository people, CurrentPerson currentPerson, PartnershipRepository partnerships,
                      PartnershipMemberRepository members) {
        this.people = people;
        this.currentPerson = currentPerson;
        this.partnerships = partnerships;
        this.members = members;
    }

    /** The organisations whose people, teams, invitations, certificates and reports the signed-in person manages. */
    public Scope administered() {
        if (currentPerson.has(Role.ADMIN)) {
            return new Scope(true, Set.of());
        }
        if (currentPerson.has(Role.ORG_ADMIN)) {
            return new Scope(false, Set.copyOf(worksWith()));
        }
        return Scope.NONE;
    }

    /**
     * The organisations the signed-in person works with (the co-author picker; a mixed set reaches further, through
     * {@link #bringsTogether()}): their own. Every account belongs to the organisation whose admin invited it — a
     * young author's too (the youth council, or the service that runs the co-design with them), so that is where the
     * people they write with are. Empty when nobody is signed in.
     */
    public Set<Long> worksWith() {
        return currentPerson.id().flatMap(people::findById).map(p -> Set.of(p.getOrganisation().getId()))
                .orElse(Set.of());
    }

    /**
     * The organisations whose people the signed-in person may bring together with their own (a mixed action-learning
     * set's members and co-facilitator): those of {@link #partners()}, so nobody from outside a current partnership of
     * their organisation. Empty when nobody is signed in.
     */
    public Set<Long> bringsTogether() {
        return partners();
    }

    /**
     * The partnerships the organisation was a member of at that instant, whoever asks: what a certificate records as
     * the partnership a module came through, so a later departure changes nothing it says.
     */
    public Set<Long> partnershipsAt(long organisationId, java.time.Instant at) {
        return Set.copyOf(members.membershipsAt(organisationId, at));
    }

    /** Fails with "not found" when the organisation is not one the signed-in person administers. */
    public void requireAdministered(String kind, Long organisationId, long recordId) {
        if (!administered().includes(organisationId)) {
            throw new RecordNotFound(kind, recordId);
        }
    }

    /** Whether every one of these people belongs to an organisation the signed-in person administers. */
    public boolean administersEveryone(Collection<Long> personIds) {
        Scope in = administered();
        if (in.organisations().isEmpty() && !in.everywhere()) {
            return false;
        }
        var found = people.findAllById(Set.copyOf(personIds));
        return found.size() == Set.copyOf(personIds).size()
                && found.stream().allMatch(p -> in.includes(p.getOrganisation().getId()));
    }

    /**
     * The partnerships whose members and coordinators the signed-in person manages: every one for a platform admin;
     * for anyone else those they are coordinator of while their organisation is a member (an organisation that
     * leaves takes its coordinators' say with it, without deleting who they were).
     */
    public Partnerships coordinated() {
        if (currentPerson.has(Role.ADMIN)) {
            return new Partnerships(true, Set.of());
        }
        return new Partnerships(false, currentPerson.id().map(partnerships::coordinatedBy).orElse(Set.of()));
    }

    /** Fails with "not found" when the partnership is not one the signed-in person coordinates. */
    public void requireCoordinated(long partnershipId) {
        if (!coordinated().includes(partnershipId)) {
            throw new RecordNotFound("partnership", partnershipId);
        }
    }

    /**
     * The organisations that share a current partnership with the signed-in person's own, their own included; just
     * their own when it is in none, nothing when nobody is signed in.
     */
    public Set<Long> partners() {
        return worksWith().stream().flatMap(organisation -> partnersOf(organisation).stream())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /**
     * The partnerships the signed-in person's own organisation is a current member of: what the shared catalogue
     * shows them beside their own organisation's modules. Nothing when nobody is signed in.
     */
    public Set<Long> memberships() {
        return worksWith().stream().flatMap(organisation -> membershipsOf(organisation).stream())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /**
     * Where the signed-in person learns from: modules hosted by their own organisation, and modules shared with a
     * partnership their organisation is a current member of. Leaving a partnership ends the second at once.
     */
    public record Learning(boolean everywhere, Set<Long> organisations, Set<Long> partnerships) {

        public Learning {
            organisations = Set.copyOf(organisations);
            partnerships = Set.copyOf(partnerships);
        }

        public Collection<Long> organisationsForQuery() {
            return organisations.isEmpty() ? List.of(-1L) : organisations;
        }

        public Collection<Long> partnershipsForQuery() {
            return partnerships.isEmpty() ? List.of(-1L) : partnerships;
        }
    }

    /** The platform's own work (the demo world, say) learns from everywhere: it acts for no person. */
    public Learning learnsFrom() {
        if (org.encounter.base.SystemAccess.isSystem()) {
            return new Learning(true, Set.of(), Set.of());
        }
        return new Learning(false, worksWith(), memberships());
    }

    /**
     * The partnerships into which the signed-in person may share their organisation's modules, and stop sharing
     * them: those they coordinate (every one for the platform admin), and, for an organisation admin, the current
     * partnerships of the organisation they run.
     */
    public Partnerships sharesInto() {
        Partnerships coordinated = coordinated();
        if (coordinated.everywhere() || !currentPerson.has(Role.ORG_ADMIN)) {
            return coordinated;
        }
        Set<Long> both = new java.util.HashSet<>(coordinated.partnerships());
        both.addAll(memberships());
        return new Partnerships(false, both);
    }

    /**
     * Whether the signed-in person may share this organisation's module with the partnership: the partnership is one
     * they share into ({@link #sharesInto()}), the organisation is a current member of it, and an organisation admin
     * who does not coordinate it shares only their own organisation's modules.
     */
    public boolean mayShare(long partnershipId, long organisationId) {
        if (!sharesInto().includes(partnershipId) || !isCurrentMember(partnershipId, organisationId)) {
            return false;
        }
        return coordinated().includes(partnershipId) || administered().includes(organisationId);
    }

    /**
     * The people who coordinate the partnership now (whoever asks): whom a feature tells about the partnership's
     * business, such as a declined exchange pair. Never shown as a list.
     */
    public Set<Long> coordinatorsOf(long partnershipId) {
        return Set.copyOf(partnerships.currentCoordinators(partnershipId));
    }

    /** Whether the organisation is a current member of the partnership. */
    public boolean isCurrentMember(long partnershipId, long organisationId) {
        return members.findByPartnershipIdAndOrganisationIdAndLeftAtIsNull(partnershipId, organisationId).isPresent();
    }

    /** The partnership's current member organisations. */
    public Set<Long> currentMembers(long partnershipId) {
        return members.current(partnershipId).stream().map(m -> m.getOrganisation().getId())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** The organisations that share a current partnership with this one, itself always included. */
    public Set<Long> partnersOf(long organisationId) {
        Set<Long> partners = new java.util.HashSet<>(members.partnersOf(organisationId));
        partners.add(organisationId);
        return Set.copyOf(partners);
    }

    /**
     * The partnerships this organisation is a current member of: whose induction pathways greet its new starters.
     * Asked for a person who has just joined, by the platform's own work, so it needs nobody signed in.
     */
    public Set<Long> membershipsOf(long organisationId) {
        return Set.copyOf(members.membershipsOf(organisationId));
    }

    /**
     * The organisations the signed-in person may bring into a partnership they coordinate. Joining opens an
     * organisation's aggregates to the partnership's coordinators, so only the platform admin, who acts on the
     * organisation's own agreement, brings in an organisation from anywhere. A coordinator may bring back a former
     * member, or an organisation from another partnership they coordinate; they cannot list, probe or add any other.
     */
    public Scope joinable() {
        Partnerships coordinated = coordinated();
        if (coordinated.everywhere()) {
            return new Scope(true, Set.of());
        }
        if (coordinated.partnerships().isEmpty()) {
            return Scope.NONE;
        }
        return new Scope(false, members.everMembersOf(coordinated.partnerships()));
    }

    /**
     * The organisation a person belongs to now; for attributing what they do (an answer's release scope, a
     * completion's tally) to an organisation, never for showing the person.
     */
    public java.util.Optional<Long> organisationOf(long personId) {
        return people.findById(personId).map(p -> p.getOrganisation().getId());
    }
}
