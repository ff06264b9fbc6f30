package org.encounter.learning.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.provider.Query;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.encounter.KaribuTest;
import org.encounter.authoring.CatalogueItem;
import org.encounter.authoring.ModuleSharing.SharedModule;
import org.encounter.authoring.ui.SharedCatalogueView;
import org.encounter.identity.TeamSummary;
import org.encounter.learning.OrganisationAssignments.Adoption;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The partnership's screens as their people use them: the coordinator shares a module on the shared-catalogue page, a
 * learner of another member organisation finds it in the catalogue saying where it comes from, and the wellbeing
 * county's admin assigns it to a team with the county's own due date.
 */
class PartnershipScreensTest extends KaribuTest {

    private static final String DOMAIN = "@demo.encounter.example";

    @Autowired JdbcTemplate jdbc;

    /** The views commit: the share and the assignments made here go, so other tests meet the demo world. */
    @AfterEach
    void putTheDemoWorldBack() {
        jdbc.update("delete from module_share where module_id = (select id from module where title = 'See the whole person')");
        jdbc.update("delete from assignment where learner_id in (select person_id from team_member where team_id ="
                + " (select id from team where name = 'Family Support'))");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_coordinator_shares_a_module_and_another_organisations_learner_finds_it_saying_where_it_comes_from() {
        signInAs("kirsi" + DOMAIN);
        UI.getCurrent().navigate(SharedCatalogueView.class);
        Grid<SharedModule> shared = _get(Grid.class, spec -> spec.withId("shared-modules"));
        assertThat(_findAll(shared)).extracting(SharedModule::title)
                .containsExactlyInAnyOrder("Walk in another's shoes", "When our assumptions came tumbling down");
        _click(_get(Button.class, spec -> spec.withId("sharing-share")));
        assertThat(_get(ComboBox.class, spec -> spec.withId("sharing-module")).isInvalid()).isTrue();
        ComboBox<SharedModule> module = _get(ComboBox.class, spec -> spec.withId("sharing-module"));
        SharedModule whole = module.getDataProvider().fetch(new Query<>()).filter(m -> m.title().equals(
                "See the whole person")).findFirst().orElseThrow();
        _setValue(module, whole);
        _click(_get(Button.class, spec -> spec.withId("sharing-share")));
        assertThat(_findAll(shared)).extracting(SharedModule::title).contains("See the whole person");

        signInAs("elina" + DOMAIN);
        UI.getCurrent().navigate(CatalogueView.class); // Elina reads Swedish
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(org.encounter.base.ui.Markup.class).stream()
                .map(org.encounter.base.ui.Markup::getText).collect(java.util.stream.Collectors.joining("\n")))
                .contains("Från City of Aurajoki Youth and Community Services, delad genom One Aurajoki");
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_organisation_admin_assigns_a_shared_module_to_a_team_with_their_own_due_date() {
        signInAs("ville" + DOMAIN);
        UI.getCurrent().navigate(AdoptionsView.class);
        ComboBox<CatalogueItem> module = _get(ComboBox.class, spec -> spec.withId("adoption-module"));
        var modules = (com.vaadin.flow.data.provider.DataProvider<CatalogueItem, String>)
                (com.vaadin.flow.data.provider.DataProvider<?, ?>) module.getDataProvider();
        assertThat(modules.fetch(new Query<>(0, 50, java.util.List.of(), null, null)))
                .extracting(CatalogueItem::title)
                .containsExactly("Walk in another's shoes", "When our assumptions came tumbling down");
        _setValue(module, modules.fetch(new Query<>(0, 50, java.util.List.of(), null, null)).findFirst().orElseThrow());
        MultiSelectComboBox<TeamSummary> teams = _get(MultiSelectComboBox.class, spec -> spec.withId("adoption-teams"));
        TeamSummary familySupport = teams.getDataProvider().fetch(new Query<>()).filter(t -> t.name()
                .equals("Family Support")).findFirst().orElseThrow();
        assertThat(teams.getDataProvider().fetch(new Query<>())).extracting(TeamSummary::name)
                .containsExactly("Family Support");
        _setValue(teams, Set.of(familySupport));
        LocalDate due = LocalDate.now(ZoneId.of("Europe/Helsinki")).plusDays(45);
        _setValue(_get(DatePicker.class, spec -> spec.withId("adoption-due")), due);
        _click(_get(Button.class, spec -> spec.withId("adoption-assign")));
        Grid<Adoption> grid = _get(Grid.class, spec -> spec.withId("adoptions"));
        assertThat(_findAll(grid)).extracting(Adoption::title, Adoption::dueDate, Adoption::assigned)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Walk in another's shoes", due,
                        (long) familySupport.members().size()));
    }
}
