package org.encounter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.encounter.HttpResponses.cookieAttributes;
import static org.encounter.HttpResponses.directives;
import static org.encounter.HttpResponses.get;
import static org.encounter.HttpResponses.header;
import static org.encounter.HttpResponses.sessionCookie;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The app as deployed behind a TLS proxy on the same machine (loopback is trusted by default): the security
 * headers on every page, HSTS and a Secure session cookie only on HTTPS as the proxy reports it, a health
 * check that names no components, and the verification limit counted per forwarded client.
 */
class TrustedProxyBrowserIT extends BrowserJourney {

    static final String UNKNOWN_CODE = "/verify/ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZ";
    private static final int LIMIT = 20;

    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void a_plain_http_page_carries_the_security_headers_and_a_lax_http_only_session_cookie_but_no_hsts() {
        HttpResponse<String> page = get(port, "/login");

        assertThat(page.statusCode()).isEqualTo(200);
        Map<String, List<String>> csp = directives(header(page, "Content-Security-Policy").orElse(""));
        assertThat(csp).as("Content-Security-Policy").containsEntry("default-src", List.of("'self'"))
                .containsEntry("object-src", List.of("'none'")).containsEntry("base-uri", List.of("'self'"))
                .containsEntry("form-action", List.of("'self'")).containsEntry("frame-ancestors", List.of("'none'"))
                .containsEntry("connect-src", List.of("'self'"))
                .containsEntry("frame-src", List.of("https://www.youtube-nocookie.com", "https://player.vimeo.com"));
        assertThat(csp.get("script-src")).as("scripts only from here, inline ones only with this page's nonce")
                .contains("'self'").doesNotContain("'unsafe-inline'", "*", "data:", "http:", "https:")
                .anySatisfy(source -> assertThat(source).matches("'nonce-[A-Za-z0-9+/]{24}'"));
        assertThat(directives(header(get(port, "/login"), "Content-Security-Policy").orElse("")).get("script-src"))
                .as("the next page's nonce").doesNotContainAnyElementsOf(csp.get("script-src").stream()
                        .filter(source -> source.startsWith("'nonce-")).toList());
        assertThat(header(page, "Referrer-Policy")).hasValue("same-origin");
        assertThat(header(page, "Permissions-Policy").orElse("")).contains("camera=()", "microphone=()",
                "geolocation=()", "payment=()");
        assertThat(header(page, "X-Content-Type-Options")).hasValue("nosniff");
        assertThat(header(page, "X-Frame-Options")).hasValue("DENY");
        assertThat(header(page, "Strict-Transport-Security")).as("no HSTS over plain HTTP").isEmpty();
        assertThat(cookieAttributes(sessionCookie(page))).contains("httponly", "samesite=lax").doesNotContain("secure");
    }

    @Test
    void behind_the_trusted_proxy_an_https_request_gets_hsts_and_a_secure_session_cookie() {
        HttpResponse<String> page = get(port, "/login", "X-Forwarded-Proto", "https", "X-Forwarded-For", "203.0.113.5");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(header(page, "Strict-Transport-Security").orElse("")).as("HSTS").contains("max-age=31536000");
        assertThat(cookieAttributes(sessionCookie(page))).contains("secure", "httponly", "samesite=lax");
        assertThat(header(page, "Content-Security-Policy")).isPresent();
    }

    @Test
    void anonymous_health_says_up_or_down_without_naming_its_components() {
        HttpResponse<String> health = get(port, "/actuator/health");

        // Only the status (and the names of the probe groups): not which parts there are, nor their details.
        assertThat(health.body()).matches("\\{(\"groups\":\\[[a-z\",]*\\],)?\"status\":\"(UP|DOWN)\"\\}");
        assertThat(health.statusCode()).isEqualTo(health.body().contains("\"UP\"") ? 200 : 503);
        HttpResponse<String> database = get(port, "/actuator/health/db");
        assertThat(database.body()).doesNotContain("MariaDB", "details", "validationQuery");
    }

    @Test
    void behind_the_trusted_proxy_each_forwarded_client_has_its_own_verification_limit() {
        clock.freeze(); // all checks in one minute, so the count never rolls over mid-test
        Page first = forwardedClient("203.0.113.10");
        assertThat(checksUntilLimited(first, url(UNKNOWN_CODE), LIMIT)).as("checks until the first client is told to wait")
                .isEqualTo(LIMIT + 1);
        assertThat(first.locator("#verify-limited").textContent()).startsWith("Too many checks");

        Page second = forwardedClient("203.0.113.11");
        second.navigate(url(UNKNOWN_CODE));
        second.locator("#verify-unknown, #verify-limited").first().waitFor();
        assertThat(second.locator("#verify-unknown").count()).as("another forwarded client is checked").isEqualTo(1);
    }

    private Page forwardedClient(String address) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en-GB")
                .setExtraHTTPHeaders(Map.of("X-Forwarded-For", address)));
        Page page = context.newPage();
        page.setDefaultTimeout(20_000);
        return page;
    }

    /** Checks an unknown code again and again until the page says to wait; how many checks that took. */
    static int checksUntilLimited(Page page, String verifyUrl, int limit) {
        for (int check = 1; check <= 2 * limit + 1; check++) {
            page.navigate(verifyUrl);
            page.locator("#verify-unknown, #verify-limited").first().waitFor();
            if (page.locator("#verify-limited").count() > 0) {
                return check;
            }
        }
        return Integer.MAX_VALUE;
    }
}
