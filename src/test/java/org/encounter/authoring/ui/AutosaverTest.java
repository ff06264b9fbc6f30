package org.encounter.authoring.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.encounter.KaribuTest;
import org.encounter.base.ui.SaveStatus;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

class AutosaverTest extends KaribuTest {

    @Test
    void a_save_that_fails_while_the_database_is_away_is_shown_and_retried_until_it_goes_through() {
        signInAs("ruby@demo.encounter.example");
        SaveStatus status = new SaveStatus();
        UI.getCurrent().add(status);
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
}
