package org.encounter.identity;

import org.encounter.base.Audited;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Sign-ins and failed sign-ins for the audit log, from Spring Security's own events (the password check publishes
 * them). Never the password, nor the e-mail address typed: a failure names the account it was for, or only "an
 * account" when no account has that address. Failures are told apart here, for admins, though the person signing in
 * sees them all alike: a wrong password, too many tries from their network, a disabled account.
 */
@Component
class SignInAudit {

    private final PersonDirectory people;
    private final OrganisationScope organisations;
    private final ApplicationEventPublisher events;

    SignInAudit(PersonDirectory people, OrganisationScope organisations, ApplicationEventPublisher events) {
        this.people = people;
        this.organisations = organisations;
        this.events = events;
    }

    @EventListener
    void signedIn(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof EncounterUser user) {
            events.publishEvent(new Audited(user.personId(), "sign-in", "person", Long.toString(user.personId()),
                    organisations.organisationOf(user.personId()).orElse(null), null));
        }
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String reason = switch (event.getException()) {
            case DisabledException disabled -> "disabled";
            case BadCredentialsException wrong when ThrottledSignIn.TOO_MANY_TRIES.equals(wrong.getMessage()) ->
                    "too-many-tries";
            // A flood is refused without a write, or each refused try would cost one; ThrottledSignIn logs it.
            case BadCredentialsException flood when ThrottledSignIn.TOO_MANY_FROM_CLIENT.equals(flood.getMessage()) ->
                    null;
            case BadCredentialsException wrong -> "wrong-password";
            default -> null;
        };
        if (reason == null) {
            // The check itself failed (the database is away), or a flood was turned away: no password was tried.
            return;
        }
        Long personId = people.idByEmail(ThrottledSignIn.emailKey(event.getAuthentication().getName())).orElse(null);
        if (personId == null) {
            events.publishEvent(new Audited(null, "sign-in-failed", "account", null, null, reason));
        } else {
            events.publishEvent(new Audited(null, "sign-in-failed", "person", personId.toString(),
                    organisations.organisationOf(personId).orElse(null), reason));
        }
    }
}
