package org.encounter;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.encounter.base.Dates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * A Leadership Exchange from application to certificate, in real Chromium: Pekka of the police (Finnish) and Elina of
 * the wellbeing services county (Swedish) apply to One Aurajoki's round; Kirsi runs the matching and publishes the
 * pair; both accept, set their goals and plan a visit each way; after the visits both record them, each guest
 * reflects, both rate their goals again, and both hold the certificate. A database of its own.
 */
@TestPropertySource(properties = "encounter.test.context=exchange-journey")
class ExchangeBrowserIT extends BrowserJourney {

    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;
    @Autowired Dates dates;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void two_leaders_apply_are_matched_accept_plan_visit_reflect_and_both_complete() {
        long round = openRound();

        apply("pekka", round, 3, "Työ nuorten kanssa ennen kuin asiat menevät pieleen", "Yövuoro partion kanssa");
        apply("elina", round, 2, "Hur polisen prioriterar en fredagskväll", "En dag på familjecentralen");

        // The coordinator runs the matching over the pool and publishes the pair.
        Page kirsi = desktop("kirsi");
        kirsi.navigate(url("/exchange/rounds/" + round));
        kirsi.locator("#round-run").click();
        waitFor(() -> jdbc.queryForObject("select count(*) from exchange_pair where round_id = ? and status ="
                + " 'PROPOSED'", Long.class, round) == 1);
        // The proposal shows with its reasons (different sectors) before anyone is asked.
        kirsi.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("↔")).first()
                .waitFor();
        kirsi.locator("#round-publish").click();
        waitFor(() -> "PUBLISHED".equals(jdbc.queryForObject("select status from exchange_pair where round_id = ?",
                String.class, round)));
        long pair = jdbc.queryForObject("select id from exchange_pair where round_id = ?", Long.class, round);

        // Both accept, each on their own page, and set two goals rated where they are now.
        Page pekka = desktop("pekka");
        Page elina = desktop("elina");
        for (Page leader : new Page[] {pekka, elina}) {
            leader.navigate(url("/exchange"));
            leader.locator("#exchange-open-" + pair).click();
            leader.locator("#pair-accept").click();
        }
        waitFor(() -> "ACCEPTED".equals(jdbc.queryForObject("select status from exchange_pair where id = ?",
                String.class, pair)));
        goals(pekka, pair, "Nähdä terveyspalveluiden arki", "Tuoda yksi käytäntö tiimiin");
        goals(elina, pair, "Förstå polisens prioriteringar", "Ta med en arbetsform hem");

        // Pekka plans both visits: he hosts the first, Elina the second; each comes as a calendar file.
        LocalDate first = dates.today().plusDays(10);
        LocalDate second = dates.today().plusDays(40);
        plan(pekka, pair, true, first.format(DateTimeFormatter.ofPattern("d.M.yyyy")), "Aurajoen poliisitalo",
                "Perjantain yövuoro");
        plan(pekka, pair, false, second.format(DateTimeFormatter.ofPattern("d.M.yyyy")), "Familjecentralen",
                "Ett familjemöte");
        assertThat(jdbc.queryForList("select visit_date from exchange_visit where pair_id = ? order by visit_date",
                LocalDate.class, pair)).containsExactly(first, second);
        assertThat(pekka.locator("#pair-visits a[download]")).hasCount(2);

        // After both visits, each records both, and each guest reflects (Elina keeps hers to herself).
        clock.advance(Duration.ofDays(41));
        long pekkaHosts = visit(pair, first);
        long elinaHosts = visit(pair, second);
        recordDone(pekka, pair, pekkaHosts, "host_done_at");
        recordDone(pekka, pair, elinaHosts, "guest_done_at");
        recordDone(elina, pair, pekkaHosts, "guest_done_at");
        recordDone(elina, pair, elinaHosts, "host_done_at");
        reflect(elina, pekkaHosts, "Prioriteringarna sätts timme för timme.");
        reflect(pekka, elinaHosts, "Perhekeskuksessa kuultiin ensin lasta.");
        open(pekka, pair);
        assertThat(pekka.locator("main")).not().containsText("timme för timme");

        // Both rate their goals again: the exchange is complete and both hold the certificate.
        endRatings(pekka, pair);
        endRatings(elina, pair);
        waitFor(() -> "COMPLETED".equals(jdbc.queryForObject("select status from exchange_pair where id = ?",
                String.class, pair)));
        open(elina, pair);
        elina.locator("#pair-completed").waitFor();
        assertThat(jdbc.queryForList("select p.email from certificate c join person p on p.id = c.learner_id where"
                + " c.programme_reference = ? order by p.email", String.class, "exchange-pair:" + pair))
                .containsExactly("elina" + BrowserSupport.DOMAIN, "pekka" + BrowserSupport.DOMAIN);
        // Elina reports back and offers it as a story of change, for the curators.
        elina.locator("#report-tried textarea").fill("Jag bjöd in polisen till vårt familjemöte.");
        elina.locator("#report-happened textarea").fill("Familjen fick svar på sina frågor direkt.");
        elina.locator("#report-learned textarea").fill("Att fråga tidigt sparar veckor.");
        elina.locator("#report-save").click();
        waitFor(() -> jdbc.queryForObject("select count(*) from exchange_report_back where pair_id = ?", Long.class,
                pair) == 1);
        elina.locator("#story-title input").fill("Polisen på familjemötet");
        elina.locator("#story-offer").click();
        waitFor(() -> jdbc.queryForObject("select count(*) from story where source = ? and status = 'SUBMITTED'",
                Long.class, "exchange-pair:" + pair) == 1);
        // The coordinator's page tells the pair completed, and reads nothing either of them wrote.
        kirsi.navigate(url("/exchange/rounds/" + round));
        kirsi.locator("#round-details").waitFor();
        assertThat(kirsi.locator("main")).not().containsText("timme för timme");
        assertThat(kirsi.locator("main")).not().containsText("kuultiin ensin");
        assertThat(kirsi.locator("main")).not().containsText("familjemöte");
    }

    private long openRound() {
        LocalDate today = dates.today();
        long partnership = jdbc.queryForObject("select id from partnership where name = 'One Aurajoki'", Long.class);
        jdbc.update("insert into exchange_round (partnership_id, name, applications_open, applications_close,"
                + " starts_on, ends_on, visits_each_way, created_at) values (?, 'Journey exchange', ?, ?, ?, ?, 1,"
                + " now(6))", partnership, today.minusDays(1), today.plusDays(5), today.plusDays(6),
                today.plusDays(90));
        long round = jdbc.queryForObject("select max(id) from exchange_round", Long.class);
        for (String organisation : new String[] {"Aurajoki Police Department", "Aurajoki Wellbeing Services County"}) {
            jdbc.update("insert into exchange_round_organisation (round_id, organisation_id) values (?, (select id"
                    + " from organisation where name = ?))", round, organisation);
        }
        return round;
    }

    private void apply(String who, long round, int sector, String wants, String offers) {
        Page page = desktop(who);
        page.navigate(url("/exchange"));
        page.locator("#exchange-apply-" + round).click();
        page.locator("#apply-sector").click();
        page.locator("vaadin-select-item:visible").nth(sector).click();
        page.locator("#apply-level").click();
        page.locator("vaadin-select-item:visible").nth(1).click();
        page.locator("#apply-wants textarea").fill(wants);
        page.locator("#apply-offers textarea").fill(offers);
        page.locator("#apply-languages vaadin-checkbox").first().click();
        page.locator("#apply-send").click();
        waitFor(() -> jdbc.queryForObject("select count(*) from exchange_application a join person p on p.id ="
                + " a.person_id where p.email = ? and a.round_id = ?", Long.class, who + BrowserSupport.DOMAIN,
                round) == 1);
        page.context().close();
    }

    private void open(Page page, long pair) {
        page.navigate(url("/exchange/pair/" + pair));
        page.locator("#pair-status").waitFor();
    }

    private void goals(Page page, long pair, String one, String two) {
        open(page, pair);
        page.locator("#goal-0 input").fill(one);
        page.locator("#goal-rating-0 vaadin-radio-button").nth(1).click();
        page.locator("#goal-1 input").fill(two);
        page.locator("#goal-rating-1 vaadin-radio-button").nth(0).click();
        long before = jdbc.queryForObject("select count(*) from exchange_goal where pair_id = ?", Long.class, pair);
        page.locator("#goals-save").click();
        waitFor(() -> jdbc.queryForObject("select count(*) from exchange_goal where pair_id = ?", Long.class, pair)
                == before + 2);
    }

    private void plan(Page page, long pair, boolean iHost, String date, String place, String shadow) {
        open(page, pair);
        page.locator("#plan-host vaadin-radio-button").nth(iHost ? 0 : 1).click();
        page.locator("#plan-date input").fill(date);
        page.locator("#plan-date input").press("Enter");
        page.keyboard().press("Escape");
        page.locator("#plan-place input").fill(place);
        page.locator("#plan-shadow textarea").fill(shadow);
        page.locator("#plan-save").click();
        page.locator("#pair-visits").filter(new Locator.FilterOptions().setHasText(place)).waitFor();
    }

    private long pair(long visit) {
        return jdbc.queryForObject("select pair_id from exchange_visit where id = ?", Long.class, visit);
    }

    private long visit(long pair, LocalDate day) {
        return jdbc.queryForObject("select id from exchange_visit where pair_id = ? and visit_date = ?", Long.class,
                pair, day);
    }

    /** "It happened", for one visit; the page redraws once the server has it. */
    private void recordDone(Page page, long pair, long visit, String column) {
        open(page, pair);
        page.locator("#visit-done-" + visit).click();
        waitFor(() -> jdbc.queryForObject("select count(*) from exchange_visit where id = ? and " + column
                + " is not null", Long.class, visit) == 1);
    }

    private void reflect(Page page, long visit, String text) {
        open(page, pair(visit));
        page.locator("#visit-reflection-" + visit + " textarea").fill(text);
        page.locator("#visit-reflect-" + visit).click();
        waitFor(() -> text.equals(jdbc.queryForObject("select reflection from exchange_visit where id = ?",
                String.class, visit)));
    }

    private void endRatings(Page page, long pair) {
        open(page, pair);
        page.locator("#end-rating-0 vaadin-radio-button").nth(3).click();
        page.locator("#end-rating-1 vaadin-radio-button").nth(4).click();
        long before = jdbc.queryForObject("select count(*) from exchange_goal where pair_id = ? and end_rating is not"
                + " null", Long.class, pair);
        page.locator("#end-save").click();
        waitFor(() -> jdbc.queryForObject("select count(*) from exchange_goal where pair_id = ? and end_rating is not"
                + " null", Long.class, pair) == before + 2);
    }

    private Page desktop(String who) {
        Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)).newPage();
        page.setDefaultTimeout(20_000);
        BrowserSupport.signIn(page, port, who);
        return page;
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) {
        long until = System.currentTimeMillis() + 20_000;
        while (!holds(condition)) {
            if (System.currentTimeMillis() > until) {
                throw new AssertionError("the database never showed what the screen said");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static boolean holds(java.util.function.BooleanSupplier condition) {
        try {
            return condition.getAsBoolean();
        } catch (org.springframework.dao.EmptyResultDataAccessException notYet) {
            return false;
        }
    }
}
