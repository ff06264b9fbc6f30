package org.encounter;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.encounter.BrowserSupport.eventually;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A young author on a phone creates a module with three steps, a co-author edits it, a curator
 * asks for changes, the author fixes it, and the curator publishes it — in real Chromium.
 */
class AuthoringBrowserIT extends BrowserJourney {


    @Autowired
    JdbcTemplate jdbc;



    @Test
    void a_young_author_writes_on_a_phone_and_a_curator_publishes_after_one_round_of_changes() {
        Page ruby = BrowserSupport.phone(browser);
        BrowserSupport.signIn(ruby, port, "ruby");
        ruby.navigate(url("/authoring"));
        ruby.locator("#new-module-title input").fill("Late again");
        ruby.locator("#new-module-create").click();
        assertThat(ruby.locator("#module-status")).hasAttribute("data-status", "DRAFT");
        ruby.waitForURL(java.util.regex.Pattern.compile(".*/authoring/\\d+$"));
        long id = Long.parseLong(ruby.url().replaceAll(".*/authoring/(\\d+).*", "$1"));

        ruby.getByLabel("Summary").fill("Being late is not always a choice.");
        ruby.locator("#module-statement-1 input").fill("I ask why before I judge lateness.");
        eventually(() -> "I ask why before I judge lateness.".equals(
                jdbc.queryForObject("select statement_1 from module where id = ?", String.class, id)));

        addStep(ruby, null);
        stepBody(ruby, 0).fill("The bus was full. The next one was full too.");
        addStep(ruby, "Reflection");
        stepBody(ruby, 1).fill("When did you last ask why someone was late?");
        addStep(ruby, "Action plan");
        stepBody(ruby, 2).fill("Next time someone is late, ask what happened before you say anything else.");
        eventually(() -> jdbc.queryForObject("select count(*) from module_step where module_id = ? and body is not null",
                Integer.class, id) == 3);
        ruby.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/editor-phone.png")).setFullPage(true));

        ruby.locator("#coauthor-create-link").click();
        String link = ruby.locator("#coauthor-link").textContent().strip();
        assertThat(link).contains("/authoring/join/");

        Page eetu = BrowserSupport.phone(browser);
        BrowserSupport.signIn(eetu, port, "eetu");
        eetu.navigate(url(link.substring(link.indexOf("/authoring/join/"))));
        assertThat(eetu.locator("#module-status")).hasAttribute("data-status", "DRAFT");
        stepBody(eetu, 0).fill("The bus was full. The next one was full too. I walked.");
        eventually(() -> bodyOfStep(id, 0).endsWith("I walked."));

        ruby.reload();
        ruby.locator("#editor-submit").click();
        assertThat(ruby.locator("#module-status")).hasAttribute("data-status", "IN_REVIEW");

        Page kaisa = BrowserSupport.phone(browser);
        BrowserSupport.signIn(kaisa, port, "kaisa");
        kaisa.navigate(url("/review/" + id));
        kaisa.locator("#review-note textarea").fill("Please say how it felt to walk in late.");
        kaisa.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/review-phone.png")).setFullPage(true));
        kaisa.locator("#review-request-changes").click();
        eventually(() -> "CHANGES_REQUESTED".equals(status(id)));

        ruby.reload();
        assertThat(ruby.locator("#changes-requested")).containsText("Please say how it felt to walk in late.");
        stepBody(ruby, 0).fill("The bus was full. The next one was full too. I walked, and everyone stared when I came in.");
        eventually(() -> bodyOfStep(id, 0).endsWith("stared when I came in."));
        ruby.locator("#editor-submit").click();
        assertThat(ruby.locator("#module-status")).hasAttribute("data-status", "IN_REVIEW");

        kaisa.navigate(url("/review/" + id));
        kaisa.locator("#review-publish").click();
        // Publishing asks first; until she says yes again, nothing is published.
        Locator yes = kaisa.locator("#review-publish-confirm vaadin-button[slot='confirm-button']");
        assertThat(yes).isVisible();
        assertThat(status(id)).isEqualTo("IN_REVIEW");
        yes.click();
        eventually(() -> "PUBLISHED".equals(status(id)));
        assertThat(jdbc.queryForObject("select number from module_version where module_id = ?", Integer.class, id)).isEqualTo(1);

        ruby.reload();
        assertThat(ruby.locator("#module-status")).hasAttribute("data-status", "PUBLISHED");
        ruby.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/published-phone.png")));
        assertThat(jdbc.queryForList("select to_status from module_transition where module_id = ? order by at", String.class, id))
                .containsExactly("IN_REVIEW", "CHANGES_REQUESTED", "IN_REVIEW", "PUBLISHED");
    }

    @Test
    void the_editor_can_be_used_with_the_keyboard_alone() {
        Page page = BrowserSupport.phone(browser);
        BrowserSupport.signIn(page, port, "noor");
        long id = jdbc.queryForObject("select id from module where title = 'Waiting rooms'", Long.class);
        page.navigate(url("/authoring/" + id));
        assertThat(page.locator("#module-status")).isVisible();
        // Reorder with the keyboard: focus "move step 2 up" and press Enter.
        String firstBefore = bodyOfStep(id, 0);
        Locator moveUp = page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Move step 2 up"));
        moveUp.focus();
        page.keyboard().press("Enter");
        eventually(() -> !Objects.equals(bodyOfStep(id, 0), firstBefore));
        // Tab from the title field reaches the summary; typing there saves.
        page.reload();
        page.locator("#module-title input").focus();
        page.keyboard().press("Tab");
        page.keyboard().type("Typed without a mouse.");
        page.keyboard().press("Tab");
        eventually(() -> jdbc.queryForObject("select summary from module where id = ?", String.class, id)
                .contains("Typed without a mouse."));
    }

    @Test
    void a_picture_is_uploaded_re_encoded_and_shown_and_a_disguised_file_is_refused_with_a_reason() throws Exception {
        Page page = BrowserSupport.phone(browser);
        BrowserSupport.signIn(page, port, "noor");
        long id = jdbc.queryForObject("select id from module where title = 'Waiting rooms'", Long.class);
        page.navigate(url("/authoring/" + id));
        addStep(page, "Picture or video");
        Locator media = page.locator(".step-editor").last();
        int before = jdbc.queryForObject("select count(*) from module_image", Integer.class);

        java.awt.image.BufferedImage picture = new java.awt.image.BufferedImage(2400, 1200,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(picture, "jpeg", png);
        media.locator("vaadin-upload input[type=file]").setInputFiles(new com.microsoft.playwright.options.FilePayload(
                "waiting-room.jpg", "image/jpeg", png.toByteArray()));
        media.locator("img.step-image").waitFor(new Locator.WaitForOptions()
                .setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
        String src = media.locator("img.step-image").getAttribute("src");
        var response = page.request().get(url("/" + src));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().get("content-type")).isEqualTo("image/jpeg");
        assertThat(media.locator("img.step-image")).isVisible();
        eventually(() -> jdbc.queryForObject("select count(*) from module_step where module_id = ? and image_key is not null",
                Integer.class, id) == 1);
        assertThat(jdbc.queryForObject("select max(width) from module_image", Integer.class)).isEqualTo(1600);

        byte[] executable = new byte[2048];
        executable[0] = 'M';
        executable[1] = 'Z';
        media.locator("vaadin-upload input[type=file]").setInputFiles(new com.microsoft.playwright.options.FilePayload(
                "holiday.png", "image/png", executable));
        assertThat(media.locator("p.notice")).containsText("This file is not an image");
        assertThat(jdbc.queryForObject("select count(*) from module_image", Integer.class)).isEqualTo(before + 1);
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/upload-refused-phone.png")));
    }

    private Locator stepBody(Page page, int index) {
        return page.locator(".step-editor").nth(index).locator("vaadin-text-area.step-body textarea");
    }

    private void addStep(Page page, String type) {
        page.locator("#add-step").waitFor();
        int before = page.locator(".step-editor").count();
        if (type != null) {
            // The editor re-renders after each change: open the list again if the first click hit the old one.
            Locator item = page.locator("vaadin-select-item", new Page.LocatorOptions().setHasText(type));
            for (int attempt = 0; attempt < 3 && !item.isVisible(); attempt++) {
                page.locator("#new-step-type").click();
                try {
                    item.waitFor(new Locator.WaitForOptions().setTimeout(3000)
                            .setState(com.microsoft.playwright.options.WaitForSelectorState.VISIBLE));
                } catch (com.microsoft.playwright.TimeoutError e) {
                    page.keyboard().press("Escape");
                }
            }
            item.click();
            assertThat(page.locator("#new-step-type")).containsText(type);
        }
        page.locator("#add-step").click();
        assertThat(page.locator(".step-editor")).hasCount(before + 1);
    }

    private String bodyOfStep(long moduleId, int position) {
        return jdbc.queryForObject("select body from module_step where module_id = ? and position = ?", String.class,
                moduleId, position);
    }

    private String status(long id) {
        return jdbc.queryForObject("select status from module where id = ?", String.class, id);
    }

}
