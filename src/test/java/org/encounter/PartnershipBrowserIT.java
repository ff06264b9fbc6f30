package org.encounter;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * One Aurajoki learning together, in real Chromium: the coordinator shares the city's module with the partnership,
 * the city's and the wellbeing county's organisation admins each assign it to a team with their own due date,
 * a learner of each completes it, the coordinator's report shows both organisations (and no names), and neither
 * admin meets the other's people. A database of its own (the journey
 * changes the demo world's sharing and assignments).
 */
@TestPropertySource(properties = "encounter.test.context=partnership-journey")
class PartnershipBrowserIT extends BrowserJourney {

    private static final String MODULE = "See the whole person";
    private static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void a_shared_module_is_run_by_two_organisations_their_own_way_reported_together_and_each_admin_sees_only_their_own_people() {
        // The coordinator shares the city's module with One Aurajoki.
        Page kirsi = desktop("kirsi");
        kirsi.navigate(url("/shared-catalogue"));
        cell(kirsi, "#shared-modules", "Walk in another's shoes").first().waitFor();
        choose(kirsi, "#sharing-module", "See the whole", "vaadin-combo-box-item");
        kirsi.locator("#sharing-share").click();
        cell(kirsi, "#shared-modules", MODULE).first().waitFor();

        // Each organisation's admin assigns it to a team of theirs, with their own due date.
        LocalDate cityDue = LocalDate.now(HELSINKI).plusDays(21);
        LocalDate countyDue = LocalDate.now(HELSINKI).plusDays(50);
        // Riikka reads Finnish and Ville Swedish: each types the date as their own date picker shows it.
        assign("riikka", "Community Policing", cityDue.format(DateTimeFormatter.ofPattern("d.M.yyyy")));
        assign("ville", "Family Support", countyDue.toString());
        assertThat(dueOf("callum")).isEqualTo(cityDue);
        assertThat(dueOf("elina")).isEqualTo(countyDue);

        // A learner of each completes it.
        complete("callum");
        complete("elina");
        assertThat(jdbc.queryForList("select o.name from attempt a join person p on p.id = a.learner_id"
                + " join organisation o on o.id = p.organisation_id join module m on m.id = a.module_id"
                + " where m.title = ? and a.status = 'COMPLETED' order by o.name", String.class, MODULE))
                .containsExactly("Aurajoki Wellbeing Services County", "City of Aurajoki Youth and Community Services");

        // The coordinator's report shows both organisations' learning of the module, and nobody's name.
        long partnership = jdbc.queryForObject("select id from partnership where name = 'One Aurajoki'", Long.class);
        long module = jdbc.queryForObject("select id from module where title = ?", Long.class, MODULE);
        kirsi.navigate(url("/partnerships/" + partnership + "/report"));
        String table = "#partnership-report-module-" + module;
        cell(kirsi, table, "City of Aurajoki Youth and Community Services").first().waitFor();
        cell(kirsi, table, "Aurajoki Wellbeing Services County").first().waitFor();
        assertThat(kirsi.locator("main")).not().containsText("Callum");
        assertThat(kirsi.locator("main")).not().containsText("Elina");

        // Each admin's page of assignments holds their own organisation's due date and figures only.
        Page riikka = desktop("riikka");
        riikka.navigate(url("/admin/assignments"));
        cell(riikka, "#adoptions", MODULE).first().waitFor();
        cell(riikka, "#adoptions", day(cityDue, "fi")).first().waitFor();
        assertThat(cell(riikka, "#adoptions", day(countyDue, "fi"))).hasCount(0);
        Page ville = desktop("ville");
        ville.navigate(url("/admin/assignments"));
        cell(ville, "#adoptions", day(countyDue, "sv")).first().waitFor();
        assertThat(cell(ville, "#adoptions", day(cityDue, "sv"))).hasCount(0);

        // Neither organisation admin meets the other's people.
        riikka.navigate(url("/admin/people"));
        cell(riikka, "#people-grid", "Callum Reid").first().waitFor();
        assertThat(cell(riikka, "#people-grid", "Elina Lindholm")).hasCount(0);
        ville.navigate(url("/admin/people"));
        cell(ville, "#people-grid", "Elina Lindholm").first().waitFor();
        assertThat(cell(ville, "#people-grid", "Callum Reid")).hasCount(0);
    }

    /** The grid's cells holding the text (a grid's rows render as cells of its own). */
    private static Locator cell(Page page, String grid, String text) {
        return page.locator(grid + " vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(text));
    }

    private Page desktop(String who) {
        Page page = browser.newContext(new Browser.NewContextOptions().setLocale("en-GB").setViewportSize(1280, 900))
                .newPage();
        page.setDefaultTimeout(20_000);
        BrowserSupport.signIn(page, port, who);
        return page;
    }

    /** Types into a combo box and picks the item the overlay offers. */
    private static void choose(Page page, String box, String text, String itemTag) {
        page.locator(box + " input").fill(text);
        page.locator(itemTag).filter(new Locator.FilterOptions().setHasText(text)).first().click();
    }

    private void assign(String admin, String team, String due) {
        Page page = desktop(admin);
        page.navigate(url("/admin/assignments"));
        choose(page, "#adoption-module", "See the whole", "vaadin-combo-box-item");
        choose(page, "#adoption-teams", team, "vaadin-multi-select-combo-box-item");
        page.keyboard().press("Escape");
        page.locator("#adoption-due input").fill(due);
        page.locator("#adoption-due input").press("Enter");
        page.keyboard().press("Escape");
        page.locator("#adoption-assign").click();
        cell(page, "#adoptions", MODULE).first().waitFor();
        page.context().close();
    }

    private LocalDate dueOf(String who) {
        return jdbc.queryForObject("select a.due_date from assignment a join person p on p.id = a.learner_id"
                + " join module m on m.id = a.module_id where p.email = ? and m.title = ?", LocalDate.class,
                who + BrowserSupport.DOMAIN, MODULE);
    }

    /** The date as the admin's page writes it, in their language. */
    private static String day(LocalDate date, String language) {
        return date.format(org.encounter.base.Dates.days(java.time.format.FormatStyle.MEDIUM,
                java.util.Locale.forLanguageTag(language)));
    }

    /** The learner opens their assignment and answers every step until the module is complete. */
    private void complete(String who) {
        Page page = BrowserSupport.phone(browser);
        BrowserSupport.signIn(page, port, who);
        page.navigate(url("/learn/mine"));
        assertThat(page.locator("#my-learning-assigned")).containsText(MODULE);
        page.locator("#my-learning-assigned vaadin-button").first().click();
        page.locator("#player-position").waitFor();
        for (int step = 0; step < 20 && page.locator("#player-completed").count() == 0; step++) {
            if (page.locator("#player-awaiting").count() > 0) {
                clock.advance(Duration.ofDays(11));
                page.reload();
                page.locator("#player-position").waitFor();
                continue;
            }
            answerWhatIsShown(page);
            String before = page.locator("#player-position").textContent();
            page.locator("#player-next").click();
            page.waitForCondition(() -> page.locator("#player-completed").count() > 0
                    || page.locator("#player-awaiting").count() > 0
                    || page.locator("#player-position").count() > 0
                    && !before.equals(page.locator("#player-position").textContent()));
        }
        assertThat(page.locator("#player-completed")).isVisible();
        page.context().close();
    }

    private void answerWhatIsShown(Page page) {
        for (String field : new String[] {"#player-reflection textarea", "#player-tried textarea",
                "#player-happened textarea"}) {
            if (page.locator(field).count() > 0) {
                page.locator(field).fill("What I saw and what I will do about it.");
            }
        }
        if (page.locator("#player-action input").count() > 0) {
            page.locator("#player-action input").fill("Ask before I read the file");
            // The date through the picker's own value, so the journey does not depend on the learner's date format.
            page.locator("#player-action-date").evaluate("(picker, day) => { picker.value = day; }",
                    LocalDate.ofInstant(clock.instant(), HELSINKI).plusDays(2).toString());
        }
        Locator groups = page.locator("main vaadin-radio-group");
        for (int i = 0; i < groups.count(); i++) {
            if (groups.nth(i).locator("vaadin-radio-button[checked]").count() == 0) {
                groups.nth(i).locator("vaadin-radio-button").nth(2 % Math.max(1,
                        groups.nth(i).locator("vaadin-radio-button").count())).click();
            }
        }
    }
}
