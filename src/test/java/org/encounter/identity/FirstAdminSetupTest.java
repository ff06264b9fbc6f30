package org.encounter.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.encounter.EncounterTest;
import org.encounter.TestClock;
import org.encounter.base.InvalidInputException;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.test.context.TestPropertySource;

/**
 * A production start: no demo world, an empty database. The first administrator can only come from the
 * setup link, once, even when it is used many times at the same moment.
 */
@EncounterTest
@TestPropertySource(properties = "encounter.demo.enabled=false")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstAdminSetupTest {

    private static final String PASSPHRASE = "river stones remember the rain";

    @Autowired
    private SetupService setup;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private TestClock clock;
    @Autowired
    private OrganisationService organisations;
    @Autowired
    private InvitationService invitations;

    @Test
    @Order(1)
    void an_empty_installation_waits_for_its_first_administrator_and_logged_a_link() {
        assertThat(count("person")).isZero();
        assertThat(count("organisation")).isZero();
        assertThat(setup.needed()).isTrue();
        // The start logged one link (SetupLink); its token is stored only as a hash.
        assertThat(jdbc.queryForList("select token_hash from setup_token", String.class))
                .hasSize(1).allMatch(hash -> hash.matches("[0-9a-f]{64}"));
    }

    @Test
    @Order(2)
    void nothing_but_the_setup_link_creates_people_or_organisations_for_a_stranger() {
        assertThatThrownBy(() -> organisations.create("Shadow org"))
                .isInstanceOfAny(AccessDeniedException.class, AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> invitations.create(1L, null, EnumSet.of(Role.ADMIN), "Mallory", null))
                .isInstanceOfAny(AccessDeniedException.class, AuthenticationCredentialsNotFoundException.class);
        assertThat(setup.status("not-a-real-setup-token-at-all")).isEqualTo(SetupService.Status.UNKNOWN);
        assertThatThrownBy(() -> setup.createFirstAdmin("not-a-real-setup-token-at-all", "Shadow org", "Mallory",
                "mallory@example.org", PASSPHRASE, null))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().getFirst().messageKey()).isEqualTo("setup.not-open.unknown"));
        assertThat(count("person")).isZero();
        assertThat(count("organisation")).isZero();
    }

    @Test
    @Order(3)
    void bad_input_is_refused_field_by_field_and_the_link_still_works() {
        String token = setup.issue();
        assertThatThrownBy(() -> setup.createFirstAdmin(token, " ", "", "not-an-address", "short", "xx"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::field)
                        .containsExactlyInAnyOrder("organisation", "displayName", "email", "language", "password"));
        assertThat(count("person")).isZero();
        assertThat(count("organisation")).isZero();
        assertThat(setup.status(token)).isEqualTo(SetupService.Status.OPEN);
    }

    @Test
    @Order(4)
    void an_expired_link_does_nothing() {
        String token = setup.issue();
        clock.advance(setup.validity().plus(Duration.ofMinutes(1)));
        try {
            assertThat(setup.status(token)).isEqualTo(SetupService.Status.EXPIRED);
            assertThatThrownBy(() -> setup.createFirstAdmin(token, "Aurajoki", "Helena", "helena@example.org",
                    PASSPHRASE, null)).isInstanceOf(InvalidInputException.class);
        } finally {
            clock.reset();
        }
        assertThat(count("person")).isZero();
    }

    @Test
    @Order(5)
    void two_links_used_twelve_times_at_once_make_exactly_one_administrator() throws Exception {
        String first = setup.issue();
        String second = setup.issue();
        int requests = 12;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        List<Future<Long>> results = new ArrayList<>();
        try {
            for (int i = 0; i < requests; i++) {
                String token = i % 3 == 0 ? second : first;
                String email = "admin" + i + "@aurajoki.example";
                results.add(pool.submit(() -> {
                    go.await();
                    return setup.createFirstAdmin(token, "City of Aurajoki " + email, "Admin " + email, email,
                            PASSPHRASE, "fi");
                }));
            }
            go.countDown();
            int created = 0;
            for (Future<Long> result : results) {
                try {
                    result.get();
                    created++;
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(InvalidInputException.class);
                }
            }
            assertThat(created).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("person")).isEqualTo(1);
        assertThat(count("organisation")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select role from person_role", String.class)).isEqualTo("ADMIN");
        assertThat(jdbc.queryForObject("select password_hash from person", String.class)).doesNotContain(PASSPHRASE);
        assertThat(setup.needed()).isFalse();
        assertThat(setup.status(first)).isEqualTo(SetupService.Status.DONE);
        assertThat(setup.status(second)).isEqualTo(SetupService.Status.DONE);
    }

    @Test
    @Order(6)
    void once_set_up_no_link_works_again() {
        String late = setup.issue();
        assertThatThrownBy(() -> setup.createFirstAdmin(late, "Second org", "Eve", "eve@example.org", PASSPHRASE, null))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().getFirst().messageKey()).isEqualTo("setup.not-open.done"));
        assertThat(count("person")).isEqualTo(1);
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}
