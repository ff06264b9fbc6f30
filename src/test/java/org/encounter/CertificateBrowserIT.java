package org.encounter;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.encounter.certificates.PdfQrCode;
import org.encounter.learning.LearningService;
import org.encounter.learning.StepAnswer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** A learner downloads a certificate; a stranger checks it by its QR code; an admin revokes it. */
class CertificateBrowserIT extends BrowserJourney {


    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LearningService learning;
    @Autowired
    UserDetailsService users;
    @Autowired
    TestClock clock;



    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void a_downloaded_certificate_is_checked_by_its_qr_code_and_shows_revoked_after_an_admin_revokes_it()
            throws Exception {
        completeAsJussi();

        Page learner = BrowserSupport.phone(browser);
        BrowserSupport.signIn(learner, port, "jussi");
        learner.navigate(url("/certificates"));
        Download download = learner.waitForDownload(() -> learner.locator(".certificate-download").first().click());
        byte[] pdf = Files.readAllBytes(download.path());
        String qr = PdfQrCode.read(pdf).getFirst();
        assertThat(qr).contains("/verify/");

        Page stranger = browser.newContext().newPage();
        stranger.navigate(url(URI.create(qr).getPath()));
        assertThat(stranger.locator("#verify-valid")).isVisible();
        assertThat(stranger.locator("#verify-result")).containsText("Jussi Korhonen");
        stranger.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/verify-valid.png")));

        Page admin = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)).newPage();
        BrowserSupport.signIn(admin, port, "admin");
        admin.navigate(url("/admin/certificates"));
        admin.locator("vaadin-text-field input").first().fill("another");
        admin.locator("vaadin-text-field input").first().press("Enter");
        admin.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("Jussi Korhonen")).waitFor();
        admin.waitForCondition(() -> admin.locator("vaadin-grid-cell-content",
                new Page.LocatorOptions().setHasText("When our assumptions")).count() == 0);
        admin.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("Jussi Korhonen")).click();
        admin.locator("#revoke-reason textarea").fill("Issued by mistake");
        admin.locator("#revoke-confirm").click();
        BrowserSupport.eventually(() -> jdbc.queryForObject(
                "select count(*) from certificate c join person p on p.id = c.learner_id"
                        + " where p.email = ? and c.revoked_at is not null", Integer.class,
                "jussi" + BrowserSupport.DOMAIN) == 1);

        stranger.reload();
        assertThat(stranger.locator("#verify-revoked")).isVisible();
        stranger.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/verify-revoked.png")));
    }

    /** Jussi takes "Walk in another's shoes" from start to finish (the clock moved past the report-back gap). */
    private void completeAsJussi() {
        long module = jdbc.queryForObject("select id from module where title = 'Walk in another''s shoes'", Long.class);
        var jussi = users.loadUserByUsername("jussi" + BrowserSupport.DOMAIN);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(jussi, null, jussi.getAuthorities()));
        try {
            long attempt = learning.start(module);
            for (int i = 0; i < 4; i++) {
                learning.completeStep(attempt, i, new StepAnswer("Thinking", 0, null, null, null, null, null, null, false));
            }
            learning.completeStep(attempt, 4, new StepAnswer(null, null, null, null, null, null, "Walk the front door",
                    LocalDate.now(ZoneId.of("Europe/Helsinki")).plusDays(1), false));
            clock.advance(Duration.ofDays(15));
            learning.completeStep(attempt, 5, new StepAnswer(null, 1, "Walked it", "Saw the queue", null, null, null,
                    null, false));
            learning.completeStep(attempt, 6, StepAnswer.empty());
        } finally {
            SecurityContextHolder.clearContext();
            clock.reset();
        }
    }

}
