package org.encounter.learning.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.List;
import org.encounter.KaribuTest;
import org.encounter.base.PersonalData;
import org.encounter.learning.AttemptRows;
import org.encounter.learning.LearningService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

class PlayerViewTest extends KaribuTest {

    static final String DOMAIN = "@demo.encounter.example";

    @Autowired JdbcTemplate jdbc;
    @Autowired LearningService learning;
    @Autowired TransactionTemplate transactions;
    @Autowired List<PersonalData> dataDeclarations;

    @Test
    @SuppressWarnings("unchecked")
    void a_learner_finds_a_module_walks_its_steps_and_is_told_when_the_report_back_opens() {
        signInAs("fiona" + DOMAIN);
        UI.getCurrent().navigate(CatalogueView.class);
        assertThat(_find(org.encounter.base.ui.Markup.class).stream().map(org.encounter.base.ui.Markup::getText)
                .collect(java.util.stream.Collectors.joining("\n")))
                .contains("See the whole person", "When our assumptions came tumbling down", "Walk in another's shoes");
        _click(_get(Button.class, spec -> spec.withAttribute("aria-label", "Start See the whole person")));

        assertThat(_get(Span.class, spec -> spec.withId("player-position")).getText()).isEqualTo("Overview · 7 steps");
        RadioButtonGroup<Integer> firstRating = _find(RadioButtonGroup.class).getFirst();
        _setValue(firstRating, 3);
        _click(_get(Button.class, spec -> spec.withId("player-next")));
        assertThat(_get(Span.class, spec -> spec.withId("player-position")).getText()).isEqualTo("Step 1 of 7");
        _click(_get(Button.class, spec -> spec.withId("player-next")));
        _click(_get(Button.class, spec -> spec.withId("player-next")));
        assertThat(_get(Span.class, spec -> spec.withId("player-position")).getText()).isEqualTo("Step 3 of 7");

        // Nothing written: the reflection asks for words, at the field.
        _click(_get(Button.class, spec -> spec.withId("player-next")));
        TextArea reflection = _get(TextArea.class, spec -> spec.withId("player-reflection"));
        assertThat(reflection.getErrorMessage()).isEqualTo("This is required.");
        _setValue(reflection, "Before she spoke I knew her school record.");
        long attempt = jdbc.queryForObject("select a.id from attempt a join person p on p.id = a.learner_id"
                + " where p.email = ? and a.status <> 'COMPLETED'", Long.class, "fiona" + DOMAIN);
        assertThat(jdbc.queryForObject("select answer from attempt_step where attempt_id = ? and position = 2",
                String.class, attempt)).isEqualTo("Before she spoke I knew her school record.");
        _click(_get(Button.class, spec -> spec.withId("player-next")));

        RadioButtonGroup<Integer> choice = _find(RadioButtonGroup.class).getFirst();
        _setValue(choice, 0);
        _click(_get(Button.class, spec -> spec.withId("player-next")));
        _setValue(_get(TextField.class, spec -> spec.withId("player-action")), "Ask first at Monday's drop-in.");
        _setValue(_get(DatePicker.class, spec -> spec.withId("player-action-date")), LocalDate.now().plusDays(2));
        _click(_get(Button.class, spec -> spec.withId("player-next")));

        assertThat(_get(Paragraph.class, spec -> spec.withId("player-awaiting")).getText())
                .contains("Ask first at Monday's drop-in.").contains("Your report back opens on").doesNotContain("..");
        assertThat(jdbc.queryForObject("select status from attempt where id = ?", String.class, attempt))
                .isEqualTo("AWAITING_REPORT_BACK");
        assertThat(_find(Button.class, spec -> spec.withId("player-next"))).isEmpty();

        // Leaving and coming back (another device) resumes at the same step.
        UI.getCurrent().navigate(MyLearningView.class);
        assertThat(_find(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("my-learning-awaiting"))).hasSize(1);
        UI.getCurrent().navigate("learn/attempt/" + attempt);
        assertThat(_get(Span.class, spec -> spec.withId("player-position")).getText()).isEqualTo("Step 6 of 7");
    }

    @Test
    void a_completed_attempt_whose_answers_the_retention_period_removed_says_so_in_every_language() {
        transactions.executeWithoutResult(status -> {
            status.setRollbackOnly();
            long sanna = jdbc.queryForObject("select id from person where email = ?", Long.class, "sanna" + DOMAIN);
            long attempt = AttemptRows.completed(jdbc, sanna, "See the whole person",
                    java.time.Instant.now().minus(java.time.Duration.ofDays(800)), "Old words");
            learningData().applyRetention(new PersonalData.Retention(java.time.Instant.now().minus(
                    java.time.Duration.ofDays(730))));

            signInAs("sanna" + DOMAIN); // Sanna reads Finnish
            UI.getCurrent().navigate("learn/attempt/" + attempt);
            assertThat(_get(Paragraph.class, spec -> spec.withId("player-answers-removed")).getText())
                    .isEqualTo("Yksityiset vastauksesi tähän moduuliin poistettiin säilytysajan päätyttyä."
                            + " Suorituksesi ja todistuksesi säilyvät.");
            UI.getCurrent().setLocale(java.util.Locale.ENGLISH);
            UI.getCurrent().navigate("learn/attempt/" + attempt);
            assertThat(_get(Paragraph.class, spec -> spec.withId("player-answers-removed")).getText())
                    .isEqualTo("Your private answers to this module were removed after the retention period. Your"
                            + " completion and your certificate stay.");
            learning.goTo(attempt, 2);
            UI.getCurrent().navigate("learn/attempt/" + attempt);
            assertThat(_get(Paragraph.class, spec -> spec.withId("player-answers-removed")).getText())
                    .isEqualTo("Removed after the retention period.");
            assertThat(_get(TextArea.class, spec -> spec.withId("player-reflection")).getValue()).isEmpty();
            learning.goTo(attempt, 5);
            UI.getCurrent().navigate("learn/attempt/" + attempt);
            assertThat(_get(Paragraph.class, spec -> spec.withId("player-answers-removed")).getText())
                    .isEqualTo("Removed after the retention period.");
            assertThat(_find(TextArea.class)).isNotEmpty().allSatisfy(area -> assertThat(area.getValue()).isEmpty());

            UI.getCurrent().setLocale(java.util.Locale.of("sv"));
            UI.getCurrent().navigate("learn/attempt/" + attempt);
            assertThat(_get(Paragraph.class, spec -> spec.withId("player-answers-removed")).getText())
                    .isEqualTo("Borttaget efter lagringstiden.");
        });
    }

    private PersonalData learningData() {
        return dataDeclarations.stream().filter(d -> d.section().equals("learning")).findFirst().orElseThrow();
    }

    @Test
    void another_learners_attempt_cannot_be_opened_by_changing_the_address() {
        signInAs("callum" + DOMAIN);
        long whole = jdbc.queryForObject("select id from module where title = 'See the whole person'", Long.class);
        long attempt = learning.start(whole);
        tearDownVaadin();
        signInAs("ahmed" + DOMAIN);
        UI.getCurrent().navigate("learn/attempt/" + attempt);
        assertThat(_get(H1.class, spec -> spec.withId("not-found")).getText()).isEqualTo("Page not found");
        assertThat(_find(TextArea.class)).isEmpty();
    }
}
