package org.encounter.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.encounter.ServiceTest;
import org.encounter.TestClock;
import org.encounter.base.InvalidInputException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The retention periods an admin sets, and the job that applies them and says what it removed. */
class RetentionTest extends ServiceTest {

    @Autowired
    private RetentionSettings settings;
    @Autowired
    private ErasureRunner runner;
    @Autowired
    private ExportFiles files;
    @Autowired
    private TestClock clock;
    @Autowired
    private PlatformTransactionManager transactions;

    @AfterEach
    void restore() {
        clock.reset();
        jdbc.update("update retention_setting set private_answers_days = null, inactive_account_days = null,"
                + " export_file_days = null where id = 1");
    }

    @Test
    void only_the_platform_admin_sets_the_periods_and_silly_ones_are_refused() {
        assertThat(as("admin", () -> settings.defaults()))
                .isEqualTo(new RetentionSettings.Periods(730, 1095, 7));
        as("admin", () -> settings.save(new RetentionSettings.Periods(365, 730, 3)));
        assertThat(as("admin", () -> settings.periods())).isEqualTo(new RetentionSettings.Periods(365, 730, 3));
        assertThatThrownBy(() -> as("admin", () -> settings.save(new RetentionSettings.Periods(5, 730, 3))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::field).containsExactly("privateAnswersDays"));
        assertThatThrownBy(() -> as("riikka", () -> settings.save(new RetentionSettings.Periods(365, 730, 3))))
                .isNotInstanceOf(InvalidInputException.class);
        assertThat(as("admin", () -> settings.periods())).isEqualTo(new RetentionSettings.Periods(365, 730, 3));
    }

    @Test
    void the_job_deletes_expired_downloads_and_puts_long_unused_accounts_up_for_erasure() throws Exception {
        TransactionTemplate outer = new TransactionTemplate(transactions);
        outer.executeWithoutResult(status -> {
            status.setRollbackOnly();
            long sanna = personId("sanna");
            long jussi = personId("jussi");
            LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
            String name = files.newName();
            try {
                Files.createDirectories(files.path(name).getParent());
                Files.writeString(files.path(name), "zip");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            jdbc.update("""
                    insert into data_export (person_id, requested_at, status, file_name, ready_at, expires_at)
                    values (?, ?, 'READY', ?, ?, ?)""", sanna, now.minusDays(9), name, now.minusDays(9), now.minusDays(2));
            // Everyone signed in just now, except Jussi, whose last sign-in was four years ago.
            jdbc.update("update person set last_signed_in_at = ?", now);
            jdbc.update("update person set last_signed_in_at = ?, created_at = ? where id = ?", now.minusYears(4),
                    now.minusYears(5), jussi);

            RetentionSettings.Run run = as("admin", () -> settings.runNow());
            assertThat(run.removed()).containsEntry("exportFiles", 1).containsEntry("inactiveAccounts", 1)
                    .containsKey("privateAnswers");
            assertThat(Files.exists(files.path(name))).isFalse();
            assertThat(jdbc.queryForObject("select status from data_export where file_name is null and person_id = ?"
                    + " order by id desc limit 1", String.class, sanna)).isEqualTo("EXPIRED");
            assertThat(jdbc.queryForList("select person_id from erasure_request where status = 'PENDING'"
                    + " and origin = 'RETENTION'", Long.class)).containsExactly(jussi);
            assertThat(as("admin", () -> settings.runs()).getFirst().removed()).isEqualTo(run.removed());
            // A second run finds nothing new.
            assertThat(as("admin", () -> settings.runNow()).removed()).containsEntry("exportFiles", 0)
                    .containsEntry("inactiveAccounts", 0);

            // Jussi signs in during the cool-off: he keeps his account.
            clock.advance(Duration.ofDays(3));
            jdbc.update("update person set last_signed_in_at = ? where id = ?",
                    LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), jussi);
            clock.advance(Duration.ofDays(12));
            assertThat(runner.eraseDue()).isZero();
            assertThat(jdbc.queryForObject("select status from erasure_request where person_id = ? and origin = 'RETENTION'",
                    String.class, jussi)).isEqualTo("CANCELLED");
            assertThat(jdbc.queryForObject("select display_name from person where id = ?", String.class, jussi))
                    .isEqualTo("Jussi Korhonen");
        });
    }
}
