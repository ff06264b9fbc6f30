package org.encounter.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.encounter.FormSignIn;
import org.encounter.OwnSecurityContextHolder;
import org.encounter.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Attacks on sign-in played over real HTTP against the running app on real MariaDB: the form
 * posts of the Vaadin login page, from several client addresses (loopback aliases 127.0.0.x).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OwnSecurityContextHolder.class)
@ActiveProfiles("test")
@Import(TestClock.Config.class)
class SignInAttacksTest {

    static final String DOMAIN = "@demo.encounter.example";
    static final String PASSWORD = "encounter-demo-2026";
    static final String WRONG = "/login?error";

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void thirty_wrong_passwords_sent_in_parallel_are_all_counted() throws Exception {
        String email = "jussi" + DOMAIN;
        FormSignIn attacker = new FormSignIn(port, "127.0.0.11").open();
        int tries = 30;
        CyclicBarrier start = new CyclicBarrier(tries);
        List<Future<FormSignIn.Result>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(tries)) {
            for (int i = 0; i < tries; i++) {
                String guess = "guess number " + i;
                results.add(pool.submit(() -> {
                    start.await();
                    return attacker.signIn(email, guess);
                }));
            }
            List<FormSignIn.Result> answers = new ArrayList<>();
            for (Future<FormSignIn.Result> result : results) {
                answers.add(result.get());
            }
            assertSoftly(soft -> {
                soft.assertThat(answers).as("every wrong guess gets the sign-in page back, never an error")
                        .containsOnly(new FormSignIn.Result(302, WRONG));
                soft.assertThat(failuresCounted(email, "127.0.0.11")).as("failures the database counted")
                        .isEqualTo(tries);
            });
        }
    }

    @Test
    void a_stranger_at_another_address_cannot_lock_sanna_out() {
        String email = "sanna" + DOMAIN;
        FormSignIn stranger = new FormSignIn(port, "127.0.0.12").open();
        for (int i = 0; i < 50; i++) {
            assertThat(stranger.signIn(email, "is it " + i)).isEqualTo(new FormSignIn.Result(302, WRONG));
        }
        assertThat(new FormSignIn(port, "127.0.0.1").open().signIn(email, PASSWORD).location())
                .as("Sanna at her own address signs in at once").isEqualTo("/");
    }

    @Test
    void a_throttled_try_looks_exactly_like_a_wrong_password_even_with_the_right_one() {
        String email = "olga" + DOMAIN;
        FormSignIn client = new FormSignIn(port, "127.0.0.13").open();
        for (int i = 0; i < 5; i++) {
            assertThat(client.signIn(email, "not it " + i)).isEqualTo(new FormSignIn.Result(302, WRONG));
        }
        // Now refused without checking the password: the answer does not tell the two apart.
        assertThat(client.signIn(email, PASSWORD)).isEqualTo(new FormSignIn.Result(302, WRONG));
        // Unknown e-mails are treated the same way, so nobody learns which accounts exist.
        for (int i = 0; i < 7; i++) {
            assertThat(client.signIn("nobody" + DOMAIN, "not it " + i)).isEqualTo(new FormSignIn.Result(302, WRONG));
        }
    }

    @Test
    void after_the_wait_the_same_client_may_try_again() {
        String email = "ahmed" + DOMAIN;
        FormSignIn client = new FormSignIn(port, "127.0.0.14").open();
        for (int i = 0; i < 5; i++) {
            client.signIn(email, "not it " + i);
        }
        assertThat(client.signIn(email, PASSWORD).location()).isEqualTo(WRONG);
        clock.advance(Duration.ofSeconds(31));
        assertThat(client.signIn(email, PASSWORD).location()).as("after the first wait of 30 s").isEqualTo("/");
    }

    @Test
    void a_disabled_account_is_told_only_to_someone_with_its_right_password() {
        String email = "callum" + DOMAIN;
        jdbc.update("update person set enabled = false where email = ?", email);
        try {
            FormSignIn client = new FormSignIn(port, "127.0.0.15").open();
            assertThat(client.signIn(email, "a wrong password").location()).isEqualTo(WRONG);
            assertThat(client.signIn(email, PASSWORD).location()).isEqualTo("/login?disabled");
        } finally {
            jdbc.update("update person set enabled = true where email = ?", email);
        }
    }

    @Test
    void a_passphrase_of_over_72_bytes_works_from_the_invitation_and_from_the_profile() {
        String first = "Ämpärit ja höyläpenkit öisessä työpajassa, kun pöllö huhuilee hämärässä metsässä yöllä";
        String second = "Sävelet kuuluivat järven yli, kun öljylamppu paloi mökin ikkunassa hiljaisena kesäyönä äänettä";
        assertThat(first.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isGreaterThanOrEqualTo(100);
        assertThat(second.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isGreaterThanOrEqualTo(100);
        long organisation = jdbc.queryForObject("select min(id) from organisation", Long.class);
        CreatedInvitation invitation = as("admin" + DOMAIN, () -> invitations.create(organisation, null,
                java.util.Set.of(Role.LEARNER), "Päivi Koski", null));
        String token = invitation.link().substring(invitation.link().lastIndexOf('/') + 1);

        invitations.accept(token, "Päivi", "paivi@example.org", first, "fi");
        assertThat(new FormSignIn(port, "127.0.0.16").open().signIn("paivi@example.org", first).location()).isEqualTo("/");

        as("paivi@example.org", () -> {
            people.changeMyPassword(first, second);
            return null;
        });
        assertThat(new FormSignIn(port, "127.0.0.16").open().signIn("paivi@example.org", second).location()).isEqualTo("/");
        assertThat(new FormSignIn(port, "127.0.0.16").open().signIn("paivi@example.org", first).location()).isEqualTo(WRONG);
    }

    @Test
    void an_oversized_e_mail_or_password_is_just_a_wrong_one() {
        FormSignIn client = new FormSignIn(port, "127.0.0.18").open();
        assertThat(client.signIn("zoe" + DOMAIN, "ä".repeat(100_000))).isEqualTo(new FormSignIn.Result(302, WRONG));
        assertThat(client.signIn("z".repeat(10_000) + DOMAIN, PASSWORD)).isEqualTo(new FormSignIn.Result(302, WRONG));
        assertThat(jdbc.queryForObject("select count(*) from sign_in_failure where client = '127.0.0.18'", Integer.class))
                .isEqualTo(2);
    }

    @Test
    void an_old_bcrypt_hash_still_signs_in_and_is_replaced_by_pbkdf2() {
        String email = "kaisa" + DOMAIN;
        jdbc.update("update person set password_hash = ? where email = ?",
                "{bcrypt}" + new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder().encode(PASSWORD), email);
        assertThat(new FormSignIn(port, "127.0.0.17").open().signIn(email, PASSWORD).location()).isEqualTo("/");
        assertThat(jdbc.queryForObject("select password_hash from person where email = ?", String.class, email))
                .startsWith("{pbkdf2@SpringSecurity_v5_8}");
        assertThat(new FormSignIn(port, "127.0.0.17").open().signIn(email, PASSWORD).location()).isEqualTo("/");
    }

    @Autowired InvitationService invitations;
    @Autowired PersonService people;
    @Autowired org.springframework.security.core.userdetails.UserDetailsService users;

    private <T> T as(String email, java.util.function.Supplier<T> action) {
        var user = users.loadUserByUsername(email);
        var context = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
        context.setAuthentication(org.springframework.security.authentication.UsernamePasswordAuthenticationToken
                .authenticated(user, null, user.getAuthorities()));
        org.springframework.security.core.context.SecurityContextHolder.setContext(context);
        try {
            return action.get();
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
    }

    /** What the database holds about failed sign-ins of this e-mail from this client. */
    private int failuresCounted(String email, String client) {
        return jdbc.queryForObject("select failures from sign_in_failure where email = ? and client = ?", Integer.class,
                email, client);
    }
}
