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
import org.encounter.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/** A learner writes an anonymous story from their report back; a curator approves it; everyone can read it. */
@TestPropertySource(properties = "encounter.demo.learning=true")
class StoriesKaribuTest extends KaribuTest {

    static final String DOMAIN = "@demo.encounter.example";

    @Autowired JdbcTemplate jdbc;

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

        signInAs("kaisa" + DOMAIN);
        UI.getCurrent().navigate("stories");
        String queue = _get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("stories-waiting"))
                .getElement().getTextRecursively();
        assertThat(queue).contains("Not yet, and that is fine").doesNotContain("Leo");
        _click(_find(Button.class).stream().filter(b -> b.hasClassName("story-approve")).findFirst().orElseThrow());
        tearDownVaadin();

        signInAs("fiona" + DOMAIN);
        UI.getCurrent().navigate("stories");
        String list = _get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("stories-list"))
                .getElement().getTextRecursively();
        assertThat(list).contains("Not yet, and that is fine", "Told anonymously").doesNotContain("Leo");
    }
}
