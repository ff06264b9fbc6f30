package org.encounter;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.LoadState;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.encounter.base.internal.EmbeddedMariaDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Nothing a person types is lost: the production jar on a MariaDB of its own, a learner writing a reflection and an
 * author writing a module step in real Chromium while the app restarts, the database restarts, the network drops
 * and the session ends. Every character they typed is in the database afterwards.
 *
 * <p>{@code -Dkeeper.off=true} runs the same journeys with the browser's storage switched off (the text keeper
 * cannot keep anything), to see them fail.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NothingLostBrowserIT {

    private static final String MODULE = "When our assumptions came tumbling down";
    private static final String DRAFT = "Waiting rooms";
    private static final Pattern LOGIN = Pattern.compile(".*/login.*");

    private Path work;
    private EmbeddedMariaDb db;
    private int port;
    private Process app;
    private Playwright playwright;
    private Browser browser;

    @BeforeAll
    void startTheAppOnItsOwnDatabase() throws Exception {
        work = ProductionJarBrowserIT.workDir();
        db = EmbeddedMariaDb.start(work.resolve("db"), 0, "encounter");
        port = ProductionJarBrowserIT.freePort();
        startApp();
        playwright = BrowserSupport.playwright();
        browser = BrowserSupport.chromium(playwright);
    }

    @AfterAll
    void stopEverything() throws Exception {
        if (browser != null) {
            browser.close();
            playwright.close();
        }
        if (app != null) {
            ProductionJarBrowserIT.stop(app);
        }
        if (db != null) {
            db.close();
        }
    }

    @AfterEach
    void closePages() {
        browser.contexts().forEach(BrowserContext::close);
    }

    @Test
    void text_typed_while_the_app_restarts_is_kept_in_the_tab_and_saved_after_signing_in_again() throws Exception {
        Page zoe = learnerAtReflection("zoe");
        long attempt = attemptOf("zoe");
        Page noor = authorAtDraft("noor");
        long step = firstStepOf(DRAFT);
        String bodyBefore = stepBody(step);

        String reflection = answer(attempt, 2) + " Before the restart. ";
        type(reflection(zoe), " Before the restart. ");
        String body = " Written while the app was away:";
        type(stepBody(noor), body);
        eventually(() -> reflection.equals(answer(attempt, 2)), 15);

        // A graceful stop (SIGTERM) while both keep typing; then typing on while nothing answers.
        app.destroy();
        type(reflection(zoe), "typed as it stopped, ");
        type(stepBody(noor), " as it stopped,");
        assertThat(app.waitFor(60, TimeUnit.SECONDS)).as("the app stops").isTrue();
        type(reflection(zoe), "and while it was down.");
        type(stepBody(noor), " and while it was down.");
        String reflectionTyped = reflection + "typed as it stopped, and while it was down.";
        String bodyTyped = bodyBefore + body + " as it stopped, and while it was down.";
        assertThat(reflection(zoe)).hasValue(reflectionTyped);

        startApp();
        // The page finds its session gone and sends the person to sign in, who comes back to the same page.
        signInAgain(zoe, "zoe", ".*/learn/attempt/" + attempt);
        signInAgain(noor, "noor", ".*/authoring/\\d+");
        // The app has just started: its first pages may take a while on a busy machine.
        assertThat(reflection(zoe)).hasValue(reflectionTyped, new LocatorAssertions.HasValueOptions().setTimeout(30_000));
        assertThat(zoe.locator("vaadin-notification-card")).containsText("is back in its field",
                new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        eventually(() -> reflectionTyped.equals(answer(attempt, 2)), 20);
        eventually(() -> bodyTyped.equals(stepBody(step)), 20);

        // Saved, the text is no longer kept in the tab.
        eventually(() -> kept(zoe) == 0 && kept(noor) == 0, 15);
    }

    @Test
    void text_typed_while_the_database_restarts_or_the_network_drops_is_shown_as_kept_and_saved() throws Exception {
        Page fiona = learnerAtReflection("fiona");
        long attempt = attemptOf("fiona");
        Page noor = authorAtDraft("noor");
        long step = firstStepOf(DRAFT);
        String bodyBefore = stepBody(step);

        String before = answer(attempt, 2);
        // A network blip: the browser is offline for a while and says the text is kept.
        type(reflection(fiona), " Typed online.");
        eventually(() -> (before + " Typed online.").equals(answer(attempt, 2)), 15);
        fiona.context().setOffline(true);
        type(reflection(fiona), " Typed offline.");
        assertThat(keptNotice(fiona)).isVisible();
        assertThat(keptNotice(fiona)).hasText("Kept on this device — it will be saved when the connection is back");
        fiona.context().setOffline(false);
        eventually(() -> (before + " Typed online. Typed offline.").equals(answer(attempt, 2)), 30);

        // The database stops mid-typing; the app keeps trying, the page says the text is kept; it starts again.
        int dbPort = db.port();
        db.close();
        type(reflection(fiona), " While the database restarted.");
        type(stepBody(noor), " Also while the database restarted.");
        assertThat(keptNotice(fiona)).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(20_000));
        assertThat(noor.locator("#save-status .save-kept")).isVisible(
                new LocatorAssertions.IsVisibleOptions().setTimeout(20_000));
        db = EmbeddedMariaDb.start(work.resolve("db"), dbPort, "encounter");
        String all = before + " Typed online. Typed offline. While the database restarted.";
        eventually(() -> all.equals(answer(attempt, 2)), 60);
        eventually(() -> (bodyBefore + " Also while the database restarted.").equals(stepBody(step)), 60);
        assertThat(fiona.locator("#player-save-status .save-state")).hasText("Saved");
        assertThat(keptNotice(fiona)).isHidden();
    }

    @Test
    void an_answer_lost_on_its_way_is_sent_again_and_the_page_carries_on() throws Exception {
        // Callum, whom no other test here uses, walks to the reflection himself.
        Page callum = page("callum");
        callum.navigate(url("/learn"));
        callum.locator(".catalogue-card", new Page.LocatorOptions().setHasText(MODULE)).locator(".catalogue-open").click();
        for (String position : new String[] {"Step 1 of 7", "Step 2 of 7", "Step 3 of 7"}) {
            callum.locator("#player-next").click();
            assertThat(callum.locator("#player-position")).hasText(position);
        }
        long attempt = attemptOf("callum");
        String before = answer(attempt, 2);
        callum.evaluate("() => { window.encounterSamePage = true; }");
        // The server reads the message carrying the typed words and answers it, then the answer is lost on its way
        // (the connection drops). The browser sends the same message again; the server, which already saved the
        // words, sends the answer it kept (packed away while the tab waited).
        java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();
        callum.route(u -> u.contains("v-r=uidl"), route -> {
            String body = route.request().postData();
            if (body != null && body.contains("Lost on its way") && sent.getAndIncrement() == 0) {
                route.fetch();
                route.abort("connectionreset");
            } else {
                route.resume();
            }
        });
        type(reflection(callum), " Lost on its way.");
        for (int i = 0; i < 60 && sent.get() < 2; i++) {
            callum.waitForTimeout(500); // lets Playwright run the route above while the browser tries again
        }
        assertThat(sent.get()).as("the browser sent the message again").isGreaterThanOrEqualTo(2);
        callum.unrouteAll(); // the route runs only while Playwright is called; what follows waits on the database
        eventuallyEqual(before + " Lost on its way.", () -> answer(attempt, 2), 20);
        // The same page goes on: no reload, connected, the next words are saved.
        type(reflection(callum), " Then more.");
        eventuallyEqual(before + " Lost on its way. Then more.", () -> answer(attempt, 2), 20);
        assertThat(callum.evaluate("() => window.encounterSamePage === true")).isEqualTo(true);
        assertThat(callum.evaluate("() => window.Vaadin.connectionState.state")).isEqualTo("connected");
    }

    @Test
    void text_typed_after_the_session_ended_is_saved_after_signing_in_again() throws Exception {
        Page zoe = learnerAtReflection("zoe");
        long attempt = attemptOf("zoe");
        String before = answer(attempt, 2);
        // The session ends (as after its timeout): the browser still sends its session cookie, which the server no
        // longer knows, so the next message finds no session.
        zoe.context().clearCookies();
        zoe.context().addCookies(java.util.List.of(new com.microsoft.playwright.options.Cookie("JSESSIONID",
                "0123456789ABCDEF0123456789ABCDEF").setDomain("localhost").setPath("/").setHttpOnly(true)));
        // Typed in one burst: the first message the field sends finds no session and the page goes to the sign-in
        // page, so keys pressed after that land on the sign-in page, not in the field. Everything in the field when
        // the page left must be saved.
        Locator field = reflection(zoe);
        field.focus();
        field.press("Control+End");
        field.pressSequentially(" After the session ended.");
        signInAgain(zoe, "zoe", ".*/learn/attempt/" + attempt);
        eventuallyEqual(before + " After the session ended.", () -> answer(attempt, 2), 20);
        // Signing out leaves nothing behind in the tab for the next person at this computer.
        type(reflection(zoe), " More.");
        zoe.evaluate("() => { const a = document.querySelector('vaadin-app-layout'); if (a) a.drawerOpened = true; }");
        zoe.locator("#sign-out").click();
        zoe.waitForURL(LOGIN);
        assertThat(kept(zoe)).isZero();
    }

    private void startApp() throws Exception {
        app = ProductionJarBrowserIT.start(work, Map.of("DB_URL", db.jdbcUrl(), "DB_USER", db.username(),
                "DB_PASSWORD", db.password(), "PORT", String.valueOf(port), "DEMO_ENABLED", "true",
                "PUBLIC_URL", "http://localhost:" + port));
        ProductionJarBrowserIT.awaitReady(app, work, port);
    }

    private Page page(String who) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en-GB")
                .setViewportSize(1280, 900));
        if (Boolean.getBoolean("keeper.off")) {
            context.addInitScript("Storage.prototype.setItem = function () {};");
        }
        Page page = context.newPage();
        page.setDefaultTimeout(30_000);
        BrowserSupport.signIn(page, port, who);
        return page;
    }

    /** A learner on the module's reflection step (step 3 of 7), resuming an attempt if there is one. */
    private Page learnerAtReflection(String who) throws Exception {
        Page page = page(who);
        if (attemptOrZero(who) == 0) {
            page.navigate(url("/learn"));
            page.locator(".catalogue-card", new Page.LocatorOptions().setHasText(MODULE)).locator(".catalogue-open").click();
            assertThat(page.locator("#player-position")).hasText("Overview · 7 steps");
        }
        update("update attempt set current_position = 2 where id = ?", attemptOf(who));
        page.navigate(url("/learn/attempt/" + attemptOf(who)));
        assertThat(page.locator("#player-position")).hasText("Step 3 of 7");
        return page;
    }

    private Page authorAtDraft(String who) throws Exception {
        Page page = page(who);
        long id = query("select id from module where title = ?", DRAFT);
        page.navigate(url("/authoring/" + id));
        assertThat(page.locator("#module-status")).isVisible();
        return page;
    }

    private void signInAgain(Page page, String who, String backTo) {
        page.waitForURL(LOGIN, new Page.WaitForURLOptions().setTimeout(60_000));
        page.waitForLoadState(LoadState.NETWORKIDLE);
        page.locator("vaadin-login-form input[name=username]").fill(who + BrowserSupport.DOMAIN);
        page.locator("vaadin-login-form input[name=password]").fill(BrowserSupport.PASSWORD);
        page.locator("vaadin-login-form vaadin-button").first().click();
        // Spring's saved request brings the person back to the page they were on (with its "?continue" mark).
        page.waitForURL(Pattern.compile(backTo + "(\\?continue)?$"), new Page.WaitForURLOptions().setTimeout(60_000));
    }

    private static Locator reflection(Page page) {
        return page.locator("#player-reflection textarea");
    }

    private static Locator stepBody(Page page) {
        return page.locator(".step-editor").first().locator("vaadin-text-area.step-body textarea");
    }

    /** The save status's "Kept on this device" line, which only the browser shows. */
    private static Locator keptNotice(Page page) {
        return page.locator("#player-save-status .save-kept");
    }

    /** Types at a person's pace, at the end of what is there. */
    private static void type(Locator field, String text) {
        field.focus();
        field.press("Control+End");
        field.pressSequentially(text, new Locator.PressSequentiallyOptions().setDelay(25));
    }

    private static int kept(Page page) {
        return ((Number) page.evaluate("() => Object.keys(sessionStorage).filter(k => k.startsWith('encounter-kept:'))"
                + ".length")).intValue();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private long attemptOf(String who) throws Exception {
        long id = attemptOrZero(who);
        assertThat(id).as("%s's attempt", who).isPositive();
        return id;
    }

    private long attemptOrZero(String who) throws Exception {
        Long id = query("select a.id from attempt a join person p on p.id = a.learner_id join module m on m.id = a.module_id"
                + " where p.email = ? and m.title = ? order by a.id desc limit 1", who + BrowserSupport.DOMAIN, MODULE);
        return id == null ? 0 : id;
    }

    private long firstStepOf(String title) throws Exception {
        return query("select s.id from module_step s join module m on m.id = s.module_id where m.title = ?"
                + " order by s.position limit 1", title);
    }

    private String answer(long attempt, int position) {
        return text("select answer from attempt_step where attempt_id = ? and position = ?", attempt, position);
    }

    private String stepBody(long step) {
        return text("select body from module_step where id = ?", step);
    }

    private String text(String sql, Object... args) {
        try (Connection c = connection(); PreparedStatement s = prepare(c, sql, args); ResultSet rs = s.executeQuery()) {
            return rs.next() ? Objects.toString(rs.getString(1), "") : "";
        } catch (Exception e) {
            return "(database not reachable: " + e.getMessage() + ")";
        }
    }

    private Long query(String sql, Object... args) throws Exception {
        try (Connection c = connection(); PreparedStatement s = prepare(c, sql, args); ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getLong(1) : null;
        }
    }

    private void update(String sql, Object... args) throws Exception {
        try (Connection c = connection(); PreparedStatement s = prepare(c, sql, args)) {
            s.executeUpdate();
        }
    }

    private Connection connection() throws Exception {
        return DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws Exception {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            s.setObject(i + 1, args[i]);
        }
        return s;
    }

    private static void eventuallyEqual(String expected, Supplier<String> actual, int seconds) {
        try {
            eventually(() -> expected.equals(actual.get()), seconds);
        } catch (AssertionError e) {
            assertThat(actual.get()).as("saved within %d s", seconds).isEqualTo(expected);
        }
    }

    private static void eventually(Supplier<Boolean> condition, int seconds) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(seconds));
        while (!condition.get()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met within " + seconds + " s");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
