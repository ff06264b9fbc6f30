package org.encounter;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.encounter.base.internal.EmbeddedMariaDb;
import org.junit.jupiter.api.Test;

/**
 * The production jar (target/encounter.jar, built by `package` before this runs) started the way an
 * operator starts it: no demo world and no known password unless asked for, a one-time setup link for the
 * first administrator, warnings about settings left at their defaults, and a plain sentence when the
 * database is missing. Each start runs against a real MariaDB of its own.
 */
class ProductionJarBrowserIT {

    private static final Path JAR = Path.of("target/encounter.jar").toAbsolutePath();
    private static final String PASSPHRASE = "kettle lantern orchard 42";

    @Test
    void without_a_database_the_jar_says_what_to_set_in_a_few_lines() throws Exception {
        Path work = workDir();
        Process process = start(work, Map.of());
        assertThat(process.waitFor(4, TimeUnit.MINUTES)).as("the jar gives up by itself").isTrue();
        String log = Files.readString(work.resolve("app.log"));
        assertThat(process.exitValue()).isNotZero();
        assertThat(log).contains("APPLICATION FAILED TO START", "No database configured.",
                "Set DB_URL (for example jdbc:mariadb://localhost:3306/encounter), DB_USER and DB_PASSWORD.");
        assertThat(log.lines().filter(line -> line.startsWith("\tat ") || line.startsWith("Caused by:")))
                .as("stack trace lines").isEmpty();
        assertThat(log.lines().count()).isLessThan(45);
    }

    @Test
    void a_production_start_has_no_known_account_and_its_setup_link_makes_the_first_admin() throws Exception {
        Path work = workDir();
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(work.resolve("db"), 0, "encounter")) {
            int port = freePort();
            Process app = start(work, Map.of("DB_URL", db.jdbcUrl(), "DB_USER", db.username(),
                    "DB_PASSWORD", db.password(), "PORT", String.valueOf(port), "PUBLIC_URL", "http://localhost:" + port));
            try {
                String log = awaitReady(app, work, port);
                assertThat(log).doesNotContain("Demo world created");
                assertThat(count(db, "person")).isZero();
                Matcher link = Pattern.compile("http://localhost:" + port + "/setup/([A-Za-z0-9_-]{43})").matcher(log);
                assertThat(link.find()).as("the setup link in the log").isTrue();
                String token = link.group(1);
                assertThat(log).contains("CERT_KEYSTORE_PASSWORD is still the default", "PUBLIC_URL is http://localhost:");
                Path key = work.resolve("data/keys/certificates.p12");
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key.getParent())))
                        .isEqualTo("rwx------");

                try (Playwright playwright = BrowserSupport.playwright();
                     Browser browser = BrowserSupport.chromium(playwright)) {
                    Page page = browser.newContext(new Browser.NewContextOptions().setLocale("en-GB")
                            .setViewportSize(1280, 800)).newPage();
                    page.setDefaultTimeout(30_000);
                    List<String> refusals = new java.util.concurrent.CopyOnWriteArrayList<>();
                    page.onConsoleMessage(m -> {
                        if (m.text().contains("Content Security Policy")) {
                            refusals.add(m.text());
                        }
                    });
                    page.navigate(link.group());
                    page.locator("#setup-organisation input").fill("City of Aurajoki");
                    page.locator("#setup-display-name input").fill("Helena Virtanen");
                    page.locator("#setup-email input").fill("helena@aurajoki.example");
                    page.locator("#setup-password input").fill(PASSPHRASE);
                    page.locator("#setup-confirm input").fill(PASSPHRASE);
                    page.locator("#setup-create").click();
                    assertThat(page.locator("#setup-done")).containsText("Encounter is ready");
                    page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/setup-done.png")));

                    page.navigate("http://localhost:" + port + "/login");
                    page.locator("vaadin-login-form input[name=username]").fill("helena@aurajoki.example");
                    page.locator("vaadin-login-form input[name=password]").fill(PASSPHRASE);
                    page.locator("vaadin-login-form vaadin-button").first().click();
                    assertThat(page.locator("#home-greeting")).hasText("Hello, Helena Virtanen");
                    assertThat(page.locator("#home-admin .deployment-warning")).hasCount(2);
                    assertThat(page.locator("#home-admin")).containsText("CERT_KEYSTORE_PASSWORD");
                    assertThat(page.locator("#home-admin")).containsText("PUBLIC_URL");
                    page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/admin-warnings.png")));
                    assertThat(refusals).as("what the Content-Security-Policy refused on these pages").isEmpty();

                    // The link worked once; now it only says the installation is set up.
                    Page other = browser.newContext().newPage();
                    other.navigate(link.group());
                    assertThat(other.locator("#setup-problem")).containsText("already has an administrator");
                }
                assertThat(count(db, "person")).isEqualTo(1);
                String after = Files.readString(work.resolve("app.log"));
                assertThat(after.split(Pattern.quote(token), -1)).as("the token in the log: the setup line only")
                        .hasSize(2);
            } finally {
                stop(app);
            }
        }
    }

    @Test
    void demo_enabled_true_gives_the_production_jar_the_demo_world() throws Exception {
        Path work = workDir();
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(work.resolve("db"), 0, "encounter")) {
            int port = freePort();
            Process app = start(work, Map.of("DB_URL", db.jdbcUrl(), "DB_USER", db.username(),
                    "DB_PASSWORD", db.password(), "PORT", String.valueOf(port), "DEMO_ENABLED", "true"));
            try {
                String log = awaitReady(app, work, port);
                assertThat(log).contains("Demo world created").doesNotContain("/setup/");
                // Everyone in the README's table of demo logins.
                assertThat(count(db, "person")).isEqualTo(31);
            } finally {
                stop(app);
            }
        }
    }

    static Process start(Path work, Map<String, String> settings) throws IOException {
        assertThat(JAR).as("the production jar (run the test through `./mvnw verify`)").exists();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", JAR.toString())
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("app.log").toFile());
        Map<String, String> env = builder.environment();
        for (String inherited : List.of("DB_URL", "DB_USER", "DB_PASSWORD", "DEMO_ENABLED", "PUBLIC_URL", "PORT",
                "CERT_KEYSTORE", "CERT_KEYSTORE_PASSWORD", "SPRING_PROFILES_ACTIVE")) {
            env.remove(inherited);
        }
        env.putIfAbsent("PORT", "0");
        env.putAll(settings);
        Process process = builder.start();
        // If this test run is stopped, the app it started stops with it.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        return process;
    }

    /** Ready means the start-up work (demo world, setup link) is done: readiness turns UP only after it. */
    static String awaitReady(Process app, Path work, int port) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(deadline)) {
            String log = Files.readString(work.resolve("app.log"));
            if (log.contains("Started EncounterApplication") && ready(http, port)) {
                return Files.readString(work.resolve("app.log"));
            }
            assertThat(app.isAlive()).as("the app is still starting:%n%s", log).isTrue();
            Thread.sleep(500);
        }
        throw new AssertionError("the app did not start within 5 minutes");
    }

    private static boolean ready(HttpClient http, int port) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static void stop(Process app) throws InterruptedException {
        app.destroy();
        if (!app.waitFor(30, TimeUnit.SECONDS)) {
            app.destroyForcibly().waitFor();
        }
    }

    private static long count(EmbeddedMariaDb db, String table) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
             ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static Path workDir() throws IOException {
        return Files.createDirectories(Path.of("target/production-it/" + UUID.randomUUID()).toAbsolutePath());
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
