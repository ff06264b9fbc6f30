package org.encounter.identity;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import org.encounter.base.InvalidInputException;
import org.encounter.base.Languages;
import org.encounter.base.Validation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first administrator of an installation. On a database without people the app logs a setup link
 * (see {@link SetupLink}); whoever opens it creates the first organisation and its admin account. The
 * token has 256 random bits and only its SHA-256 hash is stored; a link expires and works once, and once
 * anyone has been set up no link works at all. Nothing else creates an admin on an empty installation.
 */
@Service
@Transactional(readOnly = true)
public class SetupService {

    public enum Status { OPEN, UNKNOWN, EXPIRED, USED, DONE }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final OrganisationRepository organisations;
    private final PersonRepository people;
    private final PasswordPolicy passwordPolicy;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final Duration validity;
    private final org.springframework.context.ApplicationEventPublisher events;

    SetupService(JdbcTemplate jdbc, OrganisationRepository organisations, PersonRepository people,
                 PasswordPolicy passwordPolicy, PasswordEncoder passwordEncoder, Clock clock,
                 @Value("${encounter.setup.validity:24h}") Duration validity,
                 org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.people = people;
        this.passwordPolicy = passwordPolicy;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.validity = validity;
    }

    /** Whether the installation still waits for its first administrator. */
    public boolean needed() {
        return people.count() == 0 && !Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT set_up_at IS NOT NULL FROM installation WHERE id = 1", Boolean.class));
    }

    /** A new setup token (the caller shows it once), valid for {@code encounter.setup.validity}. */
    @Transactional
    String issue() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        jdbc.update("INSERT INTO setup_token (token_hash, created_at, expires_at) VALUES (?, ?, ?)",
                InvitationService.hash(token), Timestamp.from(now), Timestamp.from(now.plus(validity)));
        return token;
    }

    public Duration validity() {
        return validity;
    }

    /** What the link offers, for the page it opens; anyone holding the link may ask. */
    public Status status(String token) {
        if (!needed()) {
            return Status.DONE;
        }
        if (!plausible(token)) {
            return Status.UNKNOWN;
        }
        List<Status> found = jdbc.query("SELECT used_at, expires_at FROM setup_token WHERE token_hash = ?",
                (rs, n) -> rs.getTimestamp("used_at") != null ? Status.USED
                        : rs.getTimestamp("expires_at").toInstant().isAfter(clock.instant()) ? Status.OPEN : Status.EXPIRED,
                InvitationService.hash(token));
        return found.isEmpty() ? Status.UNKNOWN : found.getFirst();
    }

    /** Creates the first organisation and its administrator; returns the new person's id. */
    @Transactional
    public long createFirstAdmin(String token, String organisationName, String displayName, String email,
                                 String password, String language) {
        Status status = status(token);
        if (status != Status.OPEN) {
            throw new InvalidInputException("", "setup.not-open." + status.name().toLowerCase());
        }
        String organisation = Validation.clean(organisationName);
        String name = Validation.clean(displayName);
        String mail = Person.normaliseEmail(email);
        Validation v = Validation.start().text("organisation", organisation, Organisation.NAME_MAX)
                .text("displayName", name, Person.NAME_MAX).email("email", mail)
                .require("language", language == null || Languages.isSupported(language), "validation.choose-one");
        passwordPolicy.problem(password).ifPresent(key -> v.error("password", key));
        v.check();

        Instant now = clock.instant();
        // Both claims are single conditional UPDATEs: of two requests with the same link, or with two links at
        // once, exactly one gets a row; the other finds nothing to claim and creates nothing.
        int tokenClaimed = jdbc.update("UPDATE setup_token SET used_at = ? WHERE token_hash = ? AND used_at IS NULL"
                + " AND expires_at > ?", Timestamp.from(now), InvitationService.hash(token), Timestamp.from(now));
        int installationClaimed = tokenClaimed == 0 ? 0 : jdbc.update("UPDATE installation SET set_up_at = ?"
                + " WHERE id = 1 AND set_up_at IS NULL AND NOT EXISTS (SELECT 1 FROM person)", Timestamp.from(now));
        if (installationClaimed == 0) {
            throw new InvalidInputException("", tokenClaimed == 0 ? "setup.not-open.used" : "setup.not-open.done");
        }
        Organisation org = organisations.save(new Organisation(organisation, now));
        // The first admin registers their own name: there is nobody else yet to set it.
        Person admin = new Person(org, mail, name, name, passwordEncoder.encode(password), now);
        admin.assignRoles(EnumSet.of(Role.ADMIN));
        admin.changeLanguage(language);
        people.save(admin);
        events.publishEvent(new org.encounter.base.Audited(admin.getId(), "first-admin-set-up", "person",
                admin.getId().toString(), org.getId(), null));
        return admin.getId();
    }

    private static boolean plausible(String token) {
        return token != null && token.length() >= 20 && token.length() <= 100;
    }
}
