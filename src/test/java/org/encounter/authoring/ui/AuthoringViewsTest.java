package org.encounter.authoring.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import org.encounter.KaribuTest;
import org.encounter.authoring.ModuleService;
import org.encounter.authoring.ModuleSummary;
import org.encounter.authoring.StepContent;
import org.encounter.authoring.StepType;
import org.encounter.authoring.StepView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

class AuthoringViewsTest extends KaribuTest {

    static final String DOMAIN = "@demo.encounter.example";

    @Autowired JdbcTemplate jdbc;
    @Autowired ModuleService modules;
    @Autowired org.encounter.authoring.ReviewService review;
    @Autowired UserDetailsService users;

    @Test
    void an_author_starts_a_module_adds_a_story_and_it_saves_as_they_type() {
        signInAs("ruby" + DOMAIN);
        UI.getCurrent().navigate(MyModulesView.class);
        TextField title = _get(TextField.class, spec -> spec.withId("new-module-title"));
        _click(_get(Button.class, spec -> spec.withId("new-module-create")));
        assertThat(title.getErrorMessage()).isEqualTo("This is required.");

        _setValue(title, "The bus that never came");
        _click(_get(Button.class, spec -> spec.withId("new-module-create")));
        assertThat(_get(H1.class).getText()).isEqualTo("The bus that never came");
        long id = jdbc.queryForObject("select id from module where title = 'The bus that never came'", Long.class);

        _click(_get(Button.class, spec -> spec.withId("add-step")));
        TextArea story = _get(TextArea.class, spec -> spec.withClasses("step-body"));
        _setValue(story, "I waited **two hours**.");
        assertThat(jdbc.queryForObject("select body from module_step where module_id = ?", String.class, id))
                .isEqualTo("I waited **two hours**.");
        assertThat(_get(Span.class, spec -> spec.withId("save-status")).getText()).isEqualTo("Saved");

        TextField statement = _get(TextField.class, spec -> spec.withId("module-statement-1"));
        _setValue(statement, "x".repeat(170));
        assertThat(statement.getHelperText()).contains("170 / 200");
        _setValue(statement, "I remember that waiting costs people more than time.");
        assertThat(jdbc.queryForObject("select statement_1 from module where id = ?", String.class, id))
                .isEqualTo("I remember that waiting costs people more than time.");
    }

    @Test
    void a_second_save_of_the_same_step_shows_both_texts_and_keeps_the_one_chosen() {
        signInAs("emma" + DOMAIN);
        long id = jdbc.queryForObject("select id from module where title = 'Waiting rooms'", Long.class);
        UI.getCurrent().navigate("authoring/" + id);
        StepView first = modules.draft(id).steps().getFirst();

        // Noor saves the same step from her own device meanwhile.
        var noor = users.loadUserByUsername("noor" + DOMAIN);
        var emmaAuth = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(noor, null, noor.getAuthorities()));
        modules.updateStep(first.id(), first.version(), new StepContent(StepType.STORY, null,
                "Noor: the chairs are bolted down.", null, null, null, null, null, List.of()));
        SecurityContextHolder.getContext().setAuthentication(emmaAuth);

        TextArea story = _find(TextArea.class, spec -> spec.withClasses("step-body")).getFirst();
        _setValue(story, "Emma: the sign lists what you must not do.");
        Dialog conflict = _get(Dialog.class, spec -> spec.withId("conflict-dialog"));
        assertThat(conflict.isOpened()).isTrue();
        assertThat(_find(conflict, Paragraph.class).stream().map(Paragraph::getText).toList())
                .contains("Noor: the chairs are bolted down.", "Emma: the sign lists what you must not do.");
        assertThat(jdbc.queryForObject("select body from module_step where id = ?", String.class, first.id()))
                .isEqualTo("Noor: the chairs are bolted down.");

        _click(_get(Button.class, spec -> spec.withId("conflict-keep-mine")));
        assertThat(jdbc.queryForObject("select body from module_step where id = ?", String.class, first.id()))
                .isEqualTo("Emma: the sign lists what you must not do.");
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_curator_finds_the_module_in_the_queue_and_must_explain_a_request_for_changes() {
        signInAs("kaisa" + DOMAIN);
        UI.getCurrent().navigate(ReviewQueueView.class);
        Grid<ModuleSummary> queue = _get(Grid.class, spec -> spec.withId("review-queue"));
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._size(queue)).isGreaterThanOrEqualTo(1);
        long id = jdbc.queryForObject("select id from module where title = 'Nobody asked what I wanted'", Long.class);
        UI.getCurrent().navigate("review/" + id);
        assertThat(_get(H1.class).getText()).isEqualTo("Nobody asked what I wanted");
        // The comments already made show beside their steps.
        assertThat(_find(Paragraph.class).stream().map(Paragraph::getText).toList())
                .contains("This is powerful. Could you add one sentence about how the meeting ended?");
        _click(_get(Button.class, spec -> spec.withId("review-request-changes")));
        assertThat(_get(TextArea.class, spec -> spec.withId("review-note")).isInvalid()).isTrue();
        assertThat(jdbc.queryForObject("select status from module where id = ?", String.class, id)).isEqualTo("IN_REVIEW");
    }

    @Test
    void a_curator_whose_module_changed_after_she_opened_it_is_refused_and_reads_the_new_text() {
        long id = as("emma", () -> {
            long m = modules.create("Approve what you read", "en");
            modules.updateDetails(m, null, new org.encounter.authoring.ModuleDetails("Approve what you read",
                    "A summary.", "Youth workers", 20, "en", List.of("listening"), List.of("I listen first.")));
            StepView story = modules.addStep(m, StepType.STORY);
            modules.updateStep(story.id(), story.version(), new StepContent(StepType.STORY, "The first telling",
                    "What the curator reads.", null, null, null, null, null, List.of()));
            StepView reflect = modules.addStep(m, StepType.REFLECTION);
            modules.updateStep(reflect.id(), reflect.version(), new StepContent(StepType.REFLECTION, null,
                    "When did you last listen first?", null, null, null, null, null, List.of()));
            review.submit(m);
            return m;
        });
        signInAs("kaisa" + DOMAIN);
        UI.getCurrent().navigate("review/" + id);
        assertThat(headings()).contains("The first telling");

        // Before Kaisa decides, Noor asks for changes and Emma rewrites the story and sends it again.
        as("noor", () -> {
            review.requestChanges(id, "Another angle?", modules.draft(id).revision());
            return null;
        });
        as("emma", () -> {
            StepView story = modules.draft(id).steps().getFirst();
            modules.updateStep(story.id(), story.version(), new StepContent(StepType.STORY, "A second telling",
                    "Words Kaisa has not read.", null, null, null, null, null, List.of()));
            review.submit(id);
            return null;
        });

        _setValue(_get(TextArea.class, spec -> spec.withId("review-note")), "Lovely.");
        publishAndConfirm();
        assertThat(jdbc.queryForObject("select count(*) from module_version where module_id = ?", Integer.class, id))
                .isZero();
        assertThat(jdbc.queryForObject("select status from module where id = ?", String.class, id)).isEqualTo("IN_REVIEW");
        // She is told, and the page now shows the new text; her note is kept.
        com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications(
                UI.getCurrent().getTranslation("review.changed-since-opened"));
        assertThat(headings()).contains("A second telling").doesNotContain("The first telling");
        assertThat(_get(TextArea.class, spec -> spec.withId("review-note")).getValue()).isEqualTo("Lovely.");

        publishAndConfirm();
        assertThat(jdbc.queryForObject("select content from module_version where module_id = ?", String.class, id))
                .contains("Words Kaisa has not read.");
    }

    /** "Publish", then "Publish" again in the dialog that asks first (which the browser then closes). */
    private static void publishAndConfirm() {
        _click(_get(Button.class, spec -> spec.withId("review-publish")));
        var confirm = _get(com.vaadin.flow.component.confirmdialog.ConfirmDialog.class);
        com.vaadin.flow.component.ComponentUtil.fireEvent(confirm,
                new com.vaadin.flow.component.confirmdialog.ConfirmDialog.ConfirmEvent(confirm, true));
        confirm.close();
    }

    /** The h2 headings on the page, components or markup. */
    private List<String> headings() {
        var headings = new java.util.ArrayList<>(_find(com.vaadin.flow.component.html.H2.class).stream().map(h -> h.getText()).toList());
        _find(org.encounter.base.ui.Markup.class).forEach(m -> headings.addAll(org.jsoup.Jsoup
                .parseBodyFragment(m.getElement().getProperty("innerHTML")).select("h2").eachText()));
        return headings;
    }


    @Test
    void a_learner_cannot_open_someone_elses_draft() {
        signInAs("sanna" + DOMAIN);
        long id = jdbc.queryForObject("select id from module where title = 'Waiting rooms'", Long.class);
        UI.getCurrent().navigate("authoring/" + id);
        assertThat(_get(H1.class, spec -> spec.withId("not-found")).getText()).isEqualTo(UI.getCurrent().getTranslation("error.not-found.title"));
        assertThat(_find(TextArea.class)).isEmpty();
        // The page keeps the menu, so the way on is one click away.
        assertThat(_find(org.encounter.base.ui.MainLayout.class)).hasSize(1);
        assertThat(_get(org.encounter.base.ui.AppMenu.class).getText()).isNotBlank();
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_preview_walks_the_steps_as_a_learner_and_stores_nothing() {
        signInAs("emma" + DOMAIN);
        long id = jdbc.queryForObject("select id from module where title = 'See the whole person'", Long.class);
        int comments = jdbc.queryForObject("select count(*) from step_comment", Integer.class);
        UI.getCurrent().navigate("authoring/" + id + "/preview");
        assertThat(_get(Span.class, spec -> spec.withId("preview-position")).getText()).isEqualTo(UI.getCurrent().getTranslation("player.overview", 7));
        Button next = _get(Button.class, spec -> spec.withId("preview-next"));
        _click(next);
        assertThat(_get(Span.class, spec -> spec.withId("preview-position")).getText()).isEqualTo(UI.getCurrent().getTranslation("player.step-of", 1, 7));
        _click(next);
        _click(next);
        _click(next);
        var choice = _get(com.vaadin.flow.component.radiobutton.RadioButtonGroup.class,
                spec -> spec.withClasses("perspective-options"));
        _setValue(choice, 1);
        var explanation = _get(org.encounter.base.ui.MarkdownView.class, spec -> spec.withClasses("perspective-explanation"));
        assertThat(explanation.getHtml())
                .contains("someone <em>asked</em> instead of deciding");
        assertThat(jdbc.queryForObject("select count(*) from step_comment", Integer.class)).isEqualTo(comments);
        assertThat(_find(Select.class)).isEmpty();
    }
}
