package org.encounter;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.encounter.BrowserSupport.eventually;

import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import org.encounter.learning.AssignmentService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** A learner takes an assigned module through the whole action-learning cycle, in real Chromium on a phone. */
class LearningBrowserIT extends BrowserJourney {


    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AssignmentService assignments;
    @Autowired
    UserDetailsService users;
    @Autowired
    TestClock clock;



    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void a_learner_takes_an_assigned_module_reflects_plans_waits_reports_back_and_completes() {
        long module = jdbc.queryForObject("select id from module where title = 'When our assumptions came tumbling down'",
                Long.class);
        long zoe = jdbc.queryForObject("select id from person where email = ?", Long.class, "zoe" + BrowserSupport.DOMAIN);
        var fiona = users.loadUserByUsername("fiona" + BrowserSupport.DOMAIN);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(fiona, null, fiona.getAuthorities()));
        try {
            assignments.assign(module, Set.of(zoe), LocalDate.now().plusDays(7));
        } finally {
            SecurityContextHolder.clearContext();
        }

        Page page = BrowserSupport.phone(browser);
        BrowserSupport.signIn(page, port, "zoe");
        page.navigate(url("/learn/mine"));
        assertThat(page.locator("#my-learning-assigned")).containsText("When our assumptions came tumbling down");
        page.locator("#my-learning-assigned vaadin-button").first().click();
        assertThat(page.locator("#player-position")).hasText("Overview · 7 steps");
        page.locator("vaadin-radio-group").first().locator("vaadin-radio-button").nth(3).click();
        eventually(() -> jdbc.queryForObject("select count(*) from attempt_rating r join attempt a on a.id = r.attempt_id"
                + " where a.learner_id = ?", Integer.class, zoe) == 1);
        next(page);
        assertThat(page.locator("#player-position")).hasText("Step 1 of 7");
        next(page);
        next(page);
        assertThat(page.locator("#player-position")).hasText("Step 3 of 7");

        page.locator("#player-reflection textarea").fill("The group we call difficult");
        long attempt = jdbc.queryForObject("select id from attempt where learner_id = ? and module_id = ?", Long.class,
                zoe, module);
        eventually(() -> "The group we call difficult".equals(answer(attempt, 2)));
        page.reload();
        assertThat(page.locator("#player-position")).hasText("Step 3 of 7");
        assertThat(page.locator("#player-reflection textarea")).hasValue("The group we call difficult");
        page.locator("#player-reflection textarea").fill("The group we call difficult are the ones we never ask.");
        eventually(() -> answer(attempt, 2).endsWith("never ask."));
        next(page);

        page.locator("vaadin-radio-group").first().locator("vaadin-radio-button").first().click();
        next(page);
        page.locator("#player-action input").fill("Say my first impression out loud, then check it");
        LocalDate planned = LocalDate.now(ZoneId.of("Europe/Helsinki")).plusDays(2);
        page.locator("#player-action-date input").fill(planned.format(DateTimeFormatter.ofPattern("d/M/yyyy")));
        page.locator("#player-action-date input").press("Enter");
        page.keyboard().press("Escape");
        next(page);
        assertThat(page.locator("#player-awaiting")).containsText("Your report back opens on");
        assertThat(page.locator("#player-next")).hasCount(0);
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/awaiting-report-back-phone.png")));
        assertThat(jdbc.queryForObject("select status from attempt where id = ?", String.class, attempt))
                .isEqualTo("AWAITING_REPORT_BACK");

        clock.advance(Duration.ofDays(11));
        page.reload();
        page.locator("#player-tried textarea").fill("I said it out loud twice.");
        page.locator("#player-happened textarea").fill("Both times I was wrong about the young person.");
        page.locator("#player-tried-it vaadin-radio-button").first().click();
        next(page);
        assertThat(page.locator("#player-position")).hasText("Step 7 of 7");
        next(page);
        assertThat(page.locator("#player-completed")).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/completed-phone.png")));
        assertThat(jdbc.queryForObject("select status from attempt where id = ?", String.class, attempt)).isEqualTo("COMPLETED");
        // The completion screen leads to the certificate just issued.
        page.locator("#player-certificate").click();
        assertThat(page.locator(".certificate-card")).containsText("When our assumptions came tumbling down");
    }

    /** Clicks Next and waits until the player shows another step, so no click lands twice. */
    private void next(Page page) {
        String before = page.locator("#player-position").textContent();
        page.locator("#player-next").click();
        page.waitForCondition(() -> page.locator("#player-position").count() > 0
                && !before.equals(page.locator("#player-position").textContent()));
    }

    private String answer(long attempt, int position) {
        return jdbc.queryForList("select answer from attempt_step where attempt_id = ? and position = ?", String.class,
                attempt, position).stream().filter(java.util.Objects::nonNull).findFirst().orElse("");
    }

}
