package org.encounter.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.encounter.EncounterTest;
import org.encounter.base.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.context.support.WithUserDetails;

/** Identity services against real MariaDB, with the demo world loaded. */
@EncounterTest
class IdentityServiceTest {

    static final String ADMIN = "admin" + DemoWorld.DOMAIN;
    static final String MANAGER = "mikko" + DemoWorld.DOMAIN;
    static final String LEARNER = "sanna" + DemoWorld.DOMAIN;
    static final String DEMO_PASSWORD = "encounter-demo-2026";

    @Autowired PersonService people;
    @Autowired TeamService teams;
    @Autowired OrganisationService organisations;
    @Autowired InvitationService invitations;
    @Autowired SignInService signIn;
    @Autowired ThrottledSignIn signInProvider;
    @Autowired SignInThrottle throttle;
    @Autowired SignInFailureService signInFailures;
    @Autowired PasswordEncoder encoder;
    @Autowired SessionRegistry sessionRegistry;
    @Autowired JdbcTemplate jdbc;

    @Test
    void the_demo_world_is_created_on_an_empty_database() {
        assertThat(jdbc.queryForObject("select count(*) from organisation", Long.class)).isEqualTo(5);
        assertThat(jdbc.queryForList("select o.name from partnership_member m join organisation o"
                + " on o.id = m.organisation_id join partnership p on p.id = m.partnership_id"
                + " where p.name = 'One Aurajoki' and m.left_at is null order by o.name", String.class)).containsExactly(
                "Aurajoki Police Department", "Aurajoki Wellbeing Services County", "Aurajoki Youth Council",
                "City of Aurajoki Youth and Community Services");
        assertThat(jdbc.queryForList("select name from team order by name", String.class))
                .containsExactly("Community Policing", "Family Support", "Youth Services");
        assertThat(jdbc.queryForObject("select count(*) from person_role r join person p on p.id = r.person_id where r.role = 'AUTHOR' and p.email like '%@demo.encounter.example'", Long.class)).isEqualTo(4);
        assertThat(jdbc.queryForObject("select count(*) from person_role r join person p on p.id = r.person_id where r.role = 'MANAGER' and p.email like '%@demo.encounter.example'", Long.class)).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from person_role r join person p on p.id = r.person_id where r.role = 'CURATOR' and p.email like '%@demo.encounter.example'", Long.class)).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from person_role r join person p on p.id = r.person_id where r.role = 'ADMIN' and p.email like '%@demo.encounter.example'", Long.class)).isEqualTo(1);
        String hash = jdbc.queryForObject("select password_hash from person where email = ?", String.class, LEARNER);
        assertThat(hash).startsWith("{pbkdf2@SpringSecurity_v5_8}");
        assertThat(encoder.matches(DEMO_PASSWORD, hash)).isTrue();
    }

    @Autowired DemoWorld demoWorld;

    @Test
    void the_demo_world_never_runs_against_a_database_that_has_data() {
        long people = jdbc.queryForObject("select count(*) from person", Long.class);
        demoWorld.run(null);
        assertThat(jdbc.queryForObject("select count(*) from person", Long.class)).isEqualTo(people);
        assertThat(jdbc.queryForObject("select count(*) from organisation", Long.class)).isEqualTo(5);
    }

    @Test
    @WithUserDetails(LEARNER)
    void a_learner_cannot_call_admin_services() {
        assertThatThrownBy(() -> people.page("", PageRequest.of(0, 10))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> organisations.create("Shadow org")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> invitations.create(1L, null, Set.of(Role.ADMIN), "Shadow", null))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.queryForObject("select count(*) from organisation where name = 'Shadow org'", Long.class)).isZero();
        assertThatThrownBy(() -> signInFailures.of(idOf(MANAGER))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> signInFailures.clear(idOf(MANAGER))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void failed_sign_ins_quiet_for_a_day_are_forgotten_but_a_client_still_waiting_is_not() {
        java.time.LocalDateTime now = java.time.LocalDateTime.now(java.time.ZoneOffset.UTC);
        String insert = "insert into sign_in_failure (email, client, failures, last_failed_at, blocked_until)"
                + " values (?, '192.0.2.7', ?, ?, ?)";
        jdbc.update(insert, "old@example.org", 3, now.minusHours(25), null);
        jdbc.update(insert, "recent@example.org", 2, now.minusHours(1), null);
        jdbc.update(insert, "waiting@example.org", 40, now.minusHours(25), now.plusMinutes(5));
        throttle.purge();
        assertThat(jdbc.queryForList("select email from sign_in_failure where client = '192.0.2.7' order by email",
                String.class)).containsExactly("recent@example.org", "waiting@example.org");
        jdbc.update("delete from sign_in_failure where client = '192.0.2.7'");
    }

    @Test
    @WithUserDetails(MANAGER)
    void a_manager_cannot_call_admin_services_and_sees_only_their_own_teams() {
        assertThatThrownBy(() -> teams.page("", PageRequest.of(0, 10))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> people.disable(1L)).isInstanceOf(AccessDeniedException.class);
        List<TeamSummary> mine = teams.myManagedTeams();
        assertThat(mine).extracting(TeamSummary::name).containsExactly("Youth Services");
    }

    @Test
    @WithUserDetails(ADMIN)
    void bad_input_gets_a_message_per_field_and_stores_nothing() {
        long id = idOf(LEARNER);
        assertThatThrownBy(() -> people.update(id, "", "not-an-email", Set.of()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::field, InvalidInputException.FieldError::messageKey)
                        .containsExactlyInAnyOrder(
                                org.assertj.core.groups.Tuple.tuple("displayName", "validation.required"),
                                org.assertj.core.groups.Tuple.tuple("email", "validation.email"),
                                org.assertj.core.groups.Tuple.tuple("roles", "validation.choose-one")));
        assertThatThrownBy(() -> people.update(id, "x".repeat(101), LEARNER, Set.of(Role.LEARNER)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().getFirst().messageKey()).isEqualTo("validation.too-long"));
        assertThatThrownBy(() -> people.update(id, "Sanna", MANAGER, Set.of(Role.LEARNER)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().getFirst().messageKey()).isEqualTo("person.email-taken"));
        assertThatThrownBy(() -> organisations.create("o".repeat(151))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> teams.create(null, "")).isInstanceOf(InvalidInputException.class);
        assertThat(jdbc.queryForObject("select display_name from person where id = ?", String.class, id))
                .isEqualTo("Sanna Nieminen");
        assertThat(jdbc.queryForObject("select count(*) from organisation", Long.class)).isEqualTo(5);
    }

    @Test
    @WithUserDetails(ADMIN)
    void admin_edits_roles_and_searches_people_page_by_page() {
        List<PersonSummary> found = people.page("hassan", PageRequest.of(0, 10));
        assertThat(found).extracting(PersonSummary::displayName).containsExactly("Ahmed Hassan");
        people.update(found.getFirst().id(), "Ahmed Hassan", found.getFirst().email(),
                EnumSet.of(Role.LEARNER, Role.FACILITATOR));
        assertThat(people.get(found.getFirst().id()).roles()).containsExactlyInAnyOrder(Role.LEARNER, Role.FACILITATOR);
        assertThat(people.page("", PageRequest.of(0, 5))).hasSize(5);
        assertThat(people.page("", PageRequest.of(1, 5))).hasSize(5)
                .doesNotContainAnyElementsOf(people.page("", PageRequest.of(0, 5)));
    }

    @Test
    @WithUserDetails(ADMIN)
    void disabling_an_account_ends_its_sessions_and_it_can_no_longer_sign_in() {
        String email = "callum" + DemoWorld.DOMAIN;
        var principal = signIn.loadUserByUsername(email);
        sessionRegistry.registerNewSession("session-of-callum", principal);

        people.disable(idOf(email));

        assertThat(sessionRegistry.getSessionInformation("session-of-callum").isExpired()).isTrue();
        assertThatThrownBy(() -> authenticate(email, DEMO_PASSWORD)).isInstanceOf(DisabledException.class);
        people.enable(idOf(email));
        assertThat(authenticate(email, DEMO_PASSWORD).isAuthenticated()).isTrue();
    }

    @Test
    void repeated_failed_sign_ins_make_only_that_client_wait_and_a_success_clears_its_count() {
        String email = "ahmed" + DemoWorld.DOMAIN;
        assertThatThrownBy(() -> authenticate(email, "wrong password 1")).isInstanceOf(BadCredentialsException.class);
        assertThat(failures(email)).isEqualTo(1);
        assertThat(authenticate(email, DEMO_PASSWORD).isAuthenticated()).isTrue();
        assertThat(failures(email)).isZero();
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> authenticate(email, "wrong password")).isInstanceOf(BadCredentialsException.class);
        }
        // Even the right password is refused while this client waits, exactly like a wrong one.
        assertThatThrownBy(() -> authenticate(email, DEMO_PASSWORD)).isInstanceOf(BadCredentialsException.class);
        assertThat(failures(email)).isEqualTo(6);
        assertThat(authenticate(email, DEMO_PASSWORD, "192.0.2.99").isAuthenticated())
                .as("the same account from another address").isTrue();
        jdbc.update("delete from sign_in_failure where email = ?", email);
    }

    @Test
    void an_ipv6_client_is_counted_as_its_64_network() {
        assertThat(ThrottledSignIn.clientKey("2001:db8:85a3:12:8a2e:370:7334:1")).isEqualTo("2001:db8:85a3:12::/64");
        assertThat(ThrottledSignIn.clientKey("2001:db8:85a3:12:ffff::9")).isEqualTo("2001:db8:85a3:12::/64");
        assertThat(ThrottledSignIn.clientKey("0:0:0:0:0:0:0:1")).isEqualTo("0:0:0:0::/64");
        assertThat(ThrottledSignIn.clientKey("::ffff:192.0.2.1")).isEqualTo("192.0.2.1");
        assertThat(ThrottledSignIn.clientKey("192.0.2.1")).isEqualTo("192.0.2.1");
        assertThat(ThrottledSignIn.clientKey(null)).isEqualTo("unknown");
        assertThat(ThrottledSignIn.emailKey("  Sanna@Demo.Encounter.Example ")).isEqualTo(LEARNER);
        assertThat(ThrottledSignIn.emailKey("x".repeat(1000))).hasSize(254);
        // A long address of emoji is cut between characters, never inside one (half an emoji can't be stored).
        String emoji = ThrottledSignIn.emailKey("😀".repeat(300));
        assertThat(emoji.codePointCount(0, emoji.length())).isEqualTo(254);
        assertThat(emoji).isEqualTo("😀".repeat(254));
    }

    @Test
    void an_invitation_sets_up_an_account_once_and_expired_or_reused_links_say_so() {
        long adminId = idOf(ADMIN);
        long teamId = jdbc.queryForObject("select id from team where name = 'Youth Services'", Long.class);
        CreatedInvitation created = runAs(ADMIN, () -> invitations.create(
                jdbc.queryForObject("select min(id) from organisation", Long.class), teamId, Set.of(Role.LEARNER), "Pia Lindholm", "For Pia"));
        String token = created.link().substring(created.link().lastIndexOf('/') + 1);
        assertThat(token.length()).isGreaterThanOrEqualTo(43);
        assertThat(jdbc.queryForObject("select count(*) from invitation where token_hash = ?", Long.class, token)).isZero();

        assertThat(invitations.preview(token)).get().extracting(InvitationPreview::status).isEqualTo(InvitationStatus.OPEN);
        assertThatThrownBy(() -> invitations.accept(token, "Pia", "pia@example.org", "password1234", null))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().getFirst().messageKey()).isEqualTo("password.too-common"));
        assertThat(jdbc.queryForObject("select count(*) from person where email = 'pia@example.org'", Long.class)).isZero();

        long id = invitations.accept(token, "Pia", "Pia@Example.org", "blue kettle on the windowsill", "sv");
        assertThat(jdbc.queryForObject("select email from person where id = ?", String.class, id)).isEqualTo("pia@example.org");
        assertThat(jdbc.queryForObject("select count(*) from team_member where team_id = ? and person_id = ?",
                Long.class, teamId, id)).isEqualTo(1);
        assertThat(authenticate("pia@example.org", "blue kettle on the windowsill").isAuthenticated()).isTrue();

        assertThatThrownBy(() -> invitations.accept(token, "Eve", "eve@example.org", "blue kettle on the windowsill", null))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().getFirst().messageKey()).isEqualTo("invitation.not-open.used"));

        CreatedInvitation second = runAs(ADMIN, () -> invitations.create(
                jdbc.queryForObject("select min(id) from organisation", Long.class), null, Set.of(Role.AUTHOR), "Late Comer", null));
        String secondToken = second.link().substring(second.link().lastIndexOf('/') + 1);
        jdbc.update("update invitation set created_at = created_at - interval 30 day, expires_at = now() - interval 1 day"
                + " where id = ?", second.id());
        assertThatThrownBy(() -> invitations.accept(secondToken, "Late", "late@example.org", "blue kettle on the windowsill", null))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().getFirst().messageKey()).isEqualTo("invitation.not-open.expired"));
        assertThat(invitations.preview("not-a-real-token-but-long-enough")).isEmpty();
        assertThat(adminId).isPositive();
    }

    private org.springframework.security.core.Authentication authenticate(String email, String password) {
        return authenticate(email, password, "192.0.2.1");
    }

    /** Through the app's own sign-in, as the login form does it from this client address. */
    private org.springframework.security.core.Authentication authenticate(String email, String password, String client) {
        var attempt = UsernamePasswordAuthenticationToken.unauthenticated(email, password);
        var request = new org.springframework.mock.web.MockHttpServletRequest();
        request.setRemoteAddr(client);
        attempt.setDetails(new org.springframework.security.web.authentication.WebAuthenticationDetails(request));
        return signInProvider.authenticate(attempt);
    }

    private int failures(String email) {
        return jdbc.queryForObject("select coalesce(sum(failures), 0) from sign_in_failure where email = ?",
                Integer.class, email);
    }

    @Test
    void a_person_asks_for_another_registered_name_and_only_an_admin_confirming_what_they_saw_changes_it() {
        String who = "jussi" + DemoWorld.DOMAIN;
        long id = idOf(who);
        String registered = "select registered_name from person where id = ?";
        assertThat(runAs(who, () -> people.myProfile()).registeredName()).isEqualTo("Jussi Korhonen");
        assertThatThrownBy(() -> runAs(who, () -> people.requestMyRegisteredName("Jussi Korhonen")))
                .isInstanceOf(InvalidInputException.class);
        runAs(who, () -> people.requestMyRegisteredName("Dr Jussi Korhonen"));
        assertThat(jdbc.queryForObject(registered, String.class, id)).isEqualTo("Jussi Korhonen");
        assertThat(runAs(who, () -> people.myProfile()).requestedName()).isEqualTo("Dr Jussi Korhonen");
        // Nobody but an admin decides, nor sets a name directly.
        assertThatThrownBy(() -> runAs(who, () -> { people.confirmNameRequest(id, "Dr Jussi Korhonen"); return null; }))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> runAs(MANAGER, () -> people.register(id, "Jussi the Great")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(runAs(ADMIN, () -> people.nameRequests(PageRequest.of(0, 50)))).extracting(NameRequest::requestedName)
                .contains("Dr Jussi Korhonen", "Kaisa Salo-Lindqvist");
        // The person changes the request after the admin opened it: confirming the old one changes nothing.
        runAs(who, () -> people.requestMyRegisteredName("Prof. Jussi Korhonen"));
        assertThatThrownBy(() -> runAs(ADMIN, () -> { people.confirmNameRequest(id, "Dr Jussi Korhonen"); return null; }))
                .isInstanceOf(InvalidInputException.class);
        assertThat(jdbc.queryForObject(registered, String.class, id)).isEqualTo("Jussi Korhonen");
        runAs(ADMIN, () -> { people.declineNameRequest(id, "Prof. Jussi Korhonen"); return null; });
        assertThat(jdbc.queryForObject(registered, String.class, id)).isEqualTo("Jussi Korhonen");
        assertThat(runAs(who, () -> people.myProfile()).requestedName()).isNull();
        runAs(who, () -> people.requestMyRegisteredName("Jussi Antero Korhonen"));
        runAs(ADMIN, () -> { people.confirmNameRequest(id, "Jussi Antero Korhonen"); return null; });
        assertThat(jdbc.queryForObject(registered, String.class, id)).isEqualTo("Jussi Antero Korhonen");
        assertThat(jdbc.queryForObject("select display_name from person where id = ?", String.class, id))
                .isEqualTo("Jussi Korhonen");
        assertThat(jdbc.queryForList("select message_key from notification where person_id = ?", String.class, id))
                .contains("notify.registered-name-declined", "notify.registered-name-confirmed");
        runAs(ADMIN, () -> people.register(id, "Jussi Korhonen"));
    }

    @Test
    void every_demo_person_has_a_registered_name_and_an_invitation_registers_the_admins_name_not_the_typed_one() {
        assertThat(jdbc.queryForObject("select count(*) from person where email like '%@demo.encounter.example'"
                + " and (registered_name is null or registered_name = '')", Long.class)).isZero();
        assertThat(jdbc.queryForObject(
                "select registered_name from person where email = ?", String.class, "emma" + DemoWorld.DOMAIN))
                .isEqualTo("Emma Lehtonen");
        long organisation = jdbc.queryForObject("select organisation_id from person where email = ?", Long.class, ADMIN);
        CreatedInvitation created = runAs(ADMIN, () -> invitations.create(organisation, null, Set.of(Role.LEARNER),
                "Vilja Koskinen", null));
        String token = created.link().substring(created.link().lastIndexOf('/') + 1);
        assertThat(invitations.preview(token).orElseThrow().registeredName()).isEqualTo("Vilja Koskinen");
        long id = invitations.accept(token, "Dr Vilja", "vilja@example.org", "blue kettle on the windowsill", null);
        assertThat(jdbc.queryForMap("select display_name, registered_name from person where id = ?", id))
                .containsEntry("display_name", "Dr Vilja").containsEntry("registered_name", "Vilja Koskinen");
        assertThatThrownBy(() -> runAs(ADMIN, () -> invitations.create(organisation, null, Set.of(Role.LEARNER), " ",
                null))).isInstanceOf(InvalidInputException.class);
    }

    private <T> T runAs(String email, java.util.function.Supplier<T> action) {
        var user = signIn.loadUserByUsername(email);
        var context = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        var previous = org.springframework.security.core.context.SecurityContextHolder.getContext();
        org.springframework.security.core.context.SecurityContextHolder.setContext(context);
        try {
            return action.get();
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.setContext(previous);
        }
    }

    private long idOf(String email) {
        return jdbc.queryForObject("select id from person where email = ?", Long.class, email);
    }
}
