package org.encounter;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real-browser journeys in headless Chromium against the running app on real MariaDB. */
class SignInBrowserIT extends BrowserJourney {

    static final String DOMAIN = "@demo.encounter.example";
    static final String PASSWORD = "encounter-demo-2026";


    Page page;



    @BeforeEach
    void openPage() {
        page = browser.newContext(new Browser.NewContextOptions().setLocale("en-GB").setViewportSize(1280, 800))
                .newPage();
        page.setDefaultTimeout(20_000);
    }

    @AfterEach
    void closePage() {
        page.context().close();
    }

    private void signIn(String who, String password) {
        page.navigate("http://localhost:" + port + "/login");
        page.locator("vaadin-login-form input[name=username]").fill(who + DOMAIN);
        page.locator("vaadin-login-form input[name=password]").fill(password);
        page.locator("vaadin-login-form vaadin-button").first().click();
    }

    @Test
    void the_page_says_which_language_it_speaks() {
        // Before sign-in: the browser's language, where we speak it.
        Page swedish = browser.newContext(new Browser.NewContextOptions().setLocale("sv-SE")).newPage();
        swedish.navigate("http://localhost:" + port + "/login");
        assertThat(swedish.locator("html")).hasAttribute("lang", "sv");
        swedish.context().close();
        page.navigate("http://localhost:" + port + "/login");
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        // The tab shows the app's own icon.
        String icon = page.locator("link[rel=icon]").first().getAttribute("href");
        var response = page.request().get("http://localhost:" + port + "/" + icon.replaceFirst("^/", ""));
        org.assertj.core.api.Assertions.assertThat(response.status()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(response.headers().get("content-type")).startsWith("image/svg+xml");
        // After sign-in: the person's own language (Leo reads Finnish), whatever the browser says.
        signIn("leo", PASSWORD);
        assertThat(page.locator("#home-greeting")).isVisible();
        assertThat(page.locator("html")).hasAttribute("lang", "fi");
        page.navigate("http://localhost:" + port + "/learn/mine");
        assertThat(page.locator("html")).hasAttribute("lang", "fi");
    }

    @Test
    void a_manager_signs_in_sees_their_home_and_signs_out() {
        signIn("fiona", PASSWORD);
        assertThat(page.locator("#home-greeting")).hasText("Hello, Fiona MacLeod");
        assertThat(page.locator("#home-manager")).containsText("Community Policing: 4 members");
        // A manager (also a learner) sees home, the catalogue, their learning, certificates, stories, sets, the
        // Leadership Exchange, team progress and notifications; no admin pages.
        assertThat(page.locator("vaadin-side-nav-item")).hasCount(9);
        assertThat(page.locator("vaadin-side-nav-item[path='admin/people']")).hasCount(0);
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/manager-home.png")));

        page.locator("#sign-out").click();
        assertThat(page).hasURL(Pattern.compile(".*/login.*"));
        assertThat(page.locator("vaadin-login-form")).isVisible();
        page.navigate("http://localhost:" + port + "/");
        assertThat(page).hasURL(Pattern.compile(".*/login.*"));
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.encounter.identity.PersonService people;
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.security.core.userdetails.UserDetailsService users;
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void disabling_an_account_ends_its_open_session_and_it_cannot_sign_in_again() {
        signIn("callum", PASSWORD);
        assertThat(page.locator("#home-greeting")).hasText("Hello, Callum Reid");

        var admin = users.loadUserByUsername("admin" + DOMAIN);
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
                org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(
                        admin, null, admin.getAuthorities()));
        long callum = jdbc.queryForObject("select id from person where email = ?", Long.class, "callum" + DOMAIN);
        try {
            people.disable(callum);
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }

        // The next thing Callum does reaches a server that no longer knows his session.
        page.reload();
        assertThat(page).hasURL(Pattern.compile(".*/login.*"));
        signIn("callum", PASSWORD);
        assertThat(page.locator("#login-notice")).containsText("This account has been disabled");
    }

    @Test
    void without_a_chosen_language_the_interface_follows_the_browser_and_fits_a_phone() {
        page.context().close();
        page = browser.newContext(new Browser.NewContextOptions().setLocale("fi-FI").setViewportSize(390, 844)
                .setIsMobile(true).setHasTouch(true)).newPage();
        page.navigate("http://localhost:" + port + "/login");
        assertThat(page.locator("vaadin-login-form")).containsText("Kirjaudu sisään");
        // What the browser side writes itself speaks Finnish too: the password's reveal button, the connection
        // indicator.
        assertThat(page.locator("vaadin-login-form vaadin-password-field-button")).hasAttribute("aria-label",
                "Näytä salasana");
        page.waitForCondition(() -> "Yhteys katkesi".equals(page.evaluate(
                "window.Vaadin && window.Vaadin.connectionIndicator && window.Vaadin.connectionIndicator.offlineText")));
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/login-phone-fi.png")));
        // Fiona chose English: her own setting wins over the Finnish browser.
        signIn("fiona", PASSWORD);
        assertThat(page.locator("#home-greeting")).hasText("Hello, Fiona MacLeod");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/manager-home-phone.png")));
    }

    @Test
    void a_learner_opening_an_admin_page_is_refused() {
        signIn("sanna", PASSWORD);
        assertThat(page.locator("#home-greeting")).isVisible();
        page.navigate("http://localhost:" + port + "/admin/people");
        assertThat(page.locator("#not-found")).isVisible();
        assertThat(page.locator("vaadin-grid")).hasCount(0);
    }

    @Test
    void too_many_tries_look_exactly_like_a_wrong_password_even_with_the_right_one() {
        signIn("ahmed", "not the right password");
        assertThat(page).hasURL(Pattern.compile(".*/login\\?error"));
        // A mistyped password costs only the password: the e-mail is still there and the password has the focus.
        assertThat(page.locator("vaadin-login-form input[name=username]")).hasValue("ahmed" + DOMAIN);
        page.waitForCondition(() -> Boolean.TRUE.equals(page.evaluate(
                "document.activeElement && document.activeElement.closest('vaadin-password-field') !== null")));
        // The form's own message (each field has an error-message part too).
        var error = page.locator("vaadin-login-form [part='error-message']").first();
        assertThat(error).isVisible();
        String wrongPassword = error.innerText();
        for (int i = 1; i < 5; i++) {
            signIn("ahmed", "not the right password " + i);
        }
        // The sixth try, with the right password, is refused without being checked: same page, same words.
        signIn("ahmed", PASSWORD);
        assertThat(page).hasURL(Pattern.compile(".*/login\\?error"));
        assertThat(error).hasText(wrongPassword);
        assertThat(error).containsText("too many tries");
        assertThat(page.locator("#login-notice")).isHidden();
        org.assertj.core.api.Assertions.assertThat(page.content()).doesNotContainIgnoringCase("locked");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/too-many-tries.png")));
        jdbc.update("delete from sign_in_failure where email = ?", "ahmed" + DOMAIN);
    }
}
