package org.encounter.identity;

import org.encounter.base.RecordNotFound;

import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.time.Clock;
import org.encounter.base.InvalidInputException;
import org.encounter.base.Languages;
import org.encounter.base.NotifyPerson;
import org.encounter.base.Validation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * People: the admins' management of accounts, and each person's own profile. An admin reaches only the people of the
 * organisations {@link OrganisationScope#administered()} names; anyone else is "not found". Only a platform admin
 * grants, removes or touches the platform admin role.
 */
@Service
@Transactional(readOnly = true)
public class PersonService {

    private final PersonRepository people;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwordPolicy;
    private final SessionTerminator sessions;
    private final CurrentPerson currentPerson;
    private final SignInService signIn;
    private final SignInThrottle throttle;
    private final ApplicationEventPublisher events;
    private final OrganisationScope scope;
    private final Clock clock;

    PersonService(PersonRepository people, PasswordEncoder passwordEncoder, PasswordPolicy passwordPolicy,
                  SessionTerminator sessions, CurrentPerson currentPerson, SignInService signIn,
                  SignInThrottle throttle, ApplicationEventPublisher events, OrganisationScope scope, Clock clock) {
        this.scope = scope;
        this.people = people;
        this.passwordEncoder = passwordEncoder;
        this.passwordPolicy = passwordPolicy;
        this.sessions = sessions;
        this.currentPerson = currentPerson;
        this.signIn = signIn;
        this.throttle = throttle;
        this.events = events;
        this.clock = clock;
    }

    @RolesAllowed({Role.Names.ADMIN, Role.Names.ORG_ADMIN})
    public List<PersonSummary> page(String search, Pageable pageable) {
        Pageable page = Paging.allowOnly(pageable, Set.of("displayName", "email"), Sort.by("displayName"));
        OrganisationScope.Scope in = scope.administered();
        List<Person> found = people.search(in.everywhere(), in.forQuery(), search == null ? "" : search.strip(), page)
                .getContent();
        Map<String, Integer> failures = throttle.failuresByEmail(found.stream().map(Person::getEmail).toList());
        return found.stream().map(p -> PersonSummary.of(p, failures.getOrDefault(p.getEmail(), 0))).toList();
    }

    /** People of one administered organisation to pick from (a team's managers and members): name only. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.ORG_ADMIN})
    public List<PersonRef> choices(long organisationId, String search, Pageable pageable) {
        scope.requireAdministered("organisation", organisationId, organisationId);
        return people.search(false, List.of(organisationId), search == null ? "" : search.strip(),
                        Paging.sorted(pageable, Sort.by("displayName")))
                .map(PersonRef::of).getContent();
    }

    @RolesAllowed({Role.Names.ADMIN, Role.Names.ORG_ADMIN})
    public PersonSummary get(long id) {
        return summary(administered(id));
    }

    @RolesAllowed({Role.Names.ADMIN, Role.Names.ORG_ADMIN})
    @Transactional
    public PersonSummary update(long id, String displayName, String email, Set<Role> roles) {
        String name = Validation.clean(displayName);
        String mail = Person.normaliseEmail(email);
        Validation v = Validation.start().text("displayName", name, Person.NAME_MAX).email("email", mail)
                .require("roles", roles != null && !roles.isEmpty(), "validation.choose-one");
        v.require("email", v.hasError("email") || !people.existsByEmailAndIdNot(mail, id), "person.email-taken");
        Person person = administered(id);
        requireMayChangeAdminRole(person, roles);
        if (person.getId() == currentPerson.requireId() && roles != null
                && currentPerson.roles().stream().anyMatch(r -> isAdminRole(r) && !roles.contains(r))) {
            v.error("roles", "person.cannot-remove-own-admin");
        }
        v.check();
        boolean emailChanged = !person.getEmail().equals(mail);
        boolean rolesChanged = !person.getRoles().equals(Set.copyOf(roles));
        if (emailChanged || rolesChanged) {
            // Roles and username live in the session's principal: make them take effect now.
            sessions.endSessionsOf(person.getEmail());
        }
        Set<Role> before = Set.copyOf(person.getRoles());
        person.rename(name);
        person.changeEmail(mail);
        person.assignRoles(roles);
        if (rolesChanged) {
            audit(person, "roles-changed", "from=" + codes(before) + ";to=" + codes(roles));
        }
        return summary(person);
    }

    /** Disables the account and ends its open sessions at once. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.ORG_ADMIN})
    @Transactional
    public void disable(long id) {
        Person person = changeable(id);
        if (person.getId() == currentPerson.requireId()) {
            throw new org.encounter.base.InvalidInputException("", "person.cannot-disable-self");
        }
        person.disable();
        sessions.endSessionsOf(person.getEmail());
        audit(person, "account-disabled", null);
    }

    @RolesAllowed({Role.Names.ADMIN, Role.Names.ORG_ADMIN})
    @Transactional
    public void enable(long id) {
        Person person = changeable(id);
        person.enable();
        audit(person, "account-enabled", null);
    }

    @PreAuthorize("isAuthenticated()")
    public Profile myProfile() {
        Person p = find(currentPerson.requireId());
        return new Profile(p.getId(), p.getDisplayName(), p.getRegisteredName(), p.getRequestedName(), p.getEmail(),
                p.getLanguage(), p.getRoles());
    }

    /**
     * Asks an admin to change the signed-in person's registered name (the one certificates print). Nothing changes
     * until an admin confirms; a new request replaces an open one.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public Profile requestMyRegisteredName(String name) {
        String clean = Validation.clean(name);
        Person person = find(currentPerson.requireId());
        Validation v = Validation.start().text("registeredName", clean, Person.NAME_MAX);
        v.require("registeredName", v.hasError("registeredName") || !clean.equals(person.getRegisteredName()),
                "registered-name.same").check();
        person.requestRegisteredName(clean, clock.instant());
        return myProfile();
    }

    /** Sets a person's registered name; settles any request they had open. Issued certificates keep their name. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.ORG_ADMIN})
    @Transactional
    public PersonSummary register(long id, String registeredName) {
        String clean = Validation.clean(registeredName);
        Validation.start().text("registeredName", clean, Person.NAME_MAX).check();
        Person person = changeable(id);
        person.register(clean);
        return summary(person);
    }

    /** Open requests for another registered name, oldest first. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.ORG_ADMIN})
    public List<NameRequest> nameRequests(Pageable pageable) {
        OrganisationScope.Scope in = scope.administered();
        return people.findWithNameRequest(in.everywhere(), in.forQuery(),
                        Paging.sorted(pageable, Sort.by("nameRequestedAt", "id")))
                .map(NameRequest::of).getContent();
    }

    @RolesAllowed({Role.Names.ADMIN, Role.Names.ORG_ADMIN})
    public long countNameRequests() {
        OrganisationScope.Scope in = scope.administered();
        return people.countWithNameRequest(in.everywhere(), in.forQuery());
    }

    /**
     * Confirms the name the admin saw in the request ({@code seenName}): if the person changed or withdrew the
     * request since, nothing changes and the admin is told.
     */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.ORG_ADMIN})
    @Transactional
    public void confirmNameRequest(long id, String seenName) {
        Person person = openRequest(id, seenName);
        String name = person.getRequestedName();
        person.register(name);
        tell(person, "notify.registered-name-confirmed", name);
    }

    @RolesAllowed({Role.Names.ADMIN, Role.Names.ORG_ADMIN})
    @Transactional
    public void declineNameRequest(long id, String seenName) {
        Person person = openRequest(id, seenName);
        String name = person.getRequestedName();
        person.declineNameRequest();
        tell(person, "notify.registered-name-declined", name);
    }

    private Person openRequest(long id, String seenName) {
        Person person = changeable(id);
        if (person.getRequestedName() == null || !person.getRequestedName().equals(seenName)) {
            throw new InvalidInputException("", "registered-name.request-changed");
        }
        return person;
    }

    private void tell(Person person, String messageKey, String name) {
        events.publishEvent(new NotifyPerson(person.getId(), "registered-name", "registered-name:" + person.getId()
                + ":" + clock.millis(), messageKey, List.of(name), "profile"));
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional
    public Profile updateMyProfile(String displayName, String language) {
        String name = Validation.clean(displayName);
        Validation.start().text("displayName", name, Person.NAME_MAX)
                .require("language", language == null || Languages.isSupported(language), "validation.choose-one")
                .check();
        Person person = find(currentPerson.requireId());
        person.rename(name);
        person.changeLanguage(language);
        refreshPrincipal(person);
        return myProfile();
    }

    /** Also ends the person's other sessions; this one stays, under a new id. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void changeMyPassword(String currentPassword, String newPassword) {
        Person person = find(currentPerson.requireId());
        Validation v = Validation.start()
                .require("currentPassword", currentPassword != null
                        && passwordEncoder.matches(currentPassword, person.getPasswordHash()), "password.current-wrong");
        passwordPolicy.problem(newPassword).ifPresent(key -> v.error("newPassword", key));
        v.check();
        person.changePasswordHash(passwordEncoder.encode(newPassword));
        String email = person.getEmail();
        // Only once the new hash is stored: a change that fails to commit ends nobody's session.
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                sessions.endOtherSessionsOf(email);
            }
        });
    }

    /** Puts the changed name and language into the session's principal (which holds no hash). */
    private void refreshPrincipal(Person person) {
        var old = SecurityContextHolder.getContext().getAuthentication();
        EncounterUser user = signIn.principal(person);
        var updated = UsernamePasswordAuthenticationToken.authenticated(user, null, old.getAuthorities());
        updated.setDetails(old.getDetails());
        SecurityContextHolder.getContext().setAuthentication(updated);
    }

    private PersonSummary summary(Person person) {
        return PersonSummary.of(person, throttle.failuresByEmail(List.of(person.getEmail()))
                .getOrDefault(person.getEmail(), 0));
    }

    /** Anyone, for the person's own profile. */
    private Person find(long id) {
        return people.findById(id).orElseThrow(() -> new RecordNotFound("person", id));
    }

    /** A person the signed-in admin administers; anyone else is "not found", as if they did not exist. */
    private Person administered(long id) {
        Person person = find(id);
        scope.requireAdministered("person", person.getOrganisation().getId(), id);
        return person;
    }

    /** A person the signed-in admin administers and may change: a platform admin's account only by a platform admin. */
    private Person changeable(long id) {
        Person person = administered(id);
        requireMayChangeAdminRole(person, null);
        return person;
    }

    /**
     * The platform admin role is the platform's: an organisation admin may neither grant it nor change the account
     * of someone who holds it (disable, rename, take the role away), so nobody climbs out of their organisation.
     */
    private void requireMayChangeAdminRole(Person person, Set<Role> newRoles) {
        if (currentPerson.has(Role.ADMIN)) {
            return;
        }
        if (person.getRoles().contains(Role.ADMIN) || newRoles != null && newRoles.contains(Role.ADMIN)) {
            throw new InvalidInputException("roles", "person.platform-admin-only");
        }
    }

    /** For the audit log: who did it to whom, in which organisation; the detail in codes only. */
    private void audit(Person person, String action, String detail) {
        events.publishEvent(new org.encounter.base.Audited(currentPerson.id().orElse(null), action, "person",
                Long.toString(person.getId()), person.getOrganisation().getId(), detail));
    }

    private static String codes(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(java.util.stream.Collectors.joining(","));
    }

    private static boolean isAdminRole(Role role) {
        return role == Role.ADMIN || role == Role.ORG_ADMIN;
    }
}
