package org.encounter.identity;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.encounter.base.PersonalData;
import org.encounter.base.PersonalExport;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The account and where it belongs: profile, roles, teams, coordinated partnerships, invitations and failed sign-ins.
 *
 * <p>Erasure keeps the person row, so every other feature's reference to it still holds, but anonymises it: neutral
 * names, an e-mail address that is unique and says nothing ({@code erased-<id>@erased.invalid}), a password hash that
 * matches no password, disabled, and {@code erased_at} set. It must run <em>last</em> of all declarations: the others
 * still read the person's names and e-mail (to find them in their free text and in other people's notifications)
 * while they erase. {@code @Order(LOWEST_PRECEDENCE)} says so, but a declaration without an order ties with it, so
 * whoever runs the erasure puts this one last by itself too.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class IdentityPersonalData implements PersonalData {

    static final String LAST_ADMIN = "privacy.erasure.last-admin";
    private static final int PAGE = 200;

    private final JdbcTemplate jdbc;
    private final SessionTerminator sessions;
    private final Clock clock;

    IdentityPersonalData(JdbcTemplate jdbc, SessionTerminator sessions, Clock clock) {
        this.jdbc = jdbc;
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    public String section() {
        return "identity";
    }

    @Override
    public List<Holding> holdings() {
        return List.of(
                Holding.of("person", "the account: who the person is, what they are called (in the app and on"
                        + " certificates), how they sign in and in which language", Treatment.ANONYMISED,
                        "email", "display_name", "registered_name", "requested_name", "name_requested_at", "language",
                        "password_hash", "last_signed_in_at"),
                Holding.of("person_role", "what the person may do", Treatment.DELETED, "person_id", "role"),
                Holding.of("team_member", "the teams the person belongs to", Treatment.DELETED, "person_id"),
                Holding.of("team_manager", "the teams the person manages", Treatment.DELETED, "person_id"),
                Holding.of("partnership_coordinator", "the partnerships the person coordinates", Treatment.DELETED,
                        "person_id"),
                Holding.of("invitation", "who invited whom into which organisation, the name registered for the"
                        + " invitee and the inviter's note. The person's unused links are deleted; their notes, and"
                        + " the name on the link that brought them in or on an unused one made for them, are blanked",
                        Treatment.ANONYMISED, "created_by_id", "used_by_id", "registered_name", "note"),
                Holding.codes("invitation_role", "role"),
                Holding.of("invitation", "the hash of a random token, nobody's data", Treatment.NOT_PERSONAL,
                        "token_hash"),
                Holding.of("sign_in_failure", "failed sign-ins to the person's e-mail address and the network they"
                        + " came from, to slow down guessing", Treatment.DELETED, "email", "client"),
                Holding.of("setup_token", "the hash of the one-time link that set up the first admin",
                        Treatment.NOT_PERSONAL, "token_hash"),
                Holding.of("organisation", "organisations' names: organisational, not personal",
                        Treatment.NOT_PERSONAL, "name"),
                Holding.of("team", "teams' names: organisational, not personal", Treatment.NOT_PERSONAL, "name"),
                Holding.of("partnership", "partnerships' names: organisational, not personal", Treatment.NOT_PERSONAL,
                        "name"),
                Holding.of("partnership_member", "whether an organisation is a current member: organisational",
                        Treatment.NOT_PERSONAL, "current_member"));
    }

    @Override
    public void export(long personId, PersonalExport out) throws IOException {
        List<Object[]> profile = jdbc.query("""
                select p.display_name, p.registered_name, p.requested_name, p.name_requested_at, p.email, p.language,
                       o.name, p.created_at, p.last_signed_in_at
                  from person p join organisation o on o.id = p.organisation_id where p.id = ?""",
                (rs, i) -> new Object[] {"displayName", rs.getString(1), "registeredName", rs.getString(2),
                        "requestedName", rs.getString(3), "nameRequestedAt", instant(rs, 4), "email", rs.getString(5),
                        "language", rs.getString(6), "organisation", rs.getString(7), "createdAt", instant(rs, 8),
                        "lastSignedInAt", instant(rs, 9)}, personId);
        if (profile.isEmpty()) {
            return;
        }
        out.record("profile", profile.getFirst());
        for (String role : jdbc.queryForList("select role from person_role where person_id = ? order by role",
                String.class, personId)) {
            out.record("role", "role", role);
        }
        for (Object[] team : jdbc.query("""
                select t.name, o.name, 'member' from team_member m join team t on t.id = m.team_id
                  join organisation o on o.id = t.organisation_id where m.person_id = ?
                union all
                select t.name, o.name, 'manager' from team_manager m join team t on t.id = m.team_id
                  join organisation o on o.id = t.organisation_id where m.person_id = ?
                order by 1, 3""", (rs, i) -> new Object[] {"team", rs.getString(1), "organisation", rs.getString(2),
                "membership", rs.getString(3)}, personId, personId)) {
            out.record("team", team);
        }
        for (String partnership : jdbc.queryForList("""
                select p.name from partnership_coordinator c join partnership p on p.id = c.partnership_id
                 where c.person_id = ? order by p.name""", String.class, personId)) {
            out.record("coordinatedPartnership", "partnership", partnership);
        }
        exportInvitationsSent(personId, out);
        // The link that brought them in: what it offered them, not the inviter's private note.
        for (Object[] received : jdbc.query(INVITATIONS + " where i.used_by_id = ? order by i.id",
                (rs, i) -> new Object[] {"createdAt", instant(rs, "created_at"), "usedAt", instant(rs, "used_at"),
                        "organisation", rs.getString("organisation"), "team", rs.getString("team"),
                        "roles", roles(rs), "registeredName", rs.getString("registered_name")}, personId)) {
            out.record("invitationReceived", received);
        }
        // Not the client addresses: whoever tried the person's e-mail need not have been the person.
        for (Object[] failure : jdbc.query("""
                select f.failures, f.last_failed_at, f.blocked_until from sign_in_failure f
                  join person p on p.email = f.email where p.id = ? order by f.last_failed_at""",
                (rs, i) -> new Object[] {"failures", rs.getInt(1), "lastFailedAt", instant(rs, 2),
                        "blockedUntil", instant(rs, 3)}, personId)) {
            out.record("signInFailure", failure);
        }
    }

    private static final String INVITATIONS = """
            select i.id, i.created_at, i.expires_at, i.used_at, i.revoked_at, i.registered_name, i.note,
                   o.name as organisation, t.name as team,
                   (select group_concat(r.role order by r.role) from invitation_role r where r.invitation_id = i.id)
                       as roles
              from invitation i join organisation o on o.id = i.organisation_id left join team t on t.id = i.team_id""";

    /** An admin may have sent thousands: read in pages, write as they come. */
    private void exportInvitationsSent(long personId, PersonalExport out) throws IOException {
        long after = 0;
        while (true) {
            List<Object[]> page = jdbc.query(INVITATIONS + " where i.created_by_id = ? and i.id > ? order by i.id limit "
                    + PAGE, (rs, i) -> new Object[] {rs.getLong("id"), new Object[] {
                            "createdAt", instant(rs, "created_at"), "organisation", rs.getString("organisation"),
                            "team", rs.getString("team"), "roles", roles(rs),
                            "registeredName", rs.getString("registered_name"), "note", rs.getString("note"),
                            "expiresAt", instant(rs, "expires_at"), "usedAt", instant(rs, "used_at"),
                            "revokedAt", instant(rs, "revoked_at")}}, personId, after);
            for (Object[] row : page) {
                out.record("invitationSent", (Object[]) row[1]);
                after = (Long) row[0];
            }
            if (page.size() < PAGE) {
                return;
            }
        }
    }

    /** The last enabled platform admin stays: without one, nobody could create organisations or appoint admins. */
    @Override
    public Optional<String> erasureBlocker(long personId, ErasureChoices choices) {
        boolean admin = Boolean.TRUE.equals(jdbc.queryForObject(
                "select count(*) > 0 from person_role where person_id = ? and role = ?", Boolean.class, personId,
                Role.ADMIN.name()));
        if (!admin) {
            return Optional.empty();
        }
        long others = jdbc.queryForObject("""
                select count(*) from person p join person_role r on r.person_id = p.id and r.role = ?
                 where p.id <> ? and p.enabled = true and p.erased_at is null""", Long.class, Role.ADMIN.name(),
                personId);
        return others == 0 ? Optional.of(LAST_ADMIN) : Optional.empty();
    }

    /**
     * Reads the person's names first (they are looked for in invitations made for them), then deletes and blanks,
     * and anonymises the person row last. Running it again finds the neutral names and changes nothing more.
     */
    @Override
    public void erase(long personId, ErasureChoices choices) {
        List<String[]> found = jdbc.query("select email, display_name, registered_name, requested_name from person"
                + " where id = ?", (rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4)}, personId);
        if (found.isEmpty()) {
            return;
        }
        String email = found.getFirst()[0];
        List<String> names = Arrays.stream(found.getFirst(), 1, 4)
                .filter(n -> n != null && !n.isBlank() && !n.equals(PrivacySubjects.ERASED_NAME)).toList();
        jdbc.update("delete from sign_in_failure where email = ?", email);
        jdbc.update("delete from person_role where person_id = ?", personId);
        jdbc.update("delete from team_member where person_id = ?", personId);
        jdbc.update("delete from team_manager where person_id = ?", personId);
        jdbc.update("delete from partnership_coordinator where person_id = ?", personId);
        eraseInvitations(personId, names);
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        jdbc.update("""
                update person set display_name = ?, registered_name = ?, requested_name = null, name_requested_at = null,
                       email = ?, password_hash = ?, enabled = false, language = null, last_signed_in_at = null,
                       erased_at = coalesce(erased_at, ?), version = version + 1
                 where id = ?""", PrivacySubjects.ERASED_NAME, PrivacySubjects.ERASED_NAME, erasedEmail(personId),
                UNUSABLE_PASSWORD, now, personId);
        endSessionsOnceCommitted(email);
    }

    /**
     * Links the person made that nobody used lead nowhere now: deleted, with their roles. On the others their note
     * goes. The link that brought them in, and any unused one made for them (found by name: a link names nobody
     * else), lose the name; a dead one of those goes, an open one still works and asks its holder for a name.
     */
    private void eraseInvitations(long personId, List<String> names) {
        jdbc.update("delete from invitation where created_by_id = ? and used_by_id is null", personId);
        jdbc.update("update invitation set note = null where created_by_id = ?", personId);
        jdbc.update("update invitation set note = null, registered_name = null where used_by_id = ?", personId);
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (String name : names) {
            jdbc.update("""
                    delete from invitation where used_by_id is null and registered_name = ?
                       and (revoked_at is not null or expires_at <= ?)""", name, now);
            jdbc.update("update invitation set registered_name = null where used_by_id is null and registered_name = ?",
                    name);
            // An admin's note may name them ("for Sanna, starts in May"); notes are short and only for admins.
            jdbc.update("update invitation set note = null where note like ?", "%" + likeEscaped(name) + "%");
        }
    }

    /** Unique for the row (e-mail addresses are), derived from nothing but its id, and never deliverable. */
    static String erasedEmail(long personId) {
        return "erased-" + personId + "@erased.invalid";
    }

    /** Not a hash any password produces: bcrypt refuses it as malformed, so no password ever matches. */
    static final String UNUSABLE_PASSWORD = "{bcrypt}erased";

    /**
     * Sessions are ended only once the erasure has committed (a rolled-back one leaves the person signed in, as
     * present as before). The session registry needs no request, so this works from a background job too.
     */
    private void endSessionsOnceCommitted(String email) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    sessions.endSessionsOf(email);
                }
            });
        } else {
            sessions.endSessionsOf(email);
        }
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static List<String> roles(ResultSet rs) throws SQLException {
        String joined = rs.getString("roles");
        return joined == null ? List.of() : new ArrayList<>(Arrays.asList(joined.split(",")));
    }

    /** Times are stored as UTC wall-clock time, as Hibernate stores them (hibernate.jdbc.time_zone). */
    private static Instant instant(ResultSet rs, int column) throws SQLException {
        LocalDateTime time = rs.getObject(column, LocalDateTime.class);
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime time = rs.getObject(column, LocalDateTime.class);
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }
}
