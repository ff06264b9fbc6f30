package org.encounter.identity;

import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.encounter.base.RecordNotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admin's view of failed sign-ins to an account: which clients failed how often and which of
 * them must wait, and the means to let them all try again at once (it replaces "unlock"). Only for accounts of
 * organisations the admin administers ({@link OrganisationScope}).
 */
@Service
@Transactional(readOnly = true)
public class SignInFailureService {

    private final PersonRepository people;
    private final SignInThrottle throttle;
    private final OrganisationScope scope;
    private final CurrentPerson currentPerson;
    private final org.springframework.context.ApplicationEventPublisher events;

    SignInFailureService(PersonRepository people, SignInThrottle throttle, OrganisationScope scope,
                         CurrentPerson currentPerson, org.springframework.context.ApplicationEventPublisher events) {
        this.people = people;
        this.throttle = throttle;
        this.scope = scope;
        this.currentPerson = currentPerson;
        this.events = events;
    }

    @RolesAllowed({Role.Names.ADMIN, Role.Names.ORG_ADMIN})
    public List<SignInFailure> of(long personId) {
        return throttle.of(emailOf(personId));
    }

    /** Forgets every client's failures for this account; answers how many clients were cleared. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.ORG_ADMIN})
    @Transactional
    public int clear(long personId) {
        Person person = administered(personId);
        int cleared = throttle.clear(person.getEmail());
        events.publishEvent(new org.encounter.base.Audited(currentPerson.id().orElse(null), "sign-ins-unlocked", "person",
                Long.toString(personId), person.getOrganisation().getId(), "clients=" + cleared));
        return cleared;
    }

    private String emailOf(long personId) {
        return administered(personId).getEmail();
    }

    private Person administered(long personId) {
        Person person = people.findById(personId).orElseThrow(() -> new RecordNotFound("person", personId));
        scope.requireAdministered("person", person.getOrganisation().getId(), personId);
        return person;
    }
}
