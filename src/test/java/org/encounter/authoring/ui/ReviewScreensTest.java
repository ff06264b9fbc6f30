package org.encounter.authoring.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;
import java.util.function.Supplier;
import org.encounter.KaribuTest;
import org.encounter.authoring.CoAuthorService;
import org.encounter.authoring.ModuleDetails;
import org.encounter.authoring.ModuleService;
import org.encounter.authoring.ReviewService;
import org.encounter.authoring.StepContent;
import org.encounter.authoring.StepType;
import org.encounter.authoring.StepView;
import org.encounter.base.ui.HomeView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Publishing asks first, the owner's "Delete draft", and what the home page says waits for a curator or an author. */
class ReviewScreensTest extends KaribuTest {

    static final String DOMAIN = "@demo.encounter.example";

    @Autowired JdbcTemplate jdbc;
    @Autowired ModuleService modules;
    @Autowired ReviewService review;
    @Autowired CoAuthorService coAuthors;
    @Autowired UserDetailsService users;

    /** A complete module by Emma with Noor as co-author. */
    private long module(String title) {
        return as("emma", () -> {
            long m = modules.create(title, "en");
            modules.updateDetails(m, null, new ModuleDetails(title, "A summary.", "Youth workers", 20, "en",
                    List.of("listening"), List.of("I listen first.")));
            StepView story = modules.addStep(m, StepType.STORY);
            modules.updateStep(story.id(), story.version(), new StepContent(StepType.STORY, "The telling",
                    "What happened.", null, null, null, null, null, List.of()));
            StepView reflect = modules.addStep(m, StepType.REFLECTION);
            modules.updateStep(reflect.id(), reflect.version(), new StepContent(StepType.REFLECTION, null,
                    "When did you last listen first?", null, null, null, null, null, List.of()));
            coAuthors.addExisting(m, jdbc.queryForObject("select id from person where email = ?", Long.class,
                    "noor" + DOMAIN));
            return m;
        });
    }

    private String status(long id) {
        return jdbc.queryForObject("select status from module where id = ?", String.class, id);
    }

    private int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    private static String t(String key, Object... args) {
        return UI.getCurrent().getTranslation(key, args);
    }

    @Test
    void publishing_asks_first_and_nothing_is_published_until_the_curator_says_yes() {
        long id = module("Publish when sure");
        as("emma", () -> {
            review.submit(id);
            return null;
        });
        signInAs("kaisa" + DOMAIN);
        UI.getCurrent().navigate("review/" + id);

        _click(_get(Button.class, spec -> spec.withId("review-publish")));
        ConfirmDialog confirm = _get(ConfirmDialog.class, spec -> spec.withId("review-publish-confirm"));
        assertThat(confirm.isOpened()).isTrue();
        assertThat(confirm.getElement().getProperty("header")).isEqualTo(t("review.publish.confirm-title",
                "Publish when sure"));
        assertThat(confirm.getElement().getProperty("message")).isEqualTo(t("review.publish.confirm-text"));
        assertThat(confirm.getElement().getProperty("confirmText")).isEqualTo(t("review.publish"));
        assertThat(confirm.getElement().getProperty("cancelText")).isEqualTo(t("action.cancel"));
        // Still nothing published while the question is open, nor after "Cancel".
        assertThat(status(id)).isEqualTo("IN_REVIEW");
        ComponentUtil.fireEvent(confirm, new ConfirmDialog.CancelEvent(confirm, true));
        confirm.close();
        assertThat(status(id)).isEqualTo("IN_REVIEW");
        assertThat(count("select count(*) from module_version where module_id = ?", id)).isZero();

        _click(_get(Button.class, spec -> spec.withId("review-publish")));
        confirm = _get(ConfirmDialog.class, spec -> spec.withId("review-publish-confirm"));
        ComponentUtil.fireEvent(confirm, new ConfirmDialog.ConfirmEvent(confirm, true));
        confirm.close(); // as the browser does after "confirm"
        assertThat(status(id)).isEqualTo("PUBLISHED");
        assertThat(count("select count(*) from module_version where module_id = ?", id)).isEqualTo(1);
        com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications(t("review.published", 1));
    }

    @Test
    void the_owner_deletes_a_draft_after_confirming_and_no_one_else_sees_the_button() {
        long id = module("Delete me later");
        signInAs("emma" + DOMAIN);
        UI.getCurrent().navigate("authoring/" + id);
        Button delete = _get(Button.class, spec -> spec.withId("editor-delete-draft"));
        assertThat(delete.getText()).isEqualTo(t("editor.delete-draft"));

        _click(delete);
        ConfirmDialog confirm = _get(ConfirmDialog.class, spec -> spec.withId("editor-delete-confirm"));
        assertThat(confirm.getElement().getProperty("header")).isEqualTo(t("editor.delete-draft.title"));
        assertThat(confirm.getElement().getProperty("message")).isEqualTo(t("editor.delete-draft.text",
                "Delete me later"));
        ComponentUtil.fireEvent(confirm, new ConfirmDialog.CancelEvent(confirm, true));
        confirm.close();
        assertThat(count("select count(*) from module where id = ?", id)).isEqualTo(1);

        _click(_get(Button.class, spec -> spec.withId("editor-delete-draft")));
        confirm = _get(ConfirmDialog.class, spec -> spec.withId("editor-delete-confirm"));
        ComponentUtil.fireEvent(confirm, new ConfirmDialog.ConfirmEvent(confirm, true));
        confirm.close(); // as the browser does after "confirm"
        assertThat(count("select count(*) from module where id = ?", id)).isZero();
        assertThat(count("select count(*) from module_step where module_id = ?", id)).isZero();
        com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications(
                t("editor.draft-deleted", "Delete me later"));
        // Back on "My modules", where it is gone.
        assertThat(_get(H1.class).getText()).isEqualTo(t("authoring.title"));
        assertThat(_find(Button.class).stream().map(Button::getText).toList())
                .doesNotContain(t("authoring.open", "Delete me later"));
    }

    @Test
    void a_co_author_and_the_owner_of_a_published_module_see_no_delete_button() {
        long id = module("Not Noor's to delete");
        signInAs("noor" + DOMAIN);
        UI.getCurrent().navigate("authoring/" + id);
        assertThat(_find(TextArea.class)).isNotEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("editor-delete-draft"))).isEmpty();
        tearDownVaadin();

        signInAs("emma" + DOMAIN);
        long published = jdbc.queryForObject("select id from module where title = 'See the whole person'", Long.class);
        UI.getCurrent().navigate("authoring/" + published);
        assertThat(_get(H1.class).getText()).isEqualTo("See the whole person");
        assertThat(_find(Button.class, spec -> spec.withId("editor-delete-draft"))).isEmpty();
    }

    @Test
    void a_curators_home_shows_how_many_modules_wait_for_review_with_links() {
        long waiting = jdbc.queryForObject("select id from module where title = 'Nobody asked what I wanted'", Long.class);
        signInAs("kaisa" + DOMAIN);
        UI.getCurrent().navigate(HomeView.class);
        Div card = _get(Div.class, spec -> spec.withId("home-review-waiting"));
        int inReview = count("select count(*) from module where status = 'IN_REVIEW'");
        assertThat(_get(card, Paragraph.class, spec -> spec.withId("home-review-waiting-count")).getText())
                .isEqualTo(t("home.review-waiting.count", inReview));
        assertThat(_find(card, Anchor.class)).extracting(Anchor::getHref).contains("review/" + waiting);
        _click(_get(card, Button.class, spec -> spec.withText(t("home.review-waiting.open-queue"))));
        assertThat(_get(H1.class).getText()).isEqualTo(t("review.title"));
    }

    @Test
    void an_authors_home_shows_comments_waiting_for_her_and_a_learner_sees_no_review_card() {
        // The demo world: three curators commented on Eetu's module after he sent it.
        long waiting = jdbc.queryForObject("select id from module where title = 'Nobody asked what I wanted'", Long.class);
        signInAs("eetu" + DOMAIN);
        UI.getCurrent().navigate(HomeView.class);
        Div card = _get(Div.class, spec -> spec.withId("home-author-waiting"));
        Anchor link = _get(card, Anchor.class);
        assertThat(link.getHref()).isEqualTo("authoring/" + waiting);
        assertThat(link.getText()).isEqualTo(t("home.author-waiting.comments", "Nobody asked what I wanted", 3));
        assertThat(_find(Div.class, spec -> spec.withId("home-review-waiting"))).isEmpty();
        tearDownVaadin();

        signInAs("sanna" + DOMAIN);
        UI.getCurrent().navigate(HomeView.class);
        assertThat(_find(Div.class, spec -> spec.withId("home-author-waiting"))).isEmpty();
        assertThat(_find(Div.class, spec -> spec.withId("home-review-waiting"))).isEmpty();
    }

}
