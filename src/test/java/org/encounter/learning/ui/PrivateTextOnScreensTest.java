package org.encounter.learning.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import java.util.stream.IntStream;
import org.encounter.KaribuTest;
import org.encounter.learning.LearningService;
import org.encounter.learning.StepAnswer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** What a manager, author, curator or admin can open never shows what a learner wrote privately. */
class PrivateTextOnScreensTest extends KaribuTest {

    static final String DOMAIN = "@demo.encounter.example";
    static final String SECRET = "Secret-9b1e: what I really thought of that family";

    @Autowired LearningService learning;
    @Autowired JdbcTemplate jdbc;

    @ParameterizedTest
    @CsvSource({
        "mikko, '', notifications, learn/mine",
        "emma, authoring, '', notifications",
        "kaisa, review, '', notifications",
        "admin, admin/people, admin/teams, ''"})
    void no_screen_of_another_role_shows_a_learners_private_reflection(String who, String a, String b, String c) {
        long whole = jdbc.queryForObject("select id from module where title = 'See the whole person'", Long.class);
        signInAs("leo" + DOMAIN);
        long attempt = learning.start(whole);
        if (jdbc.queryForObject("select count(*) from attempt_step where attempt_id = ? and answer = ?", Integer.class,
                attempt, SECRET) == 0) {
            learning.completeStep(attempt, 0, StepAnswer.empty());
            learning.completeStep(attempt, 1, StepAnswer.empty());
            learning.completeStep(attempt, 2, new StepAnswer(SECRET, null, null, null, null, null, null, null, false));
        }
        tearDownVaadin();

        signInAs(who + DOMAIN);
        for (String route : new String[] {a, b, c}) {
            UI.getCurrent().navigate(route);
            assertThat(visibleText()).as("%s at /%s", who, route).doesNotContain("Secret-9b1e");
        }
        if (who.equals("emma")) {
            UI.getCurrent().navigate("authoring/" + whole);
            assertThat(visibleText()).doesNotContain("Secret-9b1e");
            UI.getCurrent().navigate("authoring/" + whole + "/preview");
            assertThat(visibleText()).doesNotContain("Secret-9b1e");
        }
    }

    @SuppressWarnings("unchecked")
    private static String visibleText() {
        StringBuilder text = new StringBuilder(UI.getCurrent().getElement().getTextRecursively());
        // Markup drawn from one element's innerHTML too: Markdown, cards, menus, HTML components.
        _find(com.vaadin.flow.component.Component.class).forEach(c -> {
            if (!c.getElement().isTextNode() && c.getElement().hasProperty("innerHTML")) {
                text.append(c.getElement().getProperty("innerHTML"));
            }
        });
        for (Grid<?> grid : _find(Grid.class)) {
            Grid<Object> g = (Grid<Object>) grid;
            IntStream.range(0, Math.min(GridKt._size(g), 200)).forEach(i -> text.append(GridKt._getFormattedRow(g, i)));
        }
        return text.toString();
    }
}
