package org.encounter;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.encounter.BrowserSupport.eventually;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;
import org.encounter.base.Dates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The paths people walk, walked again with the keyboard alone: Tab and Shift+Tab to move, Enter, Space and the arrow
 * keys to act, and typing. No click and no fill: a control that Tab cannot reach, or that does nothing on Enter or
 * Space, fails the journey.
 */
class KeyboardJourneysBrowserIT extends BrowserJourney {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    Dates dates;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private KeyboardUser signIn(String who) {
        Page page = browser.newContext(new Browser.NewContextOptions().setLocale("en-GB").setViewportSize(1280, 800)
                .setAcceptDownloads(true)).newPage();
        page.setDefaultTimeout(20_000);
        page.navigate(url("/login"));
        KeyboardUser keys = new KeyboardUser(page);
        keys.tabTo(page.locator("vaadin-login-form input[name=username]")).type(who + BrowserSupport.DOMAIN)
                .press("Tab").type(BrowserSupport.PASSWORD).press("Enter");
        page.locator("#home-greeting").waitFor();
        return keys;
    }

    /** Opens a page from the menu (whatever language it speaks): Tab to its item and press Enter. */
    private void menu(KeyboardUser keys, String path) {
        keys.activate(keys.page().locator("vaadin-side-nav-item[path='" + path + "']"));
        keys.page().waitForURL(url("/" + path));
    }

    /** A date as the person types it in their language, the way the date field shows it. */
    private static String typed(Page page, LocalDate day) {
        String language = (String) page.evaluate("() => document.documentElement.lang");
        return day.format(DateTimeFormatter.ofPattern(switch (language) {
            case "fi" -> "d.M.yyyy";
            case "sv" -> "yyyy-MM-dd";
            default -> "d/M/yyyy";
        }));
    }

    @Test
    void a_learner_takes_a_module_from_the_catalogue_to_the_certificate_and_a_stranger_verifies_it_by_keyboard()
            throws Exception {
        KeyboardUser keys = signIn("kaisa");
        Page page = keys.page();
        menu(keys, "learn");
        keys.activate(page.locator(".catalogue-card").filter(new Locator.FilterOptions()
                .setHas(page.getByRole(com.microsoft.playwright.options.AriaRole.HEADING,
                        new Page.GetByRoleOptions().setName("Walk in another's shoes")))).locator(".catalogue-open"));
        page.waitForURL(Pattern.compile(".*/learn/attempt/\\d+"));
        long attempt = Long.parseLong(page.url().replaceAll(".*/learn/attempt/(\\d+).*", "$1"));

        // The overview, then every step up to the action plan: answered by Tab, typing, Space and Enter.
        while (!answerAndGoOn(keys)) {
            assertThat(page.locator("#player-position")).isVisible();
        }
        assertThat(page.locator("#player-awaiting")).isVisible();
        assertThat(status(attempt)).isEqualTo("AWAITING_REPORT_BACK");
        assertThat(jdbc.queryForObject("select action_text from attempt where id = ?", String.class, attempt))
                .isEqualTo("Typed by keyboard");

        // Two weeks later the report back opens; the rest of the way, and the certificate, by keyboard too.
        clock.advance(Duration.ofDays(15));
        page.reload();
        page.locator("#player-tried").waitFor();
        while (page.locator("#player-completed").count() == 0) {
            answerAndGoOn(keys);
        }
        assertThat(status(attempt)).isEqualTo("COMPLETED");
        keys.activate(page.locator("#player-certificate"));
        Locator card = page.locator(".certificate-card").filter(new Locator.FilterOptions()
                .setHasText("Walk in another's shoes"));
        assertThat(card).isVisible();
        Download download = page.waitForDownload(() -> keys.activate(card.locator(".certificate-download")));
        byte[] pdf = Files.readAllBytes(download.path());
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        String code = jdbc.queryForObject("select code from certificate where attempt_id = ?", String.class, attempt);
        Page stranger = browser.newContext().newPage();
        stranger.navigate(url("/verify"));
        KeyboardUser strangerKeys = new KeyboardUser(stranger);
        strangerKeys.tabTo(stranger.locator("#verify-code input")).type(code).press("Enter");
        assertThat(stranger.locator("#verify-valid")).isVisible();
        assertThat(stranger.locator("#verify-result")).containsText("Kaisa Salo");
    }

    @Test
    void an_author_writes_and_sends_a_module_and_a_curator_publishes_it_by_keyboard() {
        KeyboardUser ruby = signIn("ruby");
        Page page = ruby.page();
        menu(ruby, "authoring");
        ruby.tabTo(page.locator("#new-module-title input")).type("Keys only");
        ruby.activate(page.locator("#new-module-create"));
        page.waitForURL(Pattern.compile(".*/authoring/\\d+$"));
        long id = Long.parseLong(page.url().replaceAll(".*/authoring/(\\d+).*", "$1"));
        ruby.tabTo(page.getByLabel("Summary")).type("Written without touching a mouse.");
        ruby.tabTo(page.locator("#module-statement-1 input")).type("I can do my job by keyboard.");
        eventually(() -> "I can do my job by keyboard.".equals(
                jdbc.queryForObject("select statement_1 from module where id = ?", String.class, id)));

        addStep(ruby, null, "The lift was broken, and the stairs were the only way.");
        addStep(ruby, "Reflection", "When did a broken lift last change your plans?");
        addStep(ruby, "Action plan", "Check the lift before you book the room.");
        eventually(() -> jdbc.queryForObject("select count(*) from module_step where module_id = ? and body is not null",
                Integer.class, id) == 3);
        ruby.activate(page.locator("#editor-submit"));
        assertThat(page.locator("#module-status")).hasAttribute("data-status", "IN_REVIEW");

        // The curator opens it from the queue with the arrow keys and Enter, and publishes after confirming.
        KeyboardUser noor = signIn("noor");
        Page review = noor.page();
        menu(noor, "review");
        Locator queue = review.locator("#review-queue");
        queue.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("Keys only")).first()
                .waitFor();
        noor.tabTo(queue);
        // Tab enters the grid at its header; Tab again moves to the rows, and the arrow keys move between them.
        for (int i = 0; i < 30 && !focusedRowHas(review, "Keys only"); i++) {
            noor.press(Boolean.TRUE.equals(queue.evaluate("g => !!g.shadowRoot.activeElement?.closest('thead')"))
                    ? "Tab" : "ArrowDown");
        }
        assertThat(focusedRowHas(review, "Keys only")).as("the arrow keys reach the row").isTrue();
        noor.press("Enter");
        review.waitForURL(url("/review/" + id));
        noor.activate(review.locator("#review-publish"));
        noor.activate(review.locator("#review-publish-confirm vaadin-button[slot='confirm-button']"));
        eventually(() -> "PUBLISHED".equals(jdbc.queryForObject("select status from module where id = ?", String.class,
                id)));
    }

    @Test
    void a_manager_moves_between_the_team_tabs_and_assigns_a_module_by_keyboard() {
        KeyboardUser mikko = signIn("mikko");
        Page page = mikko.page();
        menu(mikko, "team");
        assertThat(page.locator("h1")).containsText("Youth Services");
        Locator tabs = page.locator("vaadin-tabs");
        mikko.tabTo(tabs);
        for (int i = 0; i < 6 && !mikko.focused().contains("Assignments"); i++) {
            mikko.press("ArrowRight");
        }
        mikko.press("Enter");
        mikko.activate(page.locator("#progress-assign"));
        // The dialog opens on the module field: type, pick with the arrow keys, then the person, then the date.
        assertThat(page.locator("#assign-module")).isVisible();
        // Typing before the focus has arrived would lose the first keys.
        assertThat(page.locator("#assign-module input")).isFocused();
        mikko.type("When our");
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText("When our assumptions"))
                .first().waitFor();
        mikko.press("ArrowDown").press("Enter");
        assertThat(page.locator("#assign-module input")).hasValue("When our assumptions came tumbling down");
        mikko.tabTo(page.locator("#assign-members input")).type("Leo");
        page.locator("vaadin-multi-select-combo-box-item").filter(new Locator.FilterOptions().setHasText("Leo Mäkinen"))
                .first().waitFor();
        mikko.press("ArrowDown").press("Enter");
        assertThat(page.locator("#assign-members").evaluate("el => el.selectedItems.length")).isEqualTo(1);
        LocalDate due = dates.today().plusDays(30);
        mikko.tabTo(page.locator("#assign-due input")).type(typed(page, due))
                .press("Enter");
        mikko.activate(page.locator("#assign-save"));
        assertThat(page.locator("vaadin-notification-card")).containsText("When our assumptions came tumbling down");
        assertThat(jdbc.queryForObject("""
                select count(*) from assignment a join module m on m.id = a.module_id join person p on p.id = a.learner_id
                where m.title = 'When our assumptions came tumbling down' and p.email = ? and a.due_date = ?
                and a.withdrawn_at is null""", Integer.class, "leo" + BrowserSupport.DOMAIN, due)).isEqualTo(1);
    }

    @Test
    void a_facilitator_schedules_a_set_and_takes_attendance_by_keyboard() {
        KeyboardUser tuula = signIn("tuula");
        Page page = tuula.page();
        menu(tuula, "sets");
        tuula.activate(page.locator("#sets-new"));
        page.waitForURL(url("/sets/new"));
        tuula.tabTo(page.locator("#set-name input")).type("Keyboard set");
        tuula.tabTo(page.locator("#set-module input")).type("See the");
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText("See the whole person"))
                .first().waitFor();
        tuula.press("ArrowDown").press("Enter");
        tuula.tabTo(page.locator("#set-members input"));
        for (String name : new String[] {"Ahmed Hassan", "Zoë Nic Dhòmhnaill"}) {
            tuula.type(name.substring(0, 4));
            page.locator("vaadin-multi-select-combo-box-item").filter(new Locator.FilterOptions().setHasText(name))
                    .first().waitFor();
            tuula.press("ArrowDown").press("Enter");
            if (!page.locator("#set-members input").inputValue().isEmpty()) {
                tuula.press("Control+A").press("Backspace");
            }
        }
        assertThat(page.locator("#set-members").evaluate("el => el.selectedItems.length")).isEqualTo(2);
        LocalDate day = dates.today().plusDays(3);
        tuula.tabTo(page.locator("#meeting-1-date input")).type(typed(page, day)).press("Enter");
        tuula.tabTo(page.locator("#meeting-1-start input")).type("13.00").press("Enter");
        tuula.tabTo(page.locator("#meeting-1-end input")).type("14.30").press("Enter");
        tuula.tabTo(page.locator("#meeting-1-place input")).type("Library");
        tuula.activate(page.locator("#set-save"));
        page.waitForURL(Pattern.compile(".*/sets/\\d+$"));
        long set = jdbc.queryForObject("select id from learning_set where name = 'Keyboard set'", Long.class);
        assertThat(jdbc.queryForObject("select count(*) from learning_set_member where set_id = ?", Integer.class, set))
                .isEqualTo(2);

        // The first meeting, from the set's page; attendance with the arrow keys; saved with Enter.
        tuula.activate(page.locator("#set-meeting-1"));
        page.waitForURL(Pattern.compile(".*/sets/\\d+/meetings/\\d+$"));
        for (String who : new String[] {"ahmed", "zoe"}) {
            long id = jdbc.queryForObject("select id from person where email = ?", Long.class, who + BrowserSupport.DOMAIN);
            // Tab lands on the group's first choice; Space picks it ("present"), the arrow key moves to the next.
            tuula.tabTo(page.locator("#attendance-" + id)).press("Space");
            if (who.equals("zoe")) {
                tuula.press("ArrowDown");
            }
        }
        tuula.activate(page.locator("#attendance-save"));
        long meeting = jdbc.queryForObject("select min(id) from set_meeting where set_id = ?", Long.class, set);
        eventually(() -> jdbc.queryForObject("select count(*) from meeting_attendance where meeting_id = ?",
                Integer.class, meeting) == 2);
        assertThat(jdbc.queryForList("""
                select a.status from meeting_attendance a join person p on p.id = a.person_id
                where a.meeting_id = ? order by p.email""", String.class, meeting)).containsExactly("PRESENT", "ABSENT");
    }

    /** Adds a step of the given type (null: the one already chosen), choosing it from the list with the arrow keys. */
    private void addStep(KeyboardUser keys, String type, String body) {
        Page page = keys.page();
        int before = page.locator(".step-editor").count();
        if (type != null) {
            keys.tabTo(page.locator("#new-step-type")).press("Enter");
            Locator item = page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText(type));
            item.first().waitFor();
            for (int i = 0; i < 12 && !keys.has(item); i++) {
                keys.press("ArrowDown");
            }
            keys.press("Enter");
            assertThat(page.locator("#new-step-type")).containsText(type);
        }
        keys.activate(page.locator("#add-step"));
        assertThat(page.locator(".step-editor")).hasCount(before + 1);
        keys.tabTo(page.locator(".step-editor").nth(before).locator("vaadin-text-area.step-body textarea")).type(body);
    }

    private static boolean focusedRowHas(Page page, String text) {
        return Boolean.TRUE.equals(page.locator("#review-queue").evaluate("""
                (g, text) => { const cell = g.shadowRoot.activeElement;
                  const row = cell && cell.closest('tr');
                  if (!row) return false;
                  return [...row.querySelectorAll('slot')].some(s => s.assignedElements().some(
                      c => (c.textContent || '').includes(text))); }""", text));
    }

    /**
     * Answers the step on screen the way a keyboard user would, from the top of the step: types into each empty text
     * field and date, picks the first choice of each unanswered question with Space, and presses Enter on Next.
     * Returns true when the step has no Next (the player waits for the report back).
     */
    private boolean answerAndGoOn(KeyboardUser keys) {
        Page page = keys.page();
        Locator next = page.locator("#player-next");
        for (int i = 0; i < 80; i++) {
            if (next.count() == 0 && page.locator("#player-awaiting").count() > 0) {
                return true;
            }
            if (next.count() > 0 && keys.has(next)) {
                String before = page.locator("#player-position").textContent();
                keys.press("Enter");
                page.waitForCondition(() -> page.locator("#player-completed").count() > 0
                        || page.locator("#player-position").count() > 0
                        && !before.equals(page.locator("#player-position").textContent()));
                return false;
            }
            String kind = keys.focusedKind();
            boolean empty = !kind.contains("filled");
            if (kind.contains("date") && empty) {
                keys.type(typed(page, dates.today().plusDays(2))).press("Enter");
            } else if (kind.startsWith("textarea") && empty) {
                keys.type("Typed by keyboard");
            } else if (kind.startsWith("input text") && empty) {
                keys.type("Typed by keyboard");
            } else if (kind.startsWith("input radio") && !kind.contains("answered")) {
                keys.press("Space");
            }
            keys.press("Tab");
        }
        throw new AssertionError("Tab never reached Next on " + page.locator("#player-position").textContent()
                + " (last focus: " + keys.focused() + ")");
    }

    private String status(long attempt) {
        return jdbc.queryForObject("select status from attempt where id = ?", String.class, attempt);
    }

}
