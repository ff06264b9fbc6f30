package org.encounter.identity.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._clickItem;
import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import org.encounter.KaribuTest;
import org.encounter.identity.PersonSummary;
import org.encounter.identity.Role;
import org.encounter.identity.TeamSummary;
import org.junit.jupiter.api.Test;

/** What an organisation admin's screens hold: their own organisation, and no platform admin role to hand out. */
class OrganisationAdminViewsTest extends KaribuTest {

    @Test
    @SuppressWarnings("unchecked")
    void the_second_organisations_admin_sees_only_its_people_and_teams() {
        signInAs("ville" + NavigationByRoleTest.DOMAIN);
        UI.getCurrent().navigate(PeopleView.class);
        Grid<PersonSummary> people = _get(Grid.class, spec -> spec.withId("people-grid"));
        assertThat(_findAll(people)).extracting(PersonSummary::displayName)
                .containsExactlyInAnyOrder("Ville Aaltonen", "Elina Lindholm", "Matti Koskinen", "Tiina Saarinen",
                        "Juha Lehto");
        UI.getCurrent().navigate(TeamsView.class);
        Grid<TeamSummary> teams = _get(Grid.class, spec -> spec.withId("teams-grid"));
        assertThat(_findAll(teams)).extracting(TeamSummary::name).containsExactly("Family Support");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_citys_organisation_admin_sees_the_city_but_cannot_offer_the_platform_admin_role() {
        signInAs("riikka" + NavigationByRoleTest.DOMAIN);
        UI.getCurrent().navigate(PeopleView.class);
        Grid<PersonSummary> people = _get(Grid.class, spec -> spec.withId("people-grid"));
        assertThat(_findAll(people)).extracting(PersonSummary::displayName)
                .contains("Sanna Nieminen", "Riikka Järvinen").doesNotContain("Elina Lindholm", "Ville Aaltonen");
        int sanna = _findAll(people).stream().map(PersonSummary::displayName).toList().indexOf("Sanna Nieminen");
        _clickItem(people, sanna, 0, false, false, false, false);
        CheckboxGroup<Role> roles = _get(CheckboxGroup.class, spec -> spec.withId("person-roles"));
        assertThat(roles.getListDataView().getItems()).contains(Role.ORG_ADMIN, Role.LEARNER).doesNotContain(Role.ADMIN);
    }
}
