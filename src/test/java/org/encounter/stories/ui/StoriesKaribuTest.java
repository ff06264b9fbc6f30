package org.encounter.stories.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import org.encounter.KaribuTest;
import org.encounter.stories.StoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;

/** A learner writes an anonymous story from their report back; a curator approves it; everyone can read it. */
@TestPropertySource(properties = "encounter.demo.learning=true")
class StoriesKaribuTest extends KaribuTest {

    static final String DOMAIN = "@demo.encounter.example";

    @Autowired JdbcTemplate jdbc;
    @Autowired StoryService stories;
    @Autowired UserDetailsService users;

    @Test
    void a_story_is_written_approved_and_read_without_its_writers_name() {
        long attempt = jdbc.queryForObject("""
                select a.id from attempt a join module m on m.id = a.module_id join person p on p.id = a.learner_id
                where p.email = ? and m.title = 'See the whole person' and a.status = 'COMPLETED'""", Long.class,
                "leo" + DOMAIN);
        signInAs("leo" + DOMAIN);
        UI.getCurrent().navigate("stories/write/" + attempt);
        // Leo reads Finnish; the form starts from his report back.
        assertThat(_get(TextArea.class, spec -> spec.withId("story-tried")).getValue()).isEqualTo("Not yet.");
        _click(_get(Button.class, spec -> spec.withId("story-send")));
        assertThat(_get(TextField.class, spec -> spec.withId("story-title")).isInvalid()).isTrue();
        _setValue(_get(TextField.class, spec -> spec.withId("story-title")), "Not yet, and that is fine");
        _setValue(_get(TextArea.class, spec -> spec.withId("story-happened")), "I kept the plan for next month.");
        _setValue(_get(TextArea.class, spec -> spec.withId("story-learned")), "Small steps still count.");
        _click(_get(Button.class, spec -> spec.withId("story-send")));
        assertThat(_find(StoriesView.class)).hasSize(1);
        tearDownVaadin();

        // Kaisa sits in Leo's set and team: his anonymous story is not hers to review.
        signInAs("kaisa" + DOMAIN);
        UI.getCurrent().navigate("stories");
        assertThat(_get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("stories-waiting"))
                .getElement().getTextRecursively()).doesNotContain("Not yet, and that is fine");
        tearDownVaadin();

        signInAs("noor" + DOMAIN);
        UI.getCurrent().navigate("stories");
        com.vaadin.flow.component.html.Div waiting = _get(com.vaadin.flow.component.html.Div.class,
                spec -> spec.withId("stories-waiting"));
        assertThat(waiting.getElement().getTextRecursively()).contains("Not yet, and that is fine").doesNotContain("Leo");
        // Leo rewrites it while Noor reads: her approval of what she read does nothing, and she reads it anew.
        as("leo", () -> stories.submit(attempt, "Not yet, and that is fine", "Not yet.",
                "I kept the plan for next month.", "Small steps still count, even late.", true));
        _click(approve(waiting, attempt));
        com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications(
                UI.getCurrent().getTranslation("story.changed-since-opened"));
        assertThat(jdbc.queryForObject("select status from story where attempt_id = ?", String.class, attempt))
                .isEqualTo("SUBMITTED");
        assertThat(waiting.getElement().getTextRecursively()).contains("Small steps still count, even late.");
        _click(approve(waiting, attempt));
        assertThat(jdbc.queryForObject("select status from story where attempt_id = ?", String.class, attempt))
                .isEqualTo("APPROVED");
        tearDownVaadin();

        signInAs("fiona" + DOMAIN);
        UI.getCurrent().navigate("stories");
        String list = _get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("stories-list"))
                .getElement().getTextRecursively();
        assertThat(list).contains("Not yet, and that is fine", "Told anonymously").doesNotContain("Leo");
    }

    @Test
    void a_report_back_shared_with_the_set_by_name_leaves_the_form_empty_and_says_why() {
        signInAs("sanna" + DOMAIN);
        UI.getCurrent().navigate("stories/write/" + attempt("sanna"));
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("story-starts-empty"))
                .getText()).isEqualTo(UI.getCurrent().getTranslation("story.starts-empty"));
        for (String id : List.of("story-tried", "story-happened", "story-learned")) {
            assertThat(_get(TextArea.class, spec -> spec.withId(id)).getValue()).as(id).isEmpty();
        }
        // Pasted back in from the meeting page, the words are refused at their field.
        _setValue(_get(TextField.class, spec -> spec.withId("story-title")), "Before the form");
        _setValue(_get(TextArea.class, spec -> spec.withId("story-tried")), "I asked first.");
        _setValue(_get(TextArea.class, spec -> spec.withId("story-happened")), "A longer talk than usual.");
        _setValue(_get(TextArea.class, spec -> spec.withId("story-learned")), "Time well spent.");
        _click(_get(Button.class, spec -> spec.withId("story-send")));
        TextArea tried = _get(TextArea.class, spec -> spec.withId("story-tried"));
        assertThat(tried.isInvalid()).isTrue();
        assertThat(tried.getErrorMessage()).isEqualTo(UI.getCurrent().getTranslation("story.words-shown-named"));
        assertThat(jdbc.queryForObject("select count(*) from story where attempt_id = ?", Integer.class,
                attempt("sanna"))).isZero();
    }

    /** The approve button on the card of this attempt's story (the queue may hold others). */
    Button approve(com.vaadin.flow.component.html.Div waiting, long attempt) {
        String story = String.valueOf(jdbc.queryForObject("select id from story where attempt_id = ?", Long.class,
                attempt));
        StoryCard card = _find(waiting, StoryCard.class).stream()
                .filter(c -> story.equals(c.getElement().getAttribute("data-story"))).findFirst().orElseThrow();
        return _find(card, Button.class).stream().filter(b -> b.hasClassName("story-approve")).findFirst().orElseThrow();
    }

    long attempt(String who) {
        return jdbc.queryForObject("""
                select a.id from attempt a join module m on m.id = a.module_id join person p on p.id = a.learner_id
                where p.email = ? and m.title = 'See the whole person' and a.status = 'COMPLETED'""", Long.class,
                who + DOMAIN);
    }

}
