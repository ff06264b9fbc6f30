package org.encounter;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * A manager with a report due: sees the team's matrix, filters it to the overdue, assigns a module to the
 * whole team with a due date, downloads the CSVs (the view and the team's impact), and looks at the charts.
 */
@TestPropertySource(properties = "encounter.demo.learning=true")
class TeamProgressBrowserIT extends BrowserJourney {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_manager_follows_the_team_assigns_a_module_exports_and_sees_the_charts() throws Exception {
        Page page = browser.newContext(new Browser.NewContextOptions().setLocale("en-GB").setViewportSize(1280, 900))
                .newPage();
        page.setDefaultTimeout(20_000);
        BrowserSupport.signIn(page, port, "fiona");
        page.navigate(url("/team"));
        assertThat(page.locator("h1")).hasText("Team progress: Community Policing");
        assertThat(page.locator("#progress-matrix")).containsText("Certificate expired");
        assertThat(page.locator("#progress-matrix")).containsText("Zoë Nic Dhòmhnaill");
        assertThat(page.locator("#progress-matrix")).containsText("Callum Reid");
        // The dates behind a cell show on hover (and on keyboard focus).
        page.locator("#progress-matrix").getByText("Certificate expired", new Locator.GetByTextOptions().setExact(true))
                .hover();
        Locator tooltip = page.locator("#progress-matrix vaadin-tooltip[slot='tooltip']");
        assertThat(tooltip).containsText("Completed");
        assertThat(tooltip).containsText("Certificate valid until");
        BrowserSupport.eventually(() -> Boolean.TRUE.equals(tooltip.evaluate("t => t.opened")));
        Files.createDirectories(Path.of("target/screenshots"));
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/team-progress-desktop.png")));

        // Filter to the overdue: only Zoë is left.
        page.locator("#progress-status").click();
        page.locator("vaadin-select-item:has-text('Overdue')").click();
        assertThat(page.locator("#progress-matrix")).not().containsText("Callum Reid");
        assertThat(page.locator("#progress-matrix")).containsText("Zoë Nic Dhòmhnaill");
        assertThat(page.locator("#progress-matrix")).containsText("Overdue");

        // The CSV of this view opens in a spreadsheet with the names intact.
        Download download = page.waitForDownload(() -> page.locator("#progress-csv").click());
        byte[] csv = Files.readAllBytes(download.path());
        assertThat(new byte[] {csv[0], csv[1], csv[2]}).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\"Member\",\"Email\"").contains("\"Zoë Nic Dhòmhnaill\",\"zoe@demo.encounter.example\"")
                .contains("\"Overdue\"").doesNotContain("Callum");

        // The team's impact as CSV: released cohorts only, and Community Policing's four have none of their own.
        Download impact = page.waitForDownload(() -> page.locator("#progress-impact-csv").click());
        byte[] impactCsv = Files.readAllBytes(impact.path());
        assertThat(new String(impactCsv, 3, impactCsv.length - 3, StandardCharsets.UTF_8))
                .startsWith("\"Team\",\"Module\",\"Figure\"")
                .contains("\"Community Policing\",\"See the whole person\",\"Tried the action they planned\",\"0\",\"\",\"5\",\"0.80\"");

        // Assign "Walk in another's shoes" to the whole team, due in three weeks.
        page.locator("vaadin-tab:has-text('Assignments')").click();
        page.locator("#progress-assign").click();
        page.locator("#assign-module input").fill("Walk in");
        page.locator("vaadin-combo-box-item:has-text(\"Walk in another's shoes\")").click();
        page.locator("#assign-everyone").click();
        LocalDate due = LocalDate.now(ZoneId.of("Europe/Helsinki")).plusDays(21);
        page.locator("#assign-due").evaluate("(el, iso) => { el.value = iso; }", due.toString());
        page.locator("#assign-save").click();
        assertThat(page.locator("vaadin-notification-card")).containsText("assigned to 4 people");
        assertThat(page.locator("#progress-assignments")).containsText("Walk in another's shoes");
        BrowserSupport.eventually(() -> jdbc.queryForObject("""
                select count(*) from assignment a join module m on m.id = a.module_id
                where m.title = 'Walk in another''s shoes' and a.withdrawn_at is null and a.due_date = ?""",
                Integer.class, due) == 4);

        // The charts draw (pixels on the canvas), with the numbers as a table beside them.
        page.locator("vaadin-tab:has-text('Charts')").click();
        page.waitForTimeout(1_000); // the bars grow in; the screenshot should show them grown
        assertThat(page.locator("#chart-completions encounter-chart")).isVisible();
        BrowserSupport.eventually(() -> (Boolean) page.locator("#chart-completions encounter-chart").evaluate("""
                el => { const c = (el.shadowRoot || el).querySelector('canvas');
                        if (!c || c.width === 0) return false;
                        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                        for (let i = 3; i < d.length; i += 4) { if (d[i] !== 0) return true; }
                        return false; }"""));
        assertThat(page.locator("#chart-statuses encounter-chart")).isVisible();
        assertThat(page.locator("#chart-statuses table")).containsText("Certificate expired");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/team-charts-desktop.png"))
                .setFullPage(true));
    }
}
