package org.encounter;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.vaadin.flow.i18n.I18NProvider;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.encounter.base.Dates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Sanna (who reads Finnish) follows "Your data" from her profile, prepares her download, watches it become ready and
 * saves the ZIP; then asks for her data to be erased, sees the day it would happen, and changes her mind.
 */
class YourDataBrowserIT extends BrowserJourney {

    private static final Locale FINNISH = Locale.of("fi");

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    I18NProvider i18n;
    @Autowired
    Dates dates;

    @AfterEach
    void nobodyIsLeftWaitingToBeErased() {
        jdbc.update("update erasure_request set status = 'CANCELLED' where status = 'PENDING'");
    }

    private String fi(String key, Object... args) {
        return i18n.getTranslation(key, FINNISH, args);
    }

    @Test
    void sanna_downloads_her_data_then_asks_for_erasure_and_cancels_it() throws Exception {
        long sanna = jdbc.queryForObject("select id from person where email = ?", Long.class,
                "sanna" + BrowserSupport.DOMAIN);
        Page page = BrowserSupport.phone(browser);
        BrowserSupport.signIn(page, port, "sanna");
        page.navigate(url("/profile"));
        page.locator("#profile-your-data").click();
        page.waitForURL(url("/my-data"));
        assertThat(page.locator("h1")).hasText(fi("privacy.title"));

        // She asks; the page shows it at work, then offers the file without being reloaded.
        page.locator("#prepare-export").click();
        assertThat(page.locator("#export-message")).hasText(fi("privacy.export.started"));
        page.locator(".export-progress, .export-download").first().waitFor();
        Locator link = page.locator(".export-download");
        link.waitFor(new Locator.WaitForOptions().setTimeout(60_000));
        assertThat(page.locator("#export-message")).hasText(fi("privacy.export.ready"));
        assertThat(page.locator(".export-progress")).hasCount(0);
        Download download = page.waitForDownload(link::click);
        assertThat(download.suggestedFilename()).matches("encounter-my-data-\\d{4}-\\d{2}-\\d{2}\\.zip");
        Map<String, String> zip = unzip(Files.newInputStream(download.path()));
        assertThat(zip).containsKey("index.html");
        assertThat(zip.get("index.html")).contains("Sanna Nieminen");

        // She asks for erasure, ticking nothing, and confirms: the day is 14 days ahead, and she can still cancel.
        page.locator("#ask-erasure").click();
        page.locator("#erasure-confirm vaadin-button[slot='confirm-button']").click();
        Locator pending = page.locator("#erasure-pending");
        pending.waitFor();
        LocalDateTime due = jdbc.queryForObject(
                "select due_at from erasure_request where person_id = ? and status = 'PENDING'", LocalDateTime.class,
                sanna);
        assertThat(dates.day(due.toInstant(ZoneOffset.UTC))).isEqualTo(dates.today().plusDays(14));
        assertThat(pending).hasText(fi("privacy.erasure.pending",
                dates.dates(FormatStyle.LONG, FINNISH).format(due.toInstant(ZoneOffset.UTC))));
        page.locator("#cancel-erasure").click();
        page.locator("#ask-erasure").waitFor();
        assertThat(jdbc.queryForObject("select status from erasure_request where person_id = ? order by id desc limit 1",
                String.class, sanna)).isEqualTo("CANCELLED");
    }

    private static Map<String, String> unzip(InputStream in) throws Exception {
        Map<String, String> files = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                zip.transferTo(out);
                files.put(entry.getName(), out.toString(StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
