package org.encounter.identity;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the privacy feature asks identity about the person whose data is exported or erased: who they are, whether
 * someone may act for their erasure (scope is decided here, as everywhere), who has been inactive, and whether they
 * are erased. Erasing the account itself is {@code IdentityPersonalData}'s work.
 */
@Service
@Transactional(readOnly = true)
public class PrivacySubjects {

    /** What an erased person's display and registered names become: neutral, and no part of the old name. */
    public static final String ERASED_NAME = "Erased person";

    /**
     * The person as export and erasure need them.
     *
     * @param requestedName the registered name they asked for and no admin has decided yet, or null
     * @param erased        their data has been erased: the names and e-mail here are the neutral ones
     */
    public record Subject(long id, String displayName, String registeredName, String requestedName, String email,
                          long organisationId, String language, boolean erased) {

        /**
         * Every name and the address the person went by here, longest first (so a full name is replaced before a
         * first name inside it): what must not remain in any column once they are erased.
         */
        public List<String> identifiers() {
            return Stream.of(registeredName, displayName, requestedName, email).filter(Objects::nonNull)
                    .map(String::strip).filter(s -> !s.isEmpty()).distinct()
                    .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        }
    }

    private final JdbcTemplate jdbc;
    private final PersonRepository people;
    private final CurrentPerson currentPerson;
    private final OrganisationScope scope;
    private final SessionTerminator sessions;

    PrivacySubjects(JdbcTemplate jdbc, PersonRepository people, CurrentPerson currentPerson, OrganisationScope scope,
                    SessionTerminator sessions) {
        this.jdbc = jdbc;
        this.people = people;
        this.currentPerson = currentPerson;
        this.scope = scope;
        this.sessions = sessions;
    }

    /** The person, for the platform's own export and erasure work only. */
    @PreAuthorize("hasAuthority('SYSTEM')")
    public Optional<Subject> subject(long personId) {
        return jdbc.query("""
                select id, display_name, registered_name, requested_name, email, organisation_id, language,
                       erased_at is not null as erased
                  from person where id = ?""", (rs, i) -> new Subject(rs.getLong("id"), rs.getString("display_name"),
                rs.getString("registered_name"), rs.getString("requested_name"), rs.getString("email"),
                rs.getLong("organisation_id"), rs.getString("language"), rs.getBoolean("erased")), personId)
                .stream().findFirst();
    }

    /**
     * Whether the person's data has been erased; false for an id nobody has. Anyone may ask (the public verification
     * page does, to say "issued to a person whose data has been erased"): it tells nothing about who they were.
     */
    public boolean isErased(long personId) {
        return Boolean.TRUE.equals(jdbc.query("select erased_at is not null from person where id = ?",
                rs -> rs.next() ? rs.getBoolean(1) : null, personId));
    }

    /**
     * Whether the signed-in person may ask for this person's erasure or act on their request: the person themself,
     * the platform admin, or an admin of the person's organisation ({@link OrganisationScope#administered()}). An
     * organisation admin never acts for a platform admin, as they may not change a platform admin's account.
     */
    @PreAuthorize("isAuthenticated()")
    public boolean mayActForErasure(long personId) {
        Optional<Person> found = people.findById(personId);
        if (found.isEmpty()) {
            return false;
        }
        if (currentPerson.id().filter(me -> me == personId).isPresent()) {
            return true;
        }
        Person person = found.get();
        if (!scope.administered().includes(person.getOrganisation().getId())) {
            return false;
        }
        return currentPerson.has(Role.ADMIN) || !person.getRoles().contains(Role.ADMIN);
    }

    /**
     * Enabled people, not erased, who have not signed in since {@code cutoff}: their latest sign-in, or the account's
     * creation when they never signed in since sign-ins were recorded, is older. For the retention job.
     */
    @PreAuthorize("hasAuthority('SYSTEM')")
    public List<Long> inactiveSince(Instant cutoff) {
        return jdbc.queryForList("""
                select id from person where enabled = true and erased_at is null
                   and coalesce(last_signed_in_at, created_at) < ? order by id""", Long.class,
                LocalDateTime.ofInstant(cutoff, ZoneOffset.UTC));
    }

    /**
     * Ends the person's open sessions now (they are refused at their next request). Erasure ends them by itself once
     * it commits; this is for the moment an erasure is decided, before it runs.
     */
    @PreAuthorize("hasAuthority('SYSTEM')")
    public void endSessions(long personId) {
        people.findById(personId).ifPresent(p -> sessions.endSessionsOf(p.getEmail()));
    }
}
