package org.encounter.learning.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import org.encounter.KaribuTest;
import org.encounter.ServiceTest;
import org.encounter.learning.PathwayService.OrganisationProgress;
import org.encounter.learning.StarterService.Starter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The induction pathway's pages on the demo world: One Aurajoki's "Working in Aurajoki's public services", with
 * Matti (wellbeing services county) and Kirsi (city) as recent starters.
 */
@TestPropertySource(properties = "encounter.demo.learning=true")
class PathwayViewsTest extends KaribuTest {

    private static final String PATH = "Working in Aurajoki's public services";

    @Autowired JdbcTemplate jdbc;

    private static List<String> steps() {
        return _get(OrderedList.class, spec -> spec.withId("pathway-steps")).getChildren()
                .map(item -> ((Span) item.getChildren().findFirst().orElseThrow()).getText()).toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_coordinator_orders_the_path_with_buttons_and_sees_starters_only_as_counts_per_organisation() {
        signInAs("kirsi" + ServiceTest.DOMAIN);
        UI.getCurrent().navigate(PathwaysView.class);
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Perehdytyspolut · Encounter");
        assertThat(_get(TextField.class, spec -> spec.withId("pathway-name")).getValue()).isEqualTo(PATH);
        assertThat(_get(IntegerField.class, spec -> spec.withId("pathway-due-days")).getValue()).isEqualTo(30);
        assertThat(steps()).containsExactly("Walk in another's shoes", "When our assumptions came tumbling down");

        Grid<OrganisationProgress> progress = _get(Grid.class, spec -> spec.withId("pathways-progress"));
        List<OrganisationProgress> rows = _findAll(progress);
        assertThat(rows).extracting(OrganisationProgress::starters).containsExactly(0, 1, 0, 1);
        assertThat(rows.toString()).doesNotContain("Matti", "Koskinen", "Kirsi", "Lahtinen");

        ListItem first = (ListItem) _get(OrderedList.class, spec -> spec.withId("pathway-steps")).getComponentAt(0);
        Button down = (Button) first.getComponentAt(2);
        assertThat(down.getAriaLabel()).contains("Alas: siirrä Walk in another's shoes myöhemmäksi");
        _click(down);
        assertThat(steps()).containsExactly("When our assumptions came tumbling down", "Walk in another's shoes");
        _click(_get(Button.class, spec -> spec.withId("pathway-save")));
        assertThat(jdbc.queryForList("select m.title from pathway_step s join module m on m.id = s.module_id"
                + " order by s.position", String.class))
                .containsExactly("When our assumptions came tumbling down", "Walk in another's shoes");

        // And back, as the demo world had it.
        _click((Button) ((ListItem) _get(OrderedList.class, spec -> spec.withId("pathway-steps")).getComponentAt(0))
                .getComponentAt(2));
        _click(_get(Button.class, spec -> spec.withId("pathway-save")));
        assertThat(jdbc.queryForList("select m.title from pathway_step s join module m on m.id = s.module_id"
                + " order by s.position", String.class))
                .containsExactly("Walk in another's shoes", "When our assumptions came tumbling down");
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_path_without_modules_is_refused_with_a_message_at_the_module_picker() {
        signInAs("kirsi" + ServiceTest.DOMAIN);
        UI.getCurrent().navigate(PathwaysView.class);
        for (int i = 0; i < 2; i++) {
            ListItem first = (ListItem) _get(OrderedList.class, spec -> spec.withId("pathway-steps")).getComponentAt(0);
            _click((Button) first.getComponentAt(3));
        }
        assertThat(_get(Paragraph.class, spec -> spec.withText("Ei vielä moduuleja. Lisää moduuleja, jotka kumppanuus"
                + " jakaa.")).isVisible()).isTrue();
        _click(_get(Button.class, spec -> spec.withId("pathway-save")));
        com.vaadin.flow.component.combobox.ComboBox<?> picker = _get(com.vaadin.flow.component.combobox.ComboBox.class,
                spec -> spec.withId("pathway-choose"));
        assertThat(picker.isInvalid()).isTrue();
        assertThat(picker.getErrorMessage()).isEqualTo("Valitse 1–12 moduulia.");
        assertThat(jdbc.queryForObject("select count(*) from pathway_step", Integer.class)).isEqualTo(2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void each_organisation_admin_sees_their_own_starters_by_name() {
        signInAs("riikka" + ServiceTest.DOMAIN);
        UI.getCurrent().navigate(StartersView.class);
        Grid<Starter> grid = _get(Grid.class, spec -> spec.withId("starters-grid"));
        assertThat(_findAll(grid)).extracting(Starter::name).containsExactly("Kirsi Lahtinen");
        assertThat(_findAll(grid).getFirst().pathway()).isEqualTo(PATH);
        tearDownVaadin();

        signInAs("ville" + ServiceTest.DOMAIN);
        UI.getCurrent().navigate(StartersView.class);
        grid = _get(Grid.class, spec -> spec.withId("starters-grid"));
        assertThat(_findAll(grid)).extracting(Starter::name).containsExactly("Matti Koskinen");
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Nyanställda · Encounter");
    }

    @Test
    void a_starter_sees_which_step_of_the_path_each_assigned_module_is() {
        signInAs("matti" + ServiceTest.DOMAIN);
        UI.getCurrent().navigate(MyLearningView.class);
        assertThat(_find(Paragraph.class, spec -> spec.withClasses("induction-step"))).extracting(Paragraph::getText)
                .containsExactlyInAnyOrder("Perehdytys: " + PATH + ", vaihe 1/2", "Perehdytys: " + PATH + ", vaihe 2/2");
    }
}
