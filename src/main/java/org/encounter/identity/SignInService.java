package org.encounter.identity;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads people for sign-in and counts failed attempts: after {@code max-failed-sign-ins} in a
 * row the account is locked for {@code lock-duration}, which the login page explains.
 */
@Service
class SignInService implements UserDetailsService {

    private final PersonRepository people;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockDuration;

    SignInService(PersonRepository people, Clock clock,
                  @Value("${encounter.security.max-failed-sign-ins}") int maxFailures,
                  @Value("${encounter.security.lock-duration}") Duration lockDuration) {
        this.people = people;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockDuration = lockDuration;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        Person person = people.findByEmail(Person.normaliseEmail(username))
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        return toUser(person);
    }

    EncounterUser toUser(Person person) {
        return new EncounterUser(person.getId(), person.getEmail(), person.getPasswordHash(), person.getDisplayName(),
                person.getLanguage(), person.isEnabled(), !person.isLocked(clock.instant()),
                person.getRoles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
    }

    @EventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof String username) {
            people.findByEmail(Person.normaliseEmail(username))
                    .ifPresent(p -> p.recordFailedSignIn(clock.instant(), maxFailures, lockDuration));
        }
    }

    @EventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof EncounterUser user) {
            people.findById(user.personId()).filter(p -> p.getFailedSignIns() > 0 || p.getLockedUntil() != null)
                    .ifPresent(Person::recordSuccessfulSignIn);
        }
    }
}
