package org.encounter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.encounter.HttpResponses.cookieAttributes;
import static org.encounter.HttpResponses.get;
import static org.encounter.HttpResponses.header;
import static org.encounter.HttpResponses.sessionCookie;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The proxy is configured elsewhere (10.9.8.0/24), so requests from this machine come from an untrusted
 * peer: whatever X-Forwarded-* headers they carry, the app believes only the connection.
 */
@TestPropertySource(properties = {"server.tomcat.remoteip.internal-proxies=10.9.8.0/24", "encounter.verify.per-minute=3"})
class UntrustedPeerBrowserIT extends BrowserJourney {

    private static final int LIMIT = 3;

    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void from_an_untrusted_peer_x_forwarded_proto_https_brings_neither_hsts_nor_a_secure_session_cookie() {
        HttpResponse<String> page = get(port, "/login", "X-Forwarded-Proto", "https", "X-Forwarded-For", "203.0.113.5");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(header(page, "Strict-Transport-Security")).as("HSTS").isEmpty();
        assertThat(cookieAttributes(sessionCookie(page))).contains("httponly", "samesite=lax").doesNotContain("secure");
        assertThat(header(page, "Content-Security-Policy")).isPresent();
    }

    @Test
    void from_an_untrusted_peer_a_new_x_forwarded_for_on_every_request_does_not_escape_the_verification_limit() {
        clock.freeze(); // all checks in one minute, so the count never rolls over mid-test
        Page page = browser.newContext(new Browser.NewContextOptions().setLocale("en-GB")).newPage();
        page.setDefaultTimeout(20_000);
        AtomicInteger requests = new AtomicInteger();
        page.route("**/*", route -> {
            Map<String, String> headers = new HashMap<>(route.request().headers());
            int n = requests.incrementAndGet();
            headers.put("x-forwarded-for", "198.51." + (n / 250) + "." + (n % 250 + 1));
            route.resume(new Route.ResumeOptions().setHeaders(headers));
        });

        int checks = TrustedProxyBrowserIT.checksUntilLimited(page, url(TrustedProxyBrowserIT.UNKNOWN_CODE), LIMIT);

        assertThat(checks).as("checks until told to wait, each request claiming another client").isEqualTo(LIMIT + 1);
        assertThat(page.locator("#verify-limited").textContent()).startsWith("Too many checks");
        assertThat(requests.get()).as("requests that claimed a new client").isGreaterThan(checks);
    }
}
