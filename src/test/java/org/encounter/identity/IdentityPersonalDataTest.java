package org.encounter.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.encounter.RecordingExport;
import org.encounter.ServiceTest;
import org.encounter.base.PersonalData.ErasureChoices;
import org.encounter.base.SystemAccess;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** What identity holds about a person: its export, its erasure, what blocks one, and who may ask for one. */
class IdentityPersonalDataTest extends ServiceTest {

    static final String PASSWORD = "encounter-demo-2026";
    static final ErasureChoices CHOICES = new ErasureChoices(false, false, true);

    @Autowired IdentityPersonalData identity;
    @Autowired PrivacySubjects subjects;
    @Autowired ThrottledSignIn signIn;
    @Autowired PasswordEncoder encoder;
    @Autowired SignInService users;
    @Autowired Clock clock;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void the_export_holds_the_persons_profile_roles_and_teams_and_no_one_elses_email() throws Exception {
        RecordingExport out = new RecordingExport();
        identity.export(personId("mikko"), out);

        assertThat(out.of("profile")).singleElement().satisfies(p -> {
            assertThat(p).containsEntry("displayName", "Mikko Laine").containsEntry("registeredName", "Mikko Laine")
                    .containsEntry("email", "mikko" + DOMAIN).containsEntry("language", "fi")
                    .containsEntry("organisation", "City of Aurajoki Youth and Community Services");
            assertThat(p.get("createdAt")).isInstanceOf(Instant.class);
        });
        assertThat(out.of("role")).extracting(r -> r.get("role")).containsExactly("LEARNER", "MANAGER");
        assertThat(out.of("team")).containsExactly(Map.of("team", "Youth Services",
                "organisation", "City of Aurajoki Youth and Community Services", "membership", "manager"));
        List<String> othersEmails = jdbc.queryForList("select email from person where id <> ?", String.class,
                personId("mikko"));
        assertThat(othersEmails).isNotEmpty().allSatisfy(email -> assertThat(out.text()).doesNotContain(email));
        // Nor the names of the people in his team.
        assertThat(out.text()).doesNotContain("Sanna Nieminen").doesNotContain("Jussi Korhonen");
    }

    @Test
    void the_export_holds_the_partnerships_a_coordinator_coordinates_and_a_members_teams() throws Exception {
        RecordingExport kirsi = new RecordingExport();
        identity.export(personId("kirsi"), kirsi);
        assertThat(kirsi.of("coordinatedPartnership")).containsExactly(Map.of("partnership", "One Aurajoki"));

        RecordingExport sanna = new RecordingExport();
        identity.export(personId("sanna"), sanna);
        assertThat(sanna.of("team")).extracting(t -> t.get("team") + "/" + t.get("membership"))
                .containsExactly("Youth Services/member");
        assertThat(sanna.of("coordinatedPartnership")).isEmpty();
    }

    @Test
    void the_export_holds_the_invitations_the_person_sent_and_the_one_that_brought_them_in() {
        inRolledBackTransaction(() -> {
            long riikka = personId("riikka");
            long sanna = personId("sanna");
            long sent = invitation(riikka, "Leena Uusi", "starts in May", null, clock.instant().plusSeconds(3600));
            long brought = invitation(personId("admin"), "Sanna Nieminen", "the admin's own note", sanna,
                    clock.instant().plusSeconds(3600));
            RecordingExport admin = export(riikka);
            assertThat(admin.of("invitationSent")).filteredOn(i -> "Leena Uusi".equals(i.get("registeredName")))
                    .singleElement().satisfies(i -> assertThat(i)
                    .containsEntry("registeredName", "Leena Uusi").containsEntry("note", "starts in May")
                    .containsEntry("roles", List.of("LEARNER")).containsEntry("team", "Youth Services"));

            RecordingExport learner = export(sanna);
            assertThat(learner.of("invitationReceived")).singleElement().satisfies(i -> assertThat(i)
                    .containsEntry("registeredName", "Sanna Nieminen").containsEntry("roles", List.of("LEARNER"))
                    .doesNotContainKey("note"));
            assertThat(learner.text()).doesNotContain("the admin's own note");
            assertThat(sent).isNotEqualTo(brought);
        });
    }

    @Test
    void erasure_leaves_no_name_or_email_in_identitys_tables_removes_roles_and_teams_and_can_run_again() {
        inRolledBackTransaction(() -> {
            long sanna = personId("sanna");
            long riikka = personId("riikka");
            String email = "sanna" + DOMAIN;
            Instant future = clock.instant().plus(Duration.ofDays(7));
            jdbc.update("update person set requested_name = 'Sanna Nieminen-Koski', name_requested_at = now(6)"
                    + " where id = ?", sanna);
            jdbc.update("insert into sign_in_failure (email, client, failures, last_failed_at) values (?, ?, 3, now(6))",
                    email, "192.0.2.7");
            jdbc.update("insert into team_manager (team_id, person_id) select id, ? from team where name = 'Family"
                    + " Support'", sanna);
            jdbc.update("insert into partnership_coordinator (partnership_id, person_id) select id, ? from partnership",
                    sanna);
            long brought = invitation(riikka, "Sanna Nieminen", "for Sanna, who starts in May", sanna, future);
            long openForHer = invitation(riikka, "Sanna Nieminen", null, null, future);
            long deadForHer = invitation(riikka, "Sanna Nieminen", null, null, clock.instant().minusSeconds(60));
            long someoneElses = invitation(riikka, "Leena Uusi", "starts in June", null, future);

            erase(sanna);
            Map<String, Object> before = person(sanna);
            erase(sanna);

            Map<String, Object> row = person(sanna);
            before.remove("version");
            assertThat(row).as("the second run changes nothing").containsAllEntriesOf(before);
            assertThat(row).containsEntry("display_name", PrivacySubjects.ERASED_NAME)
                    .containsEntry("registered_name", PrivacySubjects.ERASED_NAME)
                    .containsEntry("email", "erased-" + sanna + "@erased.invalid")
                    .containsEntry("enabled", false);
            assertThat(row.get("requested_name")).isNull();
            assertThat(row.get("name_requested_at")).isNull();
            assertThat(row.get("language")).isNull();
            assertThat(row.get("erased_at")).isNotNull();
            assertThat(encoder.matches(PASSWORD, (String) row.get("password_hash"))).isFalse();
            assertThat(subjects.isErased(sanna)).isTrue();
            assertThat(subjects.isErased(riikka)).isFalse();

            for (String table : List.of("person_role", "team_member", "team_manager", "partnership_coordinator")) {
                assertThat(count("select count(*) from " + table + " where person_id = ?", sanna)).as(table).isZero();
            }
            assertThat(count("select count(*) from sign_in_failure where email = ?", email)).isZero();
            for (String trace : List.of("Sanna", "Nieminen", "sanna@")) {
                assertThat(count("select count(*) from person where id = ? and (display_name like ?"
                        + " or registered_name like ? or requested_name like ? or email like ?)", sanna, like(trace),
                        like(trace), like(trace), like(trace))).as(trace).isZero();
                assertThat(count("select count(*) from invitation where id in (?, ?, ?) and (registered_name like ?"
                        + " or note like ?)", brought, openForHer, deadForHer, like(trace), like(trace))).as(trace)
                        .isZero();
            }
            for (String trace : List.of("Sanna Nieminen", email)) {
                assertThat(count("select count(*) from person where display_name = ? or registered_name = ?"
                        + " or requested_name = ? or email = ?", trace, trace, trace, trace)).as(trace).isZero();
                assertThat(count("select count(*) from invitation where registered_name = ? or note like ?", trace,
                        like(trace))).as(trace).isZero();
                assertThat(count("select count(*) from sign_in_failure where email = ?", trace)).isZero();
            }
            // The link that brought her in stays (her account points at it); an open one made for her still works
            // without her name; a dead one is gone; another person's open link is untouched.
            assertThat(count("select count(*) from invitation where id = ? and used_by_id = ?", brought, sanna))
                    .isOne();
            assertThat(count("select count(*) from invitation where id = ? and registered_name is null", openForHer))
                    .isOne();
            assertThat(count("select count(*) from invitation where id = ?", deadForHer)).isZero();
            assertThat(count("select count(*) from invitation where id = ? and registered_name = 'Leena Uusi'"
                    + " and note = 'starts in June'", someoneElses)).isOne();
            // The old address finds no account; the new one's password matches nothing (checked above).
            assertThatThrownBy(() -> users.loadUserByUsername(email)).isInstanceOf(UsernameNotFoundException.class);
            assertThat(users.loadUserByUsername("erased-" + sanna + "@erased.invalid").isEnabled()).isFalse();
            // Another person's data stays.
            assertThat(person(personId("jussi"))).containsEntry("display_name", "Jussi Korhonen");
        });
    }

    @Test
    void erasing_an_admin_deletes_the_links_they_sent_that_nobody_used_and_blanks_the_notes_of_used_ones() {
        inRolledBackTransaction(() -> {
            long riikka = personId("riikka");
            long jussi = personId("jussi");
            Instant future = clock.instant().plus(Duration.ofDays(7));
            long open = invitation(riikka, "Leena Uusi", "Riikka's note", null, future);
            long used = invitation(riikka, "Jussi Korhonen", "Riikka's other note", jussi, future);

            erase(riikka);

            assertThat(count("select count(*) from invitation where id = ?", open)).isZero();
            assertThat(count("select count(*) from invitation_role where invitation_id = ?", open)).isZero();
            assertThat(count("select count(*) from invitation where id = ? and note is null"
                    + " and registered_name = 'Jussi Korhonen'", used)).as("the invitee's name is the invitee's")
                    .isOne();
        });
    }

    @Test
    void the_last_platform_admin_cannot_be_erased() {
        assertThat(count("""
                select count(*) from person p join person_role r on r.person_id = p.id
                 where r.role = 'ADMIN' and p.enabled = true and p.erased_at is null""")).isOne();
        assertThat(identity.erasureBlocker(personId("admin"), CHOICES)).contains("privacy.erasure.last-admin");
        assertThat(identity.erasureBlocker(personId("sanna"), CHOICES)).isEmpty();
        assertThat(identity.erasureBlocker(personId("riikka"), CHOICES)).as("an organisation admin").isEmpty();
        inRolledBackTransaction(() -> {
            jdbc.update("insert into person_role (person_id, role) values (?, 'ADMIN')", personId("riikka"));
            assertThat(identity.erasureBlocker(personId("admin"), CHOICES)).isEmpty();
            jdbc.update("update person set enabled = false where id = ?", personId("riikka"));
            assertThat(identity.erasureBlocker(personId("admin"), CHOICES)).as("a disabled admin does not count")
                    .contains("privacy.erasure.last-admin");
        });
    }

    @Test
    void a_person_their_own_organisations_admin_and_the_platform_admin_may_act_for_their_erasure() {
        long sanna = personId("sanna");
        assertThat(as("sanna", () -> subjects.mayActForErasure(sanna))).as("herself").isTrue();
        assertThat(as("riikka", () -> subjects.mayActForErasure(sanna))).as("her organisation's admin").isTrue();
        assertThat(as("admin", () -> subjects.mayActForErasure(sanna))).as("the platform admin").isTrue();
        assertThat(as("ville", () -> subjects.mayActForErasure(sanna))).as("another organisation's admin").isFalse();
        assertThat(as("mikko", () -> subjects.mayActForErasure(sanna))).as("her manager").isFalse();
        assertThat(as("jussi", () -> subjects.mayActForErasure(sanna))).as("a colleague").isFalse();
        assertThat(as("riikka", () -> subjects.mayActForErasure(personId("admin"))))
                .as("an organisation admin, for the platform admin").isFalse();
        assertThat(as("riikka", () -> subjects.mayActForErasure(-1))).as("nobody").isFalse();
    }

    @Test
    void the_subject_and_the_inactive_are_for_the_platforms_own_work_only() {
        long sanna = personId("sanna");
        assertThatThrownBy(() -> as("admin", () -> subjects.subject(sanna))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("admin", () -> subjects.inactiveSince(clock.instant())))
                .isInstanceOf(AccessDeniedException.class);
        PrivacySubjects.Subject subject = SystemAccess.run(() -> subjects.subject(sanna)).orElseThrow();
        assertThat(subject).isEqualTo(new PrivacySubjects.Subject(sanna, "Sanna Nieminen", "Sanna Nieminen", null,
                "sanna" + DOMAIN, organisationOf(sanna), "fi", false));
        assertThat(subject.identifiers()).containsExactly("sanna" + DOMAIN, "Sanna Nieminen");
    }

    @Test
    void a_sign_in_is_recorded_and_people_who_have_not_signed_in_since_the_cutoff_are_inactive() {
        long jussi = personId("jussi");
        signIn("jussi" + DOMAIN);
        Instant signedIn = jdbc.queryForObject("select last_signed_in_at from person where id = ?",
                LocalDateTime.class, jussi).toInstant(ZoneOffset.UTC);
        assertThat(signedIn).isBetween(clock.instant().minusSeconds(60), clock.instant().plusSeconds(60));

        Instant created = jdbc.queryForObject("select created_at from person where id = ?", LocalDateTime.class,
                personId("leo")).toInstant(ZoneOffset.UTC);
        List<Long> inactive = SystemAccess.run(() -> subjects.inactiveSince(signedIn.minusSeconds(1)));
        assertThat(inactive).as("never signed in since the account was made").contains(personId("leo"))
                .doesNotContain(jussi);
        assertThat(SystemAccess.run(() -> subjects.inactiveSince(created))).as("created on the cutoff")
                .doesNotContain(personId("leo"), jussi);
        inRolledBackTransaction(() -> {
            jdbc.update("update person set enabled = false where id = ?", personId("leo"));
            assertThat(SystemAccess.run(() -> subjects.inactiveSince(signedIn.minusSeconds(1))))
                    .as("disabled accounts are not asked about").doesNotContain(personId("leo"));
        });
    }

    private RecordingExport export(long personId) {
        RecordingExport out = new RecordingExport();
        try {
            identity.export(personId, out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }

    private void erase(long personId) {
        SystemAccess.run(() -> {
            identity.erase(personId, CHOICES);
            return null;
        });
    }

    private void signIn(String email) {
        var attempt = UsernamePasswordAuthenticationToken.unauthenticated(email, PASSWORD);
        var request = new MockHttpServletRequest();
        request.setRemoteAddr("192.0.2.44");
        attempt.setDetails(new WebAuthenticationDetails(request));
        signIn.authenticate(attempt);
    }

    /** An invitation of the person's organisation into Youth Services, as a learner; used by {@code usedBy} if given. */
    private long invitation(long createdBy, String registeredName, String note, Long usedBy, Instant expires) {
        jdbc.update("""
                insert into invitation (token_hash, organisation_id, team_id, note, registered_name, created_by_id,
                                        created_at, expires_at, used_at, used_by_id)
                select sha2(uuid(), 256), p.organisation_id, (select id from team where name = 'Youth Services'), ?, ?,
                       p.id, now(6) - interval 1 day, ?, if(? is null, null, now(6)), ?
                  from person p where p.id = ?""", note, registeredName,
                LocalDateTime.ofInstant(expires, ZoneOffset.UTC), usedBy, usedBy, createdBy);
        long id = jdbc.queryForObject("select last_insert_id()", Long.class);
        jdbc.update("insert into invitation_role (invitation_id, role) values (?, 'LEARNER')", id);
        return id;
    }

    private Map<String, Object> person(long id) {
        return jdbc.queryForMap("select * from person where id = ?", id);
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    private long organisationOf(long personId) {
        return count("select organisation_id from person where id = ?", personId);
    }

    private static String like(String text) {
        return "%" + text + "%";
    }

    private void inRolledBackTransaction(Runnable work) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            status.setRollbackOnly();
            work.run();
        });
    }
}
