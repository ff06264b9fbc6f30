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
 * Everyone works with their own organisation (pickers, sharing); when partnerships are modelled, their member
 * organisations join {@link #worksWith()} here, and only here.
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

    private final PersonRepository people;
    private final CurrentPerson currentPerson;

    OrganisationScope(PersonRepository people, CurrentPerson currentPerson) {
        this.people = people;
        this.currentPerson = currentPerson;
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
     * The organisations the signed-in person works with (pickers of co-authors, set members, co-facilitators): their
     * own. Every account belongs to the organisation whose admin invited it — a young author's too (the youth
     * council, or the service that runs the co-design with them), so that is where the people they write and
     * co-facilitate with are. Empty when nobody is signed in.
     */
    public Set<Long> worksWith() {
        return currentPerson.id().flatMap(people::findById).map(p -> Set.of(p.getOrganisation().getId()))
                .orElse(Set.of());
    }

    /** Fails with "not found" when the organisation is not one the signed-in person administers. */
    public void requireAdministered(String kind, Long organisationId, long recordId) {
        if (!administered().includes(organisationId)) {
            throw new RecordNotFound(kind, recordId);
        }
    }
}
