package org.encounter.identity.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._clickItem;
import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import org.encounter.KaribuTest;
import org.encounter.identity.OrganisationSummary;
import org.encounter.identity.PartnershipSummary;
import org.encounter.identity.PersonRef;
import org.encounter.identity.PersonSummary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The Partnerships page: what a coordinator and the platform admin see and may do there, and who cannot open it. */
class PartnershipsViewTest extends KaribuTest {

    @Autowired JdbcTemplate jdbc;

    /** The view commits what it creates: the created partnership goes, so other tests meet the demo world. */
    @AfterEach
    void removeCreatedPartnership() {
        String created = "(select id from partnership where name = 'Northvale Learning Circle')";
        jdbc.update("delete from partnership_member where partnership_id in " + created);
        jdbc.update("delete from partnership_coordinator where partnership_id in " + created);
        jdbc.update("delete from partnership where name = 'Northvale Learning Circle'");
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_coordinator_sees_only_their_partnership_its_members_and_no_outside_organisation() {
        signInAs("kirsi" + NavigationByRoleTest.DOMAIN);
        UI.getCurrent().navigate(PartnershipsView.class);
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Kumppanuudet · Encounter");
        assertThat(_find(Button.class, spec -> spec.withId("partnership-new"))).isEmpty();
        Grid<PartnershipSummary> grid = _get(Grid.class, spec -> spec.withId("partnerships-grid"));
        assertThat(_findAll(grid)).extracting(PartnershipSummary::name).containsExactly("One Aurajoki");
        _clickItem(grid, 0, 0, false, false, false, false);
        Grid<OrganisationSummary> members = _get(Grid.class, spec -> spec.withId("partnership-members"));
        assertThat(_findAll(members)).extracting(OrganisationSummary::name).containsExactly(
                "Aurajoki Police Department", "Aurajoki Wellbeing Services County", "Aurajoki Youth Council",
                "City of Aurajoki Youth and Community Services");
        ComboBox<OrganisationSummary> add = _get(ComboBox.class, spec -> spec.withId("partnership-add-member"));
        assertThat(add.getDataProvider().fetch(new com.vaadin.flow.data.provider.Query<>()).toList()).isEmpty();
        ComboBox<PersonRef> coordinator = _get(ComboBox.class, spec -> spec.withId("partnership-add-coordinator"));
        assertThat(coordinator.getDataProvider().fetch(new com.vaadin.flow.data.provider.Query<>()).toList())
                .extracting(PersonRef::displayName).contains("Ville Aaltonen").doesNotContain("Nils Berg");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_platform_admin_creates_a_partnership_with_its_first_coordinator() {
        signInAs("admin" + NavigationByRoleTest.DOMAIN);
        UI.getCurrent().navigate(PartnershipsView.class);
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Partnerships · Encounter");
        _click(_get(Button.class, spec -> spec.withId("partnership-new")));
        _setValue(_get(TextField.class, spec -> spec.withId("partnership-name")), "Northvale Learning Circle");
        ComboBox<PersonSummary> coordinator = _get(ComboBox.class, spec -> spec.withId("partnership-coordinator"));
        var byFilter = (com.vaadin.flow.data.provider.DataProvider<PersonSummary, String>)
                (com.vaadin.flow.data.provider.DataProvider<?, ?>) coordinator.getDataProvider();
        PersonSummary nils = byFilter.fetch(new com.vaadin.flow.data.provider.Query<>(0, 50, java.util.List.of(), null,
                "Nils")).findFirst().orElseThrow();
        _setValue(coordinator, nils);
        _click(_get(Button.class, spec -> spec.withId("partnership-save")));
        Grid<PartnershipSummary> grid = _get(Grid.class, spec -> spec.withId("partnerships-grid"));
        assertThat(_findAll(grid)).extracting(PartnershipSummary::name)
                .containsExactly("Northvale Learning Circle", "One Aurajoki");
        assertThat(jdbc.queryForObject("select count(*) from partnership_member m join partnership p"
                + " on p.id = m.partnership_id join organisation o on o.id = m.organisation_id"
                + " where p.name = 'Northvale Learning Circle' and o.name = 'Northvale District Council'",
                Long.class)).isEqualTo(1);
    }

    @Test
    void an_organisation_admin_and_staff_cannot_open_the_page() {
        for (String who : new String[] {"riikka", "ville", "sanna"}) {
            signInAs(who + NavigationByRoleTest.DOMAIN);
            assertThatThrownBy(() -> UI.getCurrent().navigate(PartnershipsView.class))
                    .isInstanceOf(MockAccessDeniedException.class);
            tearDownVaadin();
        }
    }
}
