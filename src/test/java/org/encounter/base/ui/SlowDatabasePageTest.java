package org.encounter.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.encounter.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A slow database, played for real: another connection holds the table a page reads, or every connection of the
 * pool is taken. The page waits the configured bound, then says the database is slow (not "something went wrong",
 * and never hangs); once the database answers again the same page opens.
 */
@TestPropertySource(properties = {"DB_LOCK_WAIT_SECONDS=2", "DB_CONNECTION_WAIT_MS=2000"})
class SlowDatabasePageTest extends KaribuTest {

    /** Leo reads Encounter in Finnish. */
    static final String SLOW = "Tietokanta vastaa juuri nyt hitaasti. Mitään tallentamaasi ei ole kadonnut; yritä hetken"
            + " kuluttua uudelleen.";

    @Autowired HikariDataSource pool;

    @Test
    void a_table_locked_elsewhere_makes_the_page_say_the_database_is_slow_within_the_lock_wait_then_it_opens() throws Exception {
        signInAs("leo@demo.encounter.example");
        try (Connection other = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
             Statement locker = other.createStatement()) {
            locker.execute("LOCK TABLES notification WRITE");
            long started = System.nanoTime();
            UI.getCurrent().navigate("notifications");
            Duration waited = Duration.ofNanos(System.nanoTime() - started);
            assertThat(_get(Paragraph.class, spec -> spec.withId("error-database-slow")).getText()).isEqualTo(SLOW);
            assertThat(waited).as("the page waited for the lock, and no longer than the bound")
                    .isBetween(Duration.ofMillis(1500), Duration.ofSeconds(8));
            locker.execute("UNLOCK TABLES");
        }
        UI.getCurrent().navigate("notifications");
        assertThat(_find(Paragraph.class, spec -> spec.withId("error-database-slow"))).isEmpty();
        assertThat(_find(H1.class)).extracting(H1::getText).contains("Ilmoitukset");
    }

    @Test
    void a_pool_with_every_connection_taken_makes_the_page_say_so_within_the_connection_wait_then_it_opens() throws Exception {
        signInAs("leo@demo.encounter.example");
        List<Connection> taken = new ArrayList<>();
        try {
            for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
                taken.add(pool.getConnection());
            }
            long started = System.nanoTime();
            UI.getCurrent().navigate("notifications");
            Duration waited = Duration.ofNanos(System.nanoTime() - started);
            assertThat(_get(Paragraph.class, spec -> spec.withId("error-database-slow")).getText()).isEqualTo(SLOW);
            assertThat(waited).isBetween(Duration.ofMillis(1500), Duration.ofSeconds(8));
        } finally {
            for (Connection connection : taken) {
                connection.close();
            }
        }
        UI.getCurrent().navigate("notifications");
        assertThat(_find(Paragraph.class, spec -> spec.withId("error-database-slow"))).isEmpty();
        assertThat(_find(H1.class)).extracting(H1::getText).contains("Ilmoitukset");
    }
}
