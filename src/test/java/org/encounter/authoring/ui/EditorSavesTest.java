package org.encounter.authoring.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.encounter.KaribuTest;
import org.encounter.authoring.ModuleService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** What an author typing in the editor sees, in their language, when a save is refused for good. */
class EditorSavesTest extends KaribuTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired ModuleService modules;

    @Test
    void themes_that_grow_past_the_limit_when_lower_cased_are_refused_at_the_field_and_not_retried() {
        signInAs("emma@demo.encounter.example"); // Emma reads the app in Finnish
        long id = modules.create("Growing themes", "en");
        UI.getCurrent().navigate("authoring/" + id);
        TextField themes = _get(TextField.class, spec -> spec.withLabel("Teemat"));
        // 295 characters as typed, within the field's 300; lower-cased, each "İ" becomes two characters: 327.
        String typed = IntStream.range(0, 8).mapToObj(i -> "\u0130\u0130\u0130\u0130" + (char) ('a' + i) + "b".repeat(31))
                .collect(Collectors.joining(","));
        _setValue(themes, typed);

        assertThat(themes.isInvalid()).isTrue();
        assertThat(themes.getErrorMessage()).isEqualTo("Käytä enintään 300 merkkiä.");
        assertThat(themes.getValue()).isEqualTo(typed);
        assertThat(_get(Span.class, spec -> spec.withId("save-status")).getText())
                .isEqualTo("Ei tallennettu: tarkista korostettu kenttä");
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(-1);
        assertThat(jdbc.queryForObject("select themes from module where id = ?", String.class, id)).isNull();
    }
}
