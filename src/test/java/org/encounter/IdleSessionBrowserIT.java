package org.encounter;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * An open tab sends Vaadin heartbeats, which are requests too: they must not keep an idle session
 * signed in past SESSION_TIMEOUT. Here the timeout is 15 s and a heartbeat goes every 3 s.
 */
@TestPropertySource(properties = {"server.servlet.session.timeout=15s", "vaadin.heartbeatInterval=3"})
class IdleSessionBrowserIT extends BrowserJourney {

    @Test
    void an_open_tab_does_not_keep_an_idle_session_signed_in_past_the_timeout() {
        Page page = browser.newContext(new Browser.NewContextOptions().setLocale("en-GB").setViewportSize(1280, 800))
                .newPage();
        page.setDefaultTimeout(20_000);
        AtomicInteger heartbeats = new AtomicInteger();
        page.onRequest(request -> {
            if (request.url().contains("v-r=heartbeat")) {
                heartbeats.incrementAndGet();
            }
        });
        try {
            BrowserSupport.signIn(page, port, "leo");
            int before = heartbeats.get();
            // The person leaves the tab open and does nothing for longer than the timeout.
            page.waitForTimeout(22_000);
            assertThat(heartbeats.get() - before).as("heartbeats the open tab sent meanwhile")
                    .isGreaterThanOrEqualTo(4);

            page.reload();
            assertThat(page).hasURL(Pattern.compile(".*/login.*"));
            assertThat(page.locator("vaadin-login-form")).isVisible();
        } finally {
            page.context().close();
        }
    }
}
