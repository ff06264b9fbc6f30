package org.encounter.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.encounter.ServiceTest;
import org.encounter.TestClock;
import org.encounter.base.InvalidInputException;
import org.encounter.base.PersonalData.ErasureChoices;
import org.encounter.base.RecordNotFound;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Asking for erasure, the cool-off, who may act for whom, what stops it, and an erasure that fails half-way. */
class ErasuresTest extends ServiceTest {

    private static final ErasureChoices PLAIN = new ErasureChoices(false, false, false);

    @Autowired
    private Erasures erasures;
    @Autowired
    private ErasureRunner runner;
    @Autowired
    private TestClock clock;
    @Autowired
    private PlatformTransactionManager transactions;

    @AfterEach
    void cleanUp() {
        clock.reset();
        jdbc.update("update erasure_request set status = 'CANCELLED' where status = 'PENDING'");
    }

    @Test
    void a_person_asks_for_erasure_after_a_cool_off_and_can_take_it_back() {
        long sanna = personId("sanna");
        Erasures.Request request = as("sanna", () -> erasures.request(sanna, PLAIN));
        assertThat(request.origin()).isEqualTo(Erasures.Origin.PERSON);
        assertThat(Duration.between(request.requestedAt(), request.dueAt())).isEqualTo(Duration.ofDays(14));
        assertThat(as("sanna", () -> erasures.pending(sanna))).isPresent();
        assertThatThrownBy(() -> as("sanna", () -> erasures.request(sanna, PLAIN)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().getFirst().messageKey())
                        .isEqualTo("privacy.erasure.already-requested"));

        // Nothing happens before the cool-off has passed.
        assertThat(runner.eraseDue()).isZero();
        as("sanna", () -> erasures.cancel(request.id()));
        assertThat(jdbc.queryForObject("select status from erasure_request where id = ?", String.class, request.id()))
                .isEqualTo("CANCELLED");
        clock.advance(Duration.ofDays(15));
        assertThat(runner.eraseDue()).isZero();
        assertThat(jdbc.queryForObject("select display_name from person where id = ?", String.class, sanna))
                .isEqualTo("Sanna Nieminen");
    }

    @Test
    void an_organisation_admin_acts_for_their_own_people_and_nobody_else_does() {
        long sanna = personId("sanna");
        Erasures.Request request = as("riikka", () -> erasures.request(sanna, PLAIN));
        assertThat(request.origin()).isEqualTo(Erasures.Origin.ADMIN);
        assertThat(as("riikka", () -> erasures.pendingInScope())).extracting(Erasures.Request::personId).contains(sanna);
        assertThat(as("nils", () -> erasures.pendingInScope())).extracting(Erasures.Request::personId)
                .doesNotContain(sanna);
        for (String outsider : new String[] {"nils", "ville", "jussi", "mikko"}) {
            assertThatThrownBy(() -> as(outsider, () -> erasures.cancel(request.id()))).as(outsider)
                    .isInstanceOf(RecordNotFound.class);
            assertThatThrownBy(() -> as(outsider, () -> erasures.pending(sanna))).as(outsider)
                    .isInstanceOf(RecordNotFound.class);
        }
        as("sanna", () -> erasures.cancel(request.id()));
        for (String outsider : new String[] {"nils", "ville", "jussi", "mikko"}) {
            assertThatThrownBy(() -> as(outsider, () -> erasures.request(sanna, PLAIN))).as(outsider)
                    .isInstanceOf(RecordNotFound.class);
        }
        assertThat(jdbc.queryForObject("select count(*) from erasure_request where person_id = ? and status = 'PENDING'",
                Long.class, sanna)).isZero();
    }

    @Test
    void the_last_platform_admin_cannot_be_erased() {
        assertThat(jdbc.queryForObject("select count(*) from person_role where role = 'ADMIN'", Long.class)).isOne();
        long helena = personId("admin");
        assertThatThrownBy(() -> as("admin", () -> erasures.request(helena, PLAIN)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().getFirst().messageKey())
                        .isEqualTo("privacy.erasure.last-admin"));
        assertThat(jdbc.queryForObject("select count(*) from erasure_request where person_id = ?", Long.class, helena))
                .isZero();
    }

    @Test
    void after_the_cool_off_the_person_is_erased_in_one_go() {
        long sanna = personId("sanna");
        TransactionTemplate outer = new TransactionTemplate(transactions);
        outer.executeWithoutResult(status -> {
            status.setRollbackOnly();
            as("sanna", () -> erasures.request(sanna, PLAIN));
            clock.advance(Duration.ofDays(14).plusMinutes(1));
            assertThat(runner.eraseDue()).isOne();
            assertThat(jdbc.queryForObject("select display_name from person where id = ?", String.class, sanna))
                    .isNotEqualTo("Sanna Nieminen");
            assertThat(jdbc.queryForObject("select status from erasure_request where person_id = ? order by id desc limit 1", String.class, sanna))
                    .isEqualTo("DONE");
            assertThat(runner.eraseDue()).isZero();
        });
    }

    /**
     * The database refuses the last step (identity's, after every other feature has erased its part): everything is
     * rolled back, the person is fully present, and the next run erases them fully.
     */
    @Test
    void a_failure_mid_erasure_leaves_the_person_fully_present_and_the_next_run_finishes() {
        long org = jdbc.queryForObject("select organisation_id from person where email = ?", Long.class, "nils" + DOMAIN);
        Instant now = clock.instant();
        LocalDateTime utc = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        jdbc.update("""
                insert into person (organisation_id, email, display_name, registered_name, password_hash, enabled,
                                    created_at, version) values (?, 'halfway@northvale.example', 'Halfway Test',
                                    'Halfway Test', '{noop}x', true, ?, 0)""", org, utc);
        long person = jdbc.queryForObject("select id from person where email = 'halfway@northvale.example'", Long.class);
        try {
            jdbc.update("insert into person_role (person_id, role) values (?, 'LEARNER')", person);
            jdbc.update("""
                    insert into notification (person_id, kind, ref, message_key, args, link, created_at)
                    values (?, 'test', 'halfway', 'notify.erasure-cancelled', '[]', 'my-data', ?)""", person, utc);
            jdbc.update("""
                    insert into data_export (person_id, requested_at, status) values (?, ?, 'FAILED')""", person, utc);
            jdbc.update("""
                    insert into erasure_request (person_id, requested_by, origin, requested_at, due_at, status)
                    values (?, ?, 'PERSON', ?, ?, 'PENDING')""", person, person, utc.minusDays(15), utc.minusDays(1));
            jdbc.execute("create trigger halfway_fails before update on person for each row "
                    + "if old.id = " + person + " then signal sqlstate '45000' set message_text = 'disk full'; end if");
            try {
                assertThat(runner.eraseDue()).isZero();
            } finally {
                jdbc.execute("drop trigger if exists halfway_fails");
            }
            assertThat(jdbc.queryForObject("select display_name from person where id = ?", String.class, person))
                    .isEqualTo("Halfway Test");
            assertThat(jdbc.queryForObject("select count(*) from notification where person_id = ?", Long.class, person))
                    .isOne();
            assertThat(jdbc.queryForObject("select count(*) from data_export where person_id = ?", Long.class, person))
                    .isOne();
            assertThat(jdbc.queryForObject("select count(*) from person_role where person_id = ?", Long.class, person))
                    .isOne();
            assertThat(jdbc.queryForMap("select status, failures from erasure_request where person_id = ?", person))
                    .containsEntry("status", "PENDING").containsEntry("failures", 1);

            assertThat(runner.eraseDue()).isOne();
            assertThat(jdbc.queryForObject("select display_name from person where id = ?", String.class, person))
                    .isNotEqualTo("Halfway Test");
            assertThat(jdbc.queryForObject("select email from person where id = ?", String.class, person))
                    .doesNotContain("halfway");
            assertThat(jdbc.queryForObject("select count(*) from notification where person_id = ?", Long.class, person))
                    .isZero();
            assertThat(jdbc.queryForObject("select count(*) from data_export where person_id = ?", Long.class, person))
                    .isZero();
            assertThat(jdbc.queryForObject("select count(*) from person_role where person_id = ?", Long.class, person))
                    .isZero();
            // Running it again does nothing more, and fails at nothing.
            assertThat(runner.eraseDue()).isZero();
        } finally {
            for (String table : new String[] {"erasure_request", "data_export", "notification", "person_role"}) {
                jdbc.update("delete from " + table + " where person_id = ?", person);
            }
            jdbc.update("delete from person where id = ?", person);
        }
    }
}
