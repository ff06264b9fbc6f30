package org.encounter.identity.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._clickItem;
import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import org.encounter.KaribuTest;
import org.encounter.identity.PersonSummary;
import org.encounter.identity.TeamSummary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class AdminViewsTest extends KaribuTest {

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void signIn() {
        signInAs("admin" + NavigationByRoleTest.DOMAIN);
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_people_grid_loads_lazily_and_searches_on_the_server() {
        UI.getCurrent().navigate(PeopleView.class);
        Grid<PersonSummary> grid = _get(Grid.class, spec -> spec.withId("people-grid"));
        assertThat(_size(grid)).isEqualTo(jdbc.queryForObject("select count(*) from person", Integer.class));
        _setValue(_get(TextField.class, spec -> spec.withPlaceholder("Search")), "öberg");
        assertThat(_size(grid)).isEqualTo(1);
        assertThat(_get(grid, 0).displayName()).isEqualTo("Åsa Öberg");
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_empty_or_malformed_edit_shows_messages_at_the_fields_and_stores_nothing() {
        UI.getCurrent().navigate(PeopleView.class);
        Grid<PersonSummary> grid = _get(Grid.class, spec -> spec.withId("people-grid"));
        _setValue(_get(TextField.class, spec -> spec.withPlaceholder("Search")), "jussi");
        _clickItem(grid, 0, 0, false, false, false, false);
        TextField name = _get(TextField.class, spec -> spec.withLabel("Name"));
        EmailField email = _get(EmailField.class, spec -> spec.withLabel("E-mail"));
        _setValue(name, "");
        _setValue(email, "jussi-at-nowhere");
        _click(_get(Button.class, spec -> spec.withId("person-save")));
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("This is required.");
        assertThat(email.isInvalid()).isTrue();
        assertThat(email.getErrorMessage()).isEqualTo("Enter an e-mail address such as name@example.org.");
        assertThat(jdbc.queryForObject("select display_name from person where email like 'jussi@%'", String.class))
                .isEqualTo("Jussi Korhonen");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_admin_sees_failed_sign_ins_per_client_and_clears_them() {
        String insert = "insert into sign_in_failure (email, client, failures, last_failed_at, blocked_until)"
                + " values ('asa@demo.encounter.example', ?, ?, utc_timestamp(6), ?)";
        jdbc.update(insert, "203.0.113.7", 12, java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).plusMinutes(8));
        jdbc.update(insert, "192.0.2.44", 2, null);
        UI.getCurrent().navigate(PeopleView.class);
        Grid<PersonSummary> grid = _get(Grid.class, spec -> spec.withId("people-grid"));
        _setValue(_get(TextField.class, spec -> spec.withPlaceholder("Search")), "öberg");
        assertThat(_get(grid, 0).signInFailures()).isEqualTo(14);
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow(grid, 0))
                .contains("Active · 14 failed sign-ins");

        _clickItem(grid, 0, 0, false, false, false, false);
        var panel = _get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("sign-in-failures"));
        assertThat(panel.getElement().getTextRecursively()).contains("203.0.113.7: 12 failed", "must wait until")
                .contains("192.0.2.44: 2 failed");
        _click(_get(Button.class, spec -> spec.withId("person-clear-failures")));
        assertThat(jdbc.queryForObject("select count(*) from sign_in_failure where email = 'asa@demo.encounter.example'",
                Integer.class)).isZero();
        assertThat(_get(grid, 0).signInFailures()).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_teams_grid_shows_managers_and_member_counts() {
        UI.getCurrent().navigate(TeamsView.class);
        Grid<TeamSummary> grid = _get(Grid.class, spec -> spec.withId("teams-grid"));
        assertThat(_size(grid)).isGreaterThanOrEqualTo(2);
        _setValue(_get(TextField.class, spec -> spec.withPlaceholder("Search")), "policing");
        assertThat(_size(grid)).isEqualTo(1);
        assertThat(_get(grid, 0).managers()).extracting("displayName").containsExactly("Fiona MacLeod");
        assertThat(_get(grid, 0).members()).hasSize(4);
    }

    @Test
    void an_invitation_without_organisation_and_role_is_refused_at_the_fields() {
        int before = jdbc.queryForObject("select count(*) from invitation", Integer.class);
        UI.getCurrent().navigate(InvitationsView.class);
        _click(_get(Button.class, spec -> spec.withId("invitation-new")));
        _click(_get(Button.class, spec -> spec.withText("Create link")));
        // No organisation and no role chosen: nothing is created.
        assertThat(jdbc.queryForObject("select count(*) from invitation", Integer.class)).isEqualTo(before);
        var organisation = _get(com.vaadin.flow.component.combobox.ComboBox.class,
                spec -> spec.withLabel("Organisation"));
        assertThat(organisation.isInvalid()).isTrue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void choosing_an_open_invitation_offers_to_revoke_it() {
        long organisation = jdbc.queryForObject("select min(id) from organisation", Long.class);
        invitationService.create(organisation, null, java.util.Set.of(org.encounter.identity.Role.LEARNER), "Rea Voke",
                "Revoke me");
        UI.getCurrent().navigate(InvitationsView.class);
        Grid<org.encounter.identity.InvitationSummary> grid = _get(Grid.class, spec -> spec.withId("invitations-grid"));
        var open = grid.getGenericDataView().getItems().filter(i -> "Revoke me".equals(i.note())).findFirst().orElseThrow();
        grid.asSingleSelect().setValue(open);
        var confirm = _get(com.vaadin.flow.component.confirmdialog.ConfirmDialog.class);
        com.vaadin.flow.component.ComponentUtil.fireEvent(confirm,
                new com.vaadin.flow.component.confirmdialog.ConfirmDialog.ConfirmEvent(confirm, true));
        assertThat(jdbc.queryForObject("select revoked_at is not null from invitation where note = 'Revoke me'",
                Boolean.class)).isTrue();
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.encounter.identity.InvitationService invitationService;

    @Test
    @SuppressWarnings("unchecked")
    void an_admin_sets_a_registered_name_in_people_and_confirms_a_request_for_another() {
        long ahmed = jdbc.queryForObject("select id from person where email like 'ahmed@%'", Long.class);
        UI.getCurrent().navigate(PeopleView.class);
        Grid<PersonSummary> grid = _get(Grid.class, spec -> spec.withId("people-grid"));
        _setValue(_get(TextField.class, spec -> spec.withPlaceholder("Search")), "ahmed");
        _clickItem(grid, 0, 0, false, false, false, false);
        TextField registered = _get(TextField.class, spec -> spec.withId("person-registered-name"));
        assertThat(registered.getValue()).isEqualTo("Ahmed Hassan");
        _setValue(registered, "Ahmed Ali Hassan");
        _click(_get(Button.class, spec -> spec.withId("person-save")));
        assertThat(jdbc.queryForMap("select display_name, registered_name from person where id = ?", ahmed))
                .containsEntry("display_name", "Ahmed Hassan").containsEntry("registered_name", "Ahmed Ali Hassan");

        jdbc.update("update person set requested_name = 'Ahmed A. Hassan', name_requested_at = utc_timestamp(6)"
                + " where id = ?", ahmed);
        UI.getCurrent().navigate(PeopleView.class);
        _click(_get(Button.class, spec -> spec.withId("name-requests")));
        Grid<org.encounter.identity.NameRequest> requests = _get(Grid.class, spec -> spec.withId("name-requests-grid"));
        int row = java.util.stream.IntStream.range(0, _size(requests)).filter(i -> _get(requests, i).personId() == ahmed)
                .findFirst().orElseThrow();
        assertThat(_get(requests, row).requestedName()).isEqualTo("Ahmed A. Hassan");
        var cell = com.github.mvysny.kaributesting.v10.GridKt._getCellComponent(requests, row, "decide");
        _click((Button) cell.getChildren().filter(c -> c.getId().orElse("").equals("name-request-confirm-" + ahmed))
                .findFirst().orElseThrow());
        assertThat(jdbc.queryForMap("select registered_name, requested_name from person where id = ?", ahmed))
                .containsEntry("registered_name", "Ahmed A. Hassan").containsEntry("requested_name", null);
        jdbc.update("update person set registered_name = 'Ahmed Hassan' where id = ?", ahmed);
    }

    @Test
    void the_invitation_page_says_when_a_link_is_unknown() {
        UI.getCurrent().navigate("invite/this-link-does-not-exist-anywhere");
        assertThat(_get(Paragraph.class, spec -> spec.withId("invitation-problem")).getText())
                .startsWith("This invitation link is not valid.");
    }
}
