package org.encounter;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Every role's main views, as axe-core (WCAG 2.0–2.2 A and AA) and a keyboard see them, at desktop and phone
 * size: no serious or critical violation, no sideways scrolling down to 320 px, one h1, a main landmark, a skip
 * link, grid rows that open with Enter, and focus that follows the content after navigation and in the player.
 */
@TestPropertySource(properties = "encounter.demo.learning=true")
class AccessibilityBrowserIT extends BrowserJourney {

    static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
    static final Set<String> SERIOUS = Set.of("serious", "critical");

    @Autowired
    JdbcTemplate jdbc;

    BrowserContext context;
    Page page;
    final List<String> problems = new ArrayList<>();

    @BeforeEach
    void openPage() {
        context = browser.newContext(new Browser.NewContextOptions().setLocale("en-GB").setViewportSize(1366, 768));
        page = context.newPage();
        page.setDefaultTimeout(20_000);
    }

    @AfterEach
    void closePage() {
        context.close();
    }

    @Test
    void every_roles_main_views_pass_axe_fit_a_phone_and_work_by_keyboard() {
        theScanSeesAKnownViolation();
        visit("/login");
        visit("/verify");

        as("asa");
        for (String path : List.of("/", "/learn", "/learn/mine", "/certificates", "/stories", "/notifications",
                "/profile", "/my-data")) {
            visit(path);
        }
        skipLinkIsTheFirstStopAndLeadsToTheContent();
        aModuleOpenedByKeyboardFocusesItsHeadingAndNextFocusesTheStep();

        // Emma reads Finnish, whose long compound words are the ones that get cut on a phone.
        as("emma");
        long draft = jdbc.queryForObject("select id from module where title = 'Waiting rooms'", Long.class);
        for (String path : List.of("/", "/authoring", "/authoring/" + draft, "/authoring/" + draft + "/preview",
                "/author/impact")) {
            visit(path);
        }

        as("kaisa");
        visit("/review");
        aReviewQueueRowOpensWithEnter();
        check("review (module)");

        as("mikko");
        long team = jdbc.queryForObject("select id from team where name = 'Youth Services'", Long.class);
        visit("/team/" + team);
        Locator tabs = page.locator("#progress-tabs vaadin-tab");
        for (int i = 1; i < tabs.count(); i++) {
            tabs.nth(i).click();
            settle();
            check("/team/" + team + " tab " + tabs.nth(i).innerText().trim());
        }

        as("tuula");
        long set = jdbc.queryForObject("select min(id) from learning_set", Long.class);
        long meeting = jdbc.queryForObject("select min(id) from set_meeting where set_id = ?", Long.class, set);
        for (String path : List.of("/sets", "/sets/" + set, "/sets/" + set + "/meetings/" + meeting, "/sets/new")) {
            visit(path);
        }
        // The Leadership Exchange: Tuula's pair with Aino (a visit made and shared, one to come), in the demo round.
        long pair = jdbc.queryForObject("select p.id from exchange_pair p join exchange_application a on a.id ="
                + " p.first_id join person x on x.id = a.person_id where x.email = 'tuula@demo.encounter.example'",
                Long.class);
        for (String path : List.of("/exchange", "/exchange/pair/" + pair)) {
            visit(path);
        }

        // The partnership's screens: its coordinator's and an organisation admin's (both read Finnish).
        as("kirsi");
        long partnership = jdbc.queryForObject("select id from partnership where name = 'One Aurajoki'", Long.class);
        long round = jdbc.queryForObject("select min(id) from exchange_round", Long.class);
        for (String path : List.of("/partnerships", "/shared-catalogue", "/pathways",
                "/partnerships/" + partnership + "/report", "/exchange/rounds", "/exchange/rounds/" + round)) {
            visit(path);
        }
        as("riikka");
        for (String path : List.of("/admin/overview", "/admin/assignments", "/admin/starters")) {
            visit(path);
        }

        as("admin");
        for (String path : List.of("/", "/admin/people", "/admin/teams", "/admin/invitations", "/admin/organisations",
                "/admin/certificates", "/admin/overview")) {
            visit(path);
        }
        anAdminGridRowOpensWithEnter();

        assertThat(problems).as("accessibility problems (view @ size: rule target)").isEmpty();
    }

    /** Signs in as someone else in the same browser context (a fresh session each time). */
    private void as(String who) {
        context.clearCookies();
        BrowserSupport.signIn(page, port, who);
    }

    private void visit(String path) {
        page.navigate(url(path));
        settle();
        check(path);
    }

    /** Waits until Vaadin has rendered the view (it has a title and a heading) and the server has answered. */
    private void settle() {
        page.waitForLoadState(LoadState.NETWORKIDLE);
        try {
            page.waitForFunction("() => document.title.length > 0 && document.querySelector('h1') !== null",
                    null, new Page.WaitForFunctionOptions().setTimeout(10_000));
        } catch (com.microsoft.playwright.TimeoutError e) {
            // Reported by the checks that follow (no title, no h1).
        }
        page.waitForLoadState(LoadState.NETWORKIDLE);
    }

    /** axe at desktop and phone size, then the page must not scroll sideways at 320 px. */
    private void check(String view) {
        structure(view);
        axe(view, "1366");
        page.setViewportSize(390, 844);
        page.waitForTimeout(150);
        axe(view, "390");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target/screenshots/a11y" + view.replaceAll("[^A-Za-z0-9]+", "-") + "-390.png")));
        Object cut = page.evaluate(TRUNCATED);
        if (!"".equals(cut)) {
            problems.add(view + " @390: labels cut short: " + cut);
        }
        page.setViewportSize(320, 700);
        page.waitForTimeout(150);
        Object narrowCut = page.evaluate(TRUNCATED);
        if (!"".equals(narrowCut)) {
            problems.add(view + " @320: labels cut short: " + narrowCut);
        }
        Object overflow = page.evaluate(OVERFLOW);
        if (((Number) overflow).intValue() > 0) {
            problems.add(view + " @320: scrolls sideways by " + overflow + " px (widest: "
                    + page.evaluate(WIDEST) + ")");
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(Path.of("target/screenshots/a11y" + view.replaceAll("[^A-Za-z0-9]+", "-") + "-320.png")));
        }
        page.setViewportSize(1366, 768);
        page.waitForTimeout(100);
    }

    /** How far the page (or the app frame's content, should it ever scroll on its own) reaches past the window. */
    private static final String OVERFLOW = """
            () => { const content = document.querySelector('vaadin-app-layout')?.shadowRoot?.querySelector('[part~=content]');
              return Math.max(document.documentElement.scrollWidth - window.innerWidth,
                content ? content.scrollWidth - content.clientWidth : 0); }""";

    /** Field labels that do not fit and are cut ("Vähimmäispäivät toimintasu…") instead of wrapping. */
    private static final String TRUNCATED = """
            () => [...document.querySelectorAll('[slot=label]')].filter(l => {
                const part = l.parentElement?.shadowRoot?.querySelector('[part~=label]');
                return l.getClientRects().length && [l, part].some(e => e && e.scrollWidth > e.clientWidth + 1); })
              .map(l => '"' + l.textContent.trim() + '"').join(', ')""";

    /** The element reaching furthest right, to say where a page scrolls sideways. */
    private static final String WIDEST = """
            () => { let far = null, right = 0;
              const walk = root => root.querySelectorAll('*').forEach(e => {
                const r = e.getBoundingClientRect().right;
                if (r > right + 0.5 && e.getClientRects().length) { right = r; far = e; }
                if (e.shadowRoot) walk(e.shadowRoot);
              });
              walk(document);
              return far ? far.tagName.toLowerCase() + (far.id ? '#' + far.id : '') + (far.className && far.className.baseVal === undefined
                ? '.' + String(far.className).trim().split(/\\s+/).join('.') : '') + ' "' + (far.textContent || '').trim().slice(0, 60)
                + '" ends at ' + Math.round(right) : ''; }""";

    /** One h1, a main and a navigation landmark on every signed-in page. */
    private void structure(String view) {
        long h1 = ((Number) page.evaluate("() => document.querySelectorAll('h1').length")).longValue();
        if (h1 != 1) {
            problems.add(view + ": " + h1 + " h1 elements (one expected)");
        }
        if (page.locator("main, [role=main]").count() != 1) {
            problems.add(view + ": no main landmark");
        }
        if (!view.equals("/login") && !view.equals("/verify") && page.locator("nav, [role=navigation]").count() == 0) {
            problems.add(view + ": no navigation landmark");
        }
    }

    /**
     * Every rule of the tags, on the whole page, in legacy mode: axe runs in the page itself. The default mode opens
     * a blank page for every scan to merge results frame by frame, which only cross-origin frames need (these pages
     * have none); it took over half of this test's time for the same violations.
     */
    private void axe(String view, String size) {
        for (Rule rule : new AxeBuilder(page).withTags(TAGS).setLegacyMode(true).analyze().getViolations()) {
            if (!SERIOUS.contains(rule.getImpact())) {
                continue;
            }
            for (CheckedNode node : rule.getNodes()) {
                String why = node.getFailureSummary() == null ? "" : node.getFailureSummary().replaceAll("\\s+", " ");
                problems.add(view + " @" + size + ": " + rule.getId() + " " + node.getTarget() + " — "
                        + why.substring(0, Math.min(160, why.length())));
            }
        }
    }

    /** The scan as configured finds a violation where there is one (an image without a text alternative). */
    private void theScanSeesAKnownViolation() {
        page.setContent("<html lang='en'><title>t</title><main><h1>t</h1><img src='data:,'></main></html>");
        axe("known violation", "1366");
        assertThat(problems).as("the scan of a page with an unlabelled image")
                .anySatisfy(problem -> assertThat(problem).contains("image-alt"));
        problems.clear();
    }

    private String focused() {
        return (String) page.evaluate("""
                () => { let e = document.activeElement;
                  while (e && e.shadowRoot && e.shadowRoot.activeElement) e = e.shadowRoot.activeElement;
                  return e ? e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' ' + (e.textContent || '').trim().slice(0, 80) : ''; }""");
    }

    private void skipLinkIsTheFirstStopAndLeadsToTheContent() {
        page.navigate(url("/learn/mine"));
        settle();
        page.keyboard().press("Tab");
        Locator skip = page.locator("a.skip-link");
        if (skip.count() == 0 || !(Boolean) skip.evaluate("e => e === document.activeElement")) {
            problems.add("/learn/mine: the first Tab does not reach a skip link (focused: " + focused() + ")");
            return;
        }
        if (!skip.isVisible()) {
            problems.add("/learn/mine: the focused skip link cannot be seen");
        }
        page.keyboard().press("Enter");
        page.waitForTimeout(200);
        if (!focused().startsWith("h1")) {
            problems.add("/learn/mine: the skip link leads to " + focused() + ", not the page's heading");
        }
    }

    private void aModuleOpenedByKeyboardFocusesItsHeadingAndNextFocusesTheStep() {
        page.navigate(url("/learn"));
        settle();
        Locator start = page.locator(".catalogue-card:has(h2:text-is(\"Walk in another's shoes\")) vaadin-button");
        start.focus();
        page.keyboard().press("Enter");
        page.waitForURL(Pattern.compile(".*/learn/attempt/\\d+"));
        settle();
        check("player (intro)");
        page.waitForTimeout(200);
        if (!focused().startsWith("h1")) {
            problems.add("player: after opening a module, focus is on " + focused() + ", not its heading");
        }
        page.locator("#player-next").focus();
        page.keyboard().press("Enter");
        settle();
        page.waitForTimeout(200);
        String now = focused();
        if (!now.startsWith("h1") && !now.startsWith("h2")) {
            problems.add("player: after Next, focus is on " + now + ", not the step heading");
        }
        String live = (String) page.evaluate("() => { const e = document.querySelector('#player-position[aria-live]');"
                + " return e ? e.textContent : ''; }");
        // Åsa reads Swedish: "Steg 1 av 7".
        if (live == null || !live.matches(".*\\b1\\b.*\\b\\d+.*")) {
            problems.add("player: the step change is not in a live region (\"" + live + "\")");
        }
        check("player (step 1)");
    }

    private void aReviewQueueRowOpensWithEnter() {
        Locator cell = page.locator("#review-queue vaadin-grid-cell-content").filter(
                new Locator.FilterOptions().setHasText("Nobody asked what I wanted"));
        cell.click();
        page.waitForURL(Pattern.compile(".*/review/\\d+"));
        // Back to the queue by address, not history: a history step back can race the router.
        page.navigate(url("/review"));
        settle();
        page.locator("#review-queue vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText("Nobody asked what I wanted")).first().waitFor();
        focusFirstRow("#review-queue");
        page.keyboard().press("Enter");
        try {
            page.waitForURL(Pattern.compile(".*/review/\\d+"), new Page.WaitForURLOptions().setTimeout(5_000));
            settle();
        } catch (com.microsoft.playwright.TimeoutError e) {
            problems.add("/review: Enter on a row does not open it (focused: " + focused() + ")");
        }
    }

    private void anAdminGridRowOpensWithEnter() {
        page.navigate(url("/admin/people"));
        settle();
        // Whoever comes first: the list grows with the demo world, and its first rows are the ones on screen.
        page.waitForFunction("() => document.querySelector('#people-grid')?.shadowRoot"
                + ".querySelector('#items tr:not([hidden]) td')?.querySelector('slot')?.assignedElements()[0]"
                + "?.textContent.trim().length > 0");
        focusFirstRow("#people-grid");
        page.keyboard().press("Enter");
        try {
            page.locator("vaadin-dialog-overlay").first().waitFor(new Locator.WaitForOptions().setTimeout(5_000));
        } catch (com.microsoft.playwright.TimeoutError e) {
            problems.add("/admin/people: Enter on a row does not open it (focused: " + focused() + ")");
        }
    }

    /** Puts keyboard focus on the first cell of a grid's first row, as arrow keys from the header would. */
    private void focusFirstRow(String grid) {
        page.locator(grid).evaluate("g => g.shadowRoot.querySelector('#items tr:not([hidden]) td').focus()");
    }
}
