package org.encounter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.catalina.Context;
import org.apache.catalina.Manager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * Floods played over real HTTP against the running app, each from one client address (a loopback alias), with the
 * limits at their production defaults: a thousand sign-ins in a minute, ten thousand sessions.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OwnSecurityContextHolder.class)
@ActiveProfiles("test")
@TestPropertySource(properties = {"encounter.security.sign-ins-per-client-per-minute=30",
        "encounter.http.max-anonymous-sessions-per-client=50"})
class FloodTest {

    static final String DOMAIN = "@demo.encounter.example";
    static final String PASSWORD = "encounter-demo-2026";
    static final String WRONG = "/login?error";

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired WebServerApplicationContext web;
    @Autowired SessionRegistry sessions;

    @Test
    void a_thousand_sign_ins_in_a_minute_from_one_client_are_refused_unchecked_while_another_client_signs_in() throws Exception {
        String flooder = "127.0.0.41";
        FormSignIn flood = new FormSignIn(port, flooder).open();
        List<Future<FormSignIn.Result>> answers = new ArrayList<>();
        FormSignIn.Result meanwhile;
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 1000; i++) {
                String email = (i % 2 == 0 ? "person" + i : "sanna") + DOMAIN;
                String guess = "guess " + i;
                answers.add(pool.submit(() -> flood.signIn(email, guess)));
            }
            meanwhile = new FormSignIn(port, "127.0.0.42").open().signIn("ahmed" + DOMAIN, PASSWORD);
            for (Future<FormSignIn.Result> answer : answers) {
                assertThat(answer.get()).as("every try of the flood looks like a wrong password")
                        .isEqualTo(new FormSignIn.Result(302, WRONG));
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("1000 sign-ins from one client answered in %d ms%n", took.toMillis());
        assertThat(meanwhile.location()).as("another client signs in during the flood").isEqualTo("/");
        assertThat(flood.signIn("leo" + DOMAIN, PASSWORD))
                .as("the flooding client, even with a right password, is refused like a wrong one")
                .isEqualTo(new FormSignIn.Result(302, WRONG));
        Integer checked = jdbc.queryForObject(
                "select coalesce(sum(failures), 0) from sign_in_failure where client = ?", Integer.class, flooder);
        // Every try that gets past the per-client limit is counted (before its password hash) in sign_in_failure.
        assertThat(checked).as("tries whose password was hashed, of 1,001").isBetween(1, 60);
    }

    @Test
    void ten_thousand_cookieless_requests_from_one_client_leave_at_most_fifty_anonymous_sessions_and_others_get_in()
            throws Exception {
        String flooder = "127.0.0.43";
        FormSignIn signedIn = new FormSignIn(port, flooder).open();
        assertThat(signedIn.signIn("leo" + DOMAIN, PASSWORD).location()).isEqualTo("/");
        int before = manager().getActiveSessions();

        HttpClient bare = HttpClient.newBuilder().localAddress(InetAddress.getByName(flooder))
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                statuses.add(pool.submit(() -> bare.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                        .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode()));
            }
            for (Future<Integer> status : statuses) {
                assertThat(status.get()).isLessThan(500);
            }
        }
        System.out.printf("10,000 cookie-less requests answered in %d ms; sessions %d before, %d after%n",
                Duration.ofNanos(System.nanoTime() - started).toMillis(), before, manager().getActiveSessions());
        assertThat(manager().getActiveSessions() - before).as("sessions the flood left alive").isLessThanOrEqualTo(50);

        assertThat(new FormSignIn(port, "127.0.0.44").open().signIn("ahmed" + DOMAIN, PASSWORD).location())
                .as("another client still gets in").isEqualTo("/");
        assertThat(stillSignedIn("leo" + DOMAIN)).as("a signed-in session at the flooding address is not counted")
                .isTrue();
    }

    @Test
    void each_open_connection_holds_2_kb_buffers_and_a_longer_body_still_arrives_whole() {
        var connector = ((TomcatWebServer) web.getWebServer()).getTomcat().getConnector();
        assertThat(String.valueOf(connector.getProperty("socket.appReadBufSize"))).isEqualTo("2048");
        assertThat(String.valueOf(connector.getProperty("socket.appWriteBufSize"))).isEqualTo("2048");
        // A 12,000-character password (a 12 KB form body, six buffers' worth) is read whole and answered as wrong.
        assertThat(new FormSignIn(port, "127.0.0.45").open().signIn("ahmed" + DOMAIN, PASSWORD + "x".repeat(12_000)))
                .isEqualTo(new FormSignIn.Result(302, WRONG));
    }

    private boolean stillSignedIn(String email) throws IOException {
        for (Object principal : sessions.getAllPrincipals()) {
            if (principal.toString().contains(email) || (principal instanceof org.springframework.security.core.userdetails.UserDetails user
                    && user.getUsername().equals(email))) {
                for (var info : sessions.getAllSessions(principal, false)) {
                    if (manager().findSession(info.getSessionId()) != null) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private Manager manager() {
        var tomcat = ((TomcatWebServer) web.getWebServer()).getTomcat();
        return ((Context) tomcat.getHost().findChildren()[0]).getManager();
    }
}
