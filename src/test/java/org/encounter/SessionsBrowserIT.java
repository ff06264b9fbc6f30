package org.encounter;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Sessions in a real browser: what a password change does to the other ones, and what a session holds. */
class SessionsBrowserIT extends BrowserJourney {

    @Autowired ApplicationContext context;
    @Autowired JdbcTemplate jdbc;

    private Page newPage() {
        Page page = browser.newContext(new Browser.NewContextOptions().setLocale("en-GB").setViewportSize(1280, 800))
                .newPage();
        page.setDefaultTimeout(20_000);
        return page;
    }

    @Test
    void changing_the_password_signs_out_the_persons_other_sessions_but_not_this_one() {
        // Olga (English interface); her password is put back afterwards for the other journeys.
        String original = storedHash("olga");
        Page laptop = newPage();
        Page phone = newPage();
        try {
            BrowserSupport.signIn(laptop, port, "olga");
            BrowserSupport.signIn(phone, port, "olga");
            String laptopSessionBefore = sessionId(laptop);

            laptop.navigate(url("/profile"));
            var fields = laptop.locator("vaadin-password-field input");
            fields.nth(0).fill(BrowserSupport.PASSWORD);
            fields.nth(1).fill("a quiet lake behind the pines");
            fields.nth(2).fill("a quiet lake behind the pines");
            laptop.locator("vaadin-button", new Page.LocatorOptions().setHasText("Change password")).click();
            assertThat(laptop.locator("vaadin-notification-card")).containsText("Password changed");

            phone.reload();
            assertThat(phone).hasURL(Pattern.compile(".*/login.*"));
            assertThat(phone.locator("vaadin-login-form")).isVisible();

            laptop.reload();
            assertThat(laptop.locator("#profile-display-name")).isVisible();
            assertThat(sessionId(laptop)).as("the session that changed the password gets a new id")
                    .isNotEqualTo(laptopSessionBefore);
        } finally {
            laptop.context().close();
            phone.context().close();
            jdbc.update("update person set password_hash = ? where email = ?", original, "olga" + BrowserSupport.DOMAIN);
        }
    }

    @Test
    void the_session_holds_no_password_hash_after_sign_in_nor_after_a_profile_update() {
        Page page = newPage();
        try {
            String before = storedHash("leo");
            BrowserSupport.signIn(page, port, "leo");
            assertNoHash(page, before);
            assertNoHash(page, storedHash("leo"));

            page.navigate(url("/profile"));
            page.locator("#profile-save").click();
            assertThat(page.locator("#profile-display-name")).isVisible();
            page.locator("#profile-save").click();
            assertThat(page.locator("#profile-display-name")).isVisible();
            assertNoHash(page, before);
            assertNoHash(page, storedHash("leo"));
        } finally {
            page.context().close();
        }
    }

    private void assertNoHash(Page page, String storedHash) {
        String contents = SessionContents.serialised(SessionContents.find(context, sessionId(page)));
        assertThat(contents).as("the signed-in principal is in the session").contains("EncounterUser");
        List<String> found = Stream.of(storedHash, "{bcrypt}", "$2a$", "$2b$", "{pbkdf2").filter(contents::contains)
                .toList();
        assertThat(found).as("password hash (or its markers) in the serialised session").isEmpty();
    }

    private String storedHash(String who) {
        return jdbc.queryForObject("select password_hash from person where email = ?", String.class,
                who + BrowserSupport.DOMAIN);
    }

    private static String sessionId(Page page) {
        return page.context().cookies().stream().filter(c -> c.name.equals("JSESSIONID")).map(c -> c.value)
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie"));
    }
}
