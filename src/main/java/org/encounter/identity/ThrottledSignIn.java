package org.encounter.identity;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import org.encounter.base.ClientAddress;
import org.encounter.base.ClientRate;
import org.encounter.base.StoredText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Sign-in with a password, throttled per client address and e-mail ({@link SignInThrottle}), and per client
 * address across all e-mails: a client past {@code sign-ins-per-client-per-minute} is refused before anything
 * else, in memory, so a flood costs neither a password hash (310,000 iterations) nor a database write.
 * A refused try, a wrong password and an unknown e-mail all fail the same way. Whether the
 * account is disabled is checked only after its right password, so a stranger learns nothing
 * about it. The principal that comes out carries no password hash. A sign-in is noted on the account (when
 * inactive accounts are retired, it says who is active).
 */
@Component
class ThrottledSignIn implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(ThrottledSignIn.class);

    /** A refused try fails as a wrong password does; only the audit log ({@link SignInAudit}) tells them apart. */
    static final String TOO_MANY_TRIES = "too many tries from this client for this e-mail";
    /** As {@link #TOO_MANY_TRIES}, for a client trying too many sign-ins whatever the e-mails. */
    static final String TOO_MANY_FROM_CLIENT = "too many sign-ins from this client";

    private final DaoAuthenticationProvider passwords;
    private final SignInThrottle throttle;
    private final PersonRepository accounts;
    private final Clock clock;
    private final ClientRate perClient;
    private final int perClientLimit;
    private final AtomicLong lastFloodNote = new AtomicLong(Long.MIN_VALUE / 2);

    ThrottledSignIn(SignInService people, PasswordEncoder encoder, SignInThrottle throttle, PersonRepository accounts,
                    Clock clock,
                    @Value("${encounter.security.sign-ins-per-client-per-minute:30}") int signInsPerClientPerMinute) {
        this.throttle = throttle;
        this.perClient = new ClientRate(clock, signInsPerClientPerMinute);
        this.perClientLimit = signInsPerClientPerMinute;
        this.accounts = accounts;
        this.clock = clock;
        this.passwords = new DaoAuthenticationProvider(people);
        passwords.setPasswordEncoder(encoder);
        passwords.setUserDetailsPasswordService(people);
        // Spring checks "disabled" before the password by default, which tells a stranger the state.
        passwords.setPreAuthenticationChecks(user -> { });
        passwords.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String email = emailKey(attempt.getName());
        String client = clientKey(attempt.getDetails() instanceof WebAuthenticationDetails web
                ? web.getRemoteAddress() : null);
        if (!perClient.allow(client)) {
            noteFlood(client);
            throw new BadCredentialsException(TOO_MANY_FROM_CLIENT);
        }
        try {
            if (throttle.attempt(client, email) == SignInThrottle.Verdict.REFUSE) {
                throw new BadCredentialsException(TOO_MANY_TRIES);
            }
            Authentication checked;
            try {
                checked = passwords.authenticate(attempt);
            } catch (DisabledException rightPasswordButDisabled) {
                throttle.succeeded(client, email);
                throw rightPasswordButDisabled;
            }
            throttle.succeeded(client, email);
            EncounterUser user = (EncounterUser) checked.getPrincipal();
            accounts.recordSignIn(user.personId(), clock.instant());
            var signedIn = UsernamePasswordAuthenticationToken.authenticated(
                    user.withoutPassword(), null, checked.getAuthorities());
            signedIn.setDetails(checked.getDetails());
            return signedIn;
        } catch (DataAccessException e) {
            // The sign-in page says "could not sign you in"; the server goes on serving others.
            throw new InternalAuthenticationServiceException("sign-in failures could not be counted", e);
        }
    }

    /** One line a minute at most, however long the flood: the log must not become its amplifier. */
    private void noteFlood(String client) {
        long now = clock.millis();
        long last = lastFloodNote.get();
        if (now - last >= 60_000 && lastFloodNote.compareAndSet(last, now)) {
            log.warn("Sign-ins refused unchecked: more than {} a minute from {}", perClientLimit, client);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** The e-mail as accounts store it; anything longer than an e-mail can be is cut (it is nobody's). */
    static String emailKey(String username) {
        String email = username == null ? "" : Person.normaliseEmail(username);
        return StoredText.truncate(email, Person.EMAIL_MAX);
    }

    /** The client as the container reports it, an IPv6 client as its /64 (see {@link ClientAddress}). */
    static String clientKey(String remoteAddress) {
        return ClientAddress.network(remoteAddress);
    }
}
