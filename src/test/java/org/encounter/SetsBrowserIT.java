package org.encounter;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Learning together: a facilitator schedules a set of two meetings with three members, a member shares her
 * commitment, the facilitator takes attendance, the member turns her report back into a story of change, a
 * curator approves it, and it appears in the stories list.
 */
@TestPropertySource(properties = "encounter.demo.learning=true")
class SetsBrowserIT extends BrowserJourney {

    static final String DOMAIN = "@demo.encounter.example";

    @Autowired
    JdbcTemplate jdbc;

    Page open(String who) {
        return open(who, 1280, 900);
    }

    Page open(String who, int width, int height) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en-GB")
                .setViewportSize(width, height).setAcceptDownloads(true));
        Page page = context.newPage();
        page.setDefaultTimeout(20_000);
        BrowserSupport.signIn(page, port, who);
        return page;
    }

    long person(String who) {
        return jdbc.queryForObject("select id from person where email = ?", Long.class, who + DOMAIN);
    }

    @Test
    void a_set_meets_shares_takes_attendance_and_a_story_of_change_comes_out_of_it() throws Exception {
        Files.createDirectories(Path.of("target/screenshots"));
        // Tuula (who reads Finnish) schedules the set.
        Page tuula = open("tuula");
        tuula.navigate(url("/sets"));
        tuula.locator("#sets-new").click();
        tuula.locator("#set-name input").fill("Wednesday set");
        tuula.locator("#set-module input").fill("See the");
        tuula.locator("vaadin-combo-box-item:has-text('See the whole person')").click();
        for (String name : new String[] {"Sanna Nieminen", "Jussi Korhonen", "Callum Reid"}) {
            tuula.locator("#set-members input").fill(name.substring(0, 4));
            tuula.locator("vaadin-multi-select-combo-box-item:has-text('" + name + "')").click();
        }
        tuula.keyboard().press("Escape");
        // Three members: the facilitator is told sets of four to eight work best, and may go on.
        assertThat(tuula.locator("#set-members-warning")).isVisible();
        LocalDate day = LocalDate.now(ZoneId.of("Europe/Helsinki")).plusDays(10);
        tuula.locator("#meeting-1-date").evaluate("(el, iso) => { el.value = iso; }", day.toString());
        tuula.locator("#meeting-1-start").evaluate("el => { el.value = '13:00'; }");
        tuula.locator("#meeting-1-end").evaluate("el => { el.value = '14:30'; }");
        tuula.locator("#meeting-1-place input").fill("Library, meeting room");
        tuula.locator("#set-add-meeting").click();
        assertThat(tuula.locator("#meeting-2-place input")).hasValue("Library, meeting room");
        tuula.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/set-form-desktop.png"))
                .setFullPage(true));
        tuula.locator("#set-save").click();
        assertThat(tuula.locator("#set-meeting-list li")).hasCount(2);
        long setId = jdbc.queryForObject("select id from learning_set where name = 'Wednesday set'", Long.class);
        assertThat(tuula).hasURL(url("/sets/" + setId));

        // The series goes into a calendar app as two events in Helsinki time.
        Download ics = tuula.waitForDownload(() -> tuula.locator("#set-ics").click());
        Calendar calendar = new CalendarBuilder().build(new StringReader(Files.readString(ics.path(),
                StandardCharsets.UTF_8)));
        calendar.validate();
        assertThat(calendar.<VEvent>getComponents("VEVENT")).hasSize(2).allSatisfy(e -> assertThat(
                e.getDateTimeStart().getParameter("TZID").orElseThrow().getValue()).isEqualTo("Europe/Helsinki"));

        // Sanna sees the meetings on her home page, and shares her commitment with the set.
        Page sanna = open("sanna", 390, 844);
        assertThat(sanna.locator("#home-meetings")).containsText("Wednesday set");
        sanna.navigate(url("/sets/" + setId));
        assertThat(sanna.locator("#set-my-commitment")).containsText("Ask first, then listen.");
        sanna.locator("#set-share").click();
        sanna.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/set-member-phone.png")));
        BrowserSupport.eventually(() -> jdbc.queryForObject(
                "select count(*) from set_share where set_id = ? and sharer_id = ?", Integer.class,
                setId, person("sanna")) == 1);

        // At the first meeting Tuula sees what Sanna shared, and takes attendance.
        tuula.navigate(url("/sets/" + setId));
        tuula.locator("#set-meeting-1").click();
        assertThat(tuula.locator("#meeting-shared")).containsText("Ask first, then listen.");
        assertThat(tuula.locator("#meeting-shared")).containsText("I asked first.");
        tuula.locator("#attendance-" + person("sanna") + " vaadin-radio-button").nth(0).click();
        tuula.locator("#attendance-" + person("jussi") + " vaadin-radio-button").nth(2).click();
        tuula.locator("#attendance-" + person("callum") + " vaadin-radio-button").nth(1).click();
        tuula.locator("#attendance-save").click();
        long first = jdbc.queryForObject("select min(id) from set_meeting where set_id = ?", Long.class, setId);
        BrowserSupport.eventually(() -> jdbc.queryForObject(
                "select count(*) from meeting_attendance where meeting_id = ?", Integer.class, first) == 3);
        assertThat(jdbc.queryForObject("select status from meeting_attendance where meeting_id = ? and person_id = ?",
                String.class, first, person("jussi"))).isEqualTo("EXCUSED");
        tuula.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/set-meeting-desktop.png"))
                .setFullPage(true));
        tuula.navigate(url("/sets/" + setId));
        assertThat(tuula.locator("#attendance-grid")).containsText("Sanna Nieminen");
        tuula.locator("#attendance-overview").scrollIntoViewIfNeeded();
        tuula.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/set-attendance-desktop.png")));

        // Sanna turns her report back into a story of change, told anonymously. The set read her report back with her
        // name, so the form starts empty and says why: she tells it again in other words.
        long attempt = jdbc.queryForObject("""
                select a.id from attempt a join module m on m.id = a.module_id
                where a.learner_id = ? and m.title = 'See the whole person' and a.status = 'COMPLETED'""", Long.class,
                person("sanna"));
        sanna.navigate(url("/stories/write/" + attempt));
        assertThat(sanna.locator("#story-starts-empty")).isVisible();
        assertThat(sanna.locator("#story-tried textarea")).hasValue("");
        sanna.locator("#story-title input").fill("Asking first, at the youth centre");
        sanna.locator("#story-tried textarea").fill("Before offering help, I asked what the young person wanted.");
        sanna.locator("#story-happened textarea").fill("They told me something no file had said.");
        sanna.locator("#story-learned textarea").fill("A question opens more than a plan does.");
        sanna.locator("#story-send").click();
        BrowserSupport.eventually(() -> jdbc.queryForObject(
                "select count(*) from story where title = 'Asking first, at the youth centre' and status = 'SUBMITTED'",
                Integer.class) == 1);

        // Noor, a curator, approves it; it appears in the list everyone reads, without Sanna's name.
        Page noor = open("noor");
        noor.navigate(url("/stories"));
        noor.locator(".story:has-text('Asking first, at the youth centre') .story-approve").click();
        assertThat(noor.locator("#stories-list")).containsText("Asking first, at the youth centre");
        Page olga = open("olga");
        olga.navigate(url("/stories"));
        assertThat(olga.locator("#stories-list")).containsText("Asking first, at the youth centre");
        assertThat(olga.locator("#stories-list")).not().containsText("Sanna");
        // And Olga, outside the set, finds no set there.
        olga.navigate(url("/sets/" + setId + "/meetings/" + first));
        assertThat(olga.locator("#not-found")).isVisible();
        assertThat(olga.locator("body")).not().containsText("Ask first, then listen.");
        assertThat(olga.locator("body")).not().containsText("Wednesday set");
    }
}
