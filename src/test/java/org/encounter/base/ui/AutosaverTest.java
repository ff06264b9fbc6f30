package org.encounter.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.encounter.KaribuTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The editor's saves against the real database: a save that can never go through (the database refuses the
 * value) stops, says what to fix and is logged once; one that fails for a moment (a lock held elsewhere) is
 * retried with growing pauses, logged once, and goes through when the database lets it.
 */
class AutosaverTest extends KaribuTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired DataSource dataSource;
    @Autowired PlatformTransactionManager transactions;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(Autosaver.class);

    @BeforeEach
    void captureLog() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        logger.detachAppender(log);
    }

    long team() {
        return jdbc.queryForObject("select id from team where name = 'Community Policing'", Long.class);
    }

    SaveStatus status() {
        SaveStatus status = new SaveStatus();
        UI.getCurrent().add(status);
        return status;
    }

    @Test
    void a_save_the_database_refuses_stops_retrying_says_what_to_fix_and_is_logged_once() {
        signInAs("ruby@demo.encounter.example");
        SaveStatus status = status();
        Autosaver saver = new Autosaver(status);
        AtomicInteger runs = new AtomicInteger();
        // A second team of the same name in one organisation: refused by the database however often it is tried.
        assertThatThrownBy(() -> jdbc.update("update team set name = 'Youth Services' where id = ?", team()))
                .isInstanceOf(DataIntegrityViolationException.class);

        saver.save("details", () -> {
            runs.incrementAndGet();
            jdbc.update("update team set name = 'Youth Services' where id = ?", team());
        });
        assertThat(status.getElement().getAttribute("data-state")).isEqualTo("failed");
        assertThat(status.getText()).isEqualTo("Not saved: the last change was refused. Change it and it saves again.");
        assertThat(_find(Notification.class)).isNotEmpty();
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(-1);
        saver.flush(); // a poll, had one been left running
        saver.flush();
        assertThat(runs.get()).isEqualTo(1);
        assertThat(log.list).hasSize(1);

        // The next change is saved as usual.
        saver.save("details", runs::incrementAndGet);
        assertThat(runs.get()).isEqualTo(2);
        assertThat(status.getText()).isEqualTo("Saved");
    }

    @Test
    void a_save_that_waits_for_a_lock_is_retried_with_growing_pauses_logged_once_and_goes_through() throws Exception {
        signInAs("ruby@demo.encounter.example");
        SaveStatus status = status();
        Autosaver saver = new Autosaver(status);
        long team = team();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        AtomicInteger stored = new AtomicInteger();
        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            blocker.createStatement().executeQuery("select * from team where id = " + team + " for update").close();
            Autosaver.Save save = () -> tx.executeWithoutResult(s -> {
                jdbc.execute("set session innodb_lock_wait_timeout = 1");
                try {
                    jdbc.update("update team set created_at = created_at where id = ?", team);
                    stored.incrementAndGet();
                } finally {
                    jdbc.execute("set session innodb_lock_wait_timeout = default");
                }
            });
            // Through JdbcTemplate MariaDB's lock wait timeout (1205, SQL state HY000) is not even categorised as
            // transient; the saver looks at the cause.
            assertThatThrownBy(save::run).hasStackTraceContaining("Lock wait timeout exceeded");

            saver.save("details", save);
            assertThat(status.getText()).isEqualTo("Could not save — retrying");
            int first = UI.getCurrent().getPollInterval();
            assertThat(first).isPositive();
            saver.flush(); // the next poll: still locked
            int second = UI.getCurrent().getPollInterval();
            assertThat(second).isGreaterThan(first);
            saver.flush();
            assertThat(UI.getCurrent().getPollInterval()).isGreaterThan(second);
            assertThat(log.list).hasSize(1);
            blocker.rollback();
        }
        saver.flush(); // the lock is gone
        assertThat(stored.get()).isEqualTo(1);
        assertThat(status.getText()).isEqualTo("Saved");
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(-1);
    }

    @Test
    void a_save_that_fails_while_the_database_is_away_is_shown_and_retried_until_it_goes_through() {
        signInAs("ruby@demo.encounter.example");
        SaveStatus status = status();
        Autosaver saver = new Autosaver(status);
        AtomicBoolean databaseUp = new AtomicBoolean(false);
        AtomicInteger stored = new AtomicInteger();

        saver.save("step-1", () -> {
            if (!databaseUp.get()) {
                throw new DataAccessResourceFailureException("connection refused");
            }
            stored.incrementAndGet();
        });
        assertThat(status.getText()).isEqualTo("Could not save — retrying");
        assertThat(UI.getCurrent().getPollInterval()).isPositive();
        assertThat(stored.get()).isZero();

        databaseUp.set(true);
        saver.flush(); // what the next poll does
        assertThat(stored.get()).isEqualTo(1);
        assertThat(status.getText()).isEqualTo("Saved");
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(-1);
    }

    @Test
    void what_the_browser_keeps_is_let_go_only_after_the_save_went_through() {
        signInAs("ruby@demo.encounter.example");
        SaveStatus status = status();
        Autosaver saver = new Autosaver(status);
        TextField field = new TextField();
        UI.getCurrent().add(field);
        saver.keep(field, "module:1:step:2:body");
        assertThat(scripts()).anyMatch(js -> js.contains("encounterKeeper.keep(this"));
        AtomicBoolean databaseUp = new AtomicBoolean(false);

        field.setValue("Zoë's words");
        saver.save("step-2", () -> {
            if (!databaseUp.get()) {
                throw new DataAccessResourceFailureException("connection refused");
            }
        });
        assertThat(status.getElement().getAttribute("data-state")).isEqualTo("retrying");
        assertThat(scripts()).noneMatch(js -> js.contains("encounterKeeper.saved"));

        databaseUp.set(true);
        saver.flush();
        UI.getCurrent().getInternals().getStateTree().runExecutionsBeforeClientResponse();
        var saved = UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations().stream()
                .filter(js -> js.getInvocation().getExpression().contains("encounterKeeper.saved")).toList();
        assertThat(saved).hasSize(1);
        // The key names the person (not readably) and what is edited; the hash is Java's, which the browser repeats.
        var parameters = saved.getFirst().getInvocation().getParameters();
        assertThat(parameters).contains("Zoë's words".hashCode());
        assertThat(parameters).filteredOn(String.class::isInstance).singleElement().asString()
                .endsWith(":module:1:step:2:body").doesNotContain("ruby");
    }

    /** The scripts the next response would carry to the browser. */
    private static java.util.List<String> scripts() {
        UI.getCurrent().getInternals().getStateTree().runExecutionsBeforeClientResponse();
        return UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations().stream()
                .map(js -> js.getInvocation().getExpression()).toList();
    }
}
