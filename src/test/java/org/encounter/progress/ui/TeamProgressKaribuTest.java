package org.encounter.progress.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.encounter.KaribuTest;
import org.encounter.authoring.CatalogueItem;
import org.encounter.identity.PersonRef;
import org.encounter.progress.CellStatus;
import org.encounter.progress.TeamProgressTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/** The manager's dashboard on the demo world's year of learning: the matrix, filters, assigning, and privacy. */
@TestPropertySource(properties = "encounter.demo.learning=true")
class TeamProgressKaribuTest extends KaribuTest {

    static final String DOMAIN = "@demo.encounter.example";

    @Autowired JdbcTemplate jdbc;

    @SuppressWarnings("unchecked")
    private Grid<PersonRef> matrix() {
        return _get(Grid.class, spec -> spec.withId("progress-matrix"));
    }

    private List<String> rows(Grid<PersonRef> grid) {
        return grid.getListDataView().getItems().map(PersonRef::displayName).toList();
    }

    private String cell(Grid<PersonRef> grid, String member, String module) {
        long moduleId = jdbc.queryForObject("select id from module where title = ?", Long.class, module);
        int row = rows(grid).indexOf(member);
        return GridKt._getFormatted(grid, row, "module-" + moduleId);
    }

    @Test
    void a_manager_sees_their_team_as_a_matrix_and_filters_it_to_the_overdue() {
        signInAs("fiona" + DOMAIN);
        UI.getCurrent().navigate("team");
        assertThat(_get(H1.class).getText()).isEqualTo("Team progress: Community Policing");
        Grid<PersonRef> grid = matrix();
        assertThat(rows(grid)).containsExactly("Ahmed Hassan", "Callum Reid", "Zoë Nic Dhòmhnaill", "Ольга Петрова");
        String refresher = "When our assumptions came tumbling down";
        assertThat(cell(grid, "Ольга Петрова", refresher)).isEqualTo("Certificate expired");
        assertThat(cell(grid, "Zoë Nic Dhòmhnaill", refresher)).isEqualTo("Overdue");
        assertThat(cell(grid, "Ahmed Hassan", refresher)).isEqualTo("In progress");
        assertThat(cell(grid, "Callum Reid", "See the whole person")).isEqualTo("Completed");
        assertThat(cell(grid, "Zoë Nic Dhòmhnaill", "See the whole person")).isEqualTo("–");

        @SuppressWarnings("unchecked")
        Select<CellStatus> status = _get(Select.class, spec -> spec.withId("progress-status"));
        _setValue(status, CellStatus.OVERDUE);
        assertThat(rows(matrix())).containsExactly("Zoë Nic Dhòmhnaill");

        DatePicker from = _get(DatePicker.class, spec -> spec.withId("progress-from"));
        DatePicker to = _get(DatePicker.class, spec -> spec.withId("progress-to"));
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Helsinki"));
        _setValue(from, today.minusDays(30));
        _setValue(to, today.minusDays(40));
        assertThat(to.isInvalid()).isTrue();
        assertThat(to.getErrorMessage()).isEqualTo("The end date is before the start date.");
        assertThat(rows(matrix())).containsExactly("Zoë Nic Dhòmhnaill");
        assertThat(_find(Anchor.class, spec -> spec.withId("progress-csv"))).hasSize(1);
    }

    @Test
    void only_the_chosen_tab_is_kept_on_the_server() {
        signInAs("fiona" + DOMAIN);
        UI.getCurrent().navigate("team");
        // Reading the matrix: no charts, assignments or impact wait on the server, hidden or not.
        assertThat(held(TeamCharts.class)).isZero();
        assertThat(held(AssignmentsPanel.class)).isZero();
        assertThat(held(ImpactPanel.class)).isZero();
        _get(TabSheet.class).setSelectedIndex(1);
        assertThat(held(TeamCharts.class)).isOne();
        _get(TabSheet.class).setSelectedIndex(3);
        assertThat(held(ImpactPanel.class)).isOne();
        assertThat(held(TeamCharts.class)).isZero();
        _get(TabSheet.class).setSelectedIndex(0);
        assertThat(held(ImpactPanel.class)).isZero();
        assertThat(matrix().isVisible()).isTrue();
    }

    /** Components of a kind in any of the tabs' contents, shown or not (Karibu's look-ups see the visible only). */
    private static long held(Class<? extends com.vaadin.flow.component.Component> kind) {
        TabSheet tabs = _get(TabSheet.class);
        return java.util.stream.IntStream.range(0, tabs.getTabCount())
                .mapToObj(i -> tabs.getComponent(tabs.getTabAt(i))).flatMap(TeamProgressKaribuTest::tree)
                .filter(kind::isInstance).count();
    }

    private static java.util.stream.Stream<com.vaadin.flow.component.Component> tree(com.vaadin.flow.component.Component c) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(c), c.getChildren().flatMap(TeamProgressKaribuTest::tree));
    }

    @Test
    void a_manager_assigns_a_module_to_the_whole_team_with_a_due_date() {
        signInAs("fiona" + DOMAIN);
        UI.getCurrent().navigate("team");
        _get(TabSheet.class).setSelectedIndex(2);
        _click(_get(Button.class, spec -> spec.withId("progress-assign")));
        @SuppressWarnings("unchecked")
        ComboBox<CatalogueItem> module = _get(ComboBox.class, spec -> spec.withId("assign-module"));
        CatalogueItem shoes = com.github.mvysny.kaributesting.v10.ComboBoxKt.getSuggestionItems(module).stream()
                .filter(i -> i.title().equals("Walk in another's shoes")).findFirst().orElseThrow();
        _setValue(module, shoes);
        _setValue(_get(Checkbox.class, spec -> spec.withId("assign-everyone")), true);
        _click(_get(Button.class, spec -> spec.withId("assign-save")));
        // No due date yet: the dialog stays, saying so.
        assertThat(_get(DatePicker.class, spec -> spec.withId("assign-due")).isInvalid()).isTrue();
        _setValue(_get(DatePicker.class, spec -> spec.withId("assign-due")), LocalDate.now(ZoneId.of("Europe/Helsinki"))
                .plusDays(21));
        _click(_get(Button.class, spec -> spec.withId("assign-save")));
        assertThat(jdbc.queryForObject("""
                select count(*) from assignment a join module m on m.id = a.module_id
                where m.title = 'Walk in another''s shoes' and a.withdrawn_at is null and a.learner_id in
                (select tm.person_id from team_member tm join team t on t.id = tm.team_id where t.name = 'Community Policing')""",
                Integer.class)).isEqualTo(4);
        // Every assignment says where its learner stands, not only the overdue ones.
        @SuppressWarnings("unchecked")
        Grid<org.encounter.progress.TeamProgressService.TeamAssignment> assignments = _get(Grid.class,
                spec -> spec.withId("progress-assignments"));
        int rows = GridKt._size(assignments);
        assertThat(rows).isGreaterThanOrEqualTo(4);
        List<String> statuses = java.util.stream.IntStream.range(0, rows)
                .mapToObj(i -> GridKt._getFormatted(assignments, i, "status")).toList();
        assertThat(statuses).doesNotContain("").contains("Not started");
        _get(TabSheet.class).setSelectedIndex(0);
        assertThat(cell(matrix(), "Zoë Nic Dhòmhnaill", "Walk in another's shoes")).isEqualTo("Not started");
        assertThat(jdbc.queryForObject("select count(*) from notification n join person p on p.id = n.person_id "
                + "where p.email = ? and n.kind = 'assigned'", Integer.class, "zoe" + DOMAIN)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void another_teams_id_in_the_url_shows_nothing_of_it() {
        signInAs("fiona" + DOMAIN);
        long youth = jdbc.queryForObject("select id from team where name = 'Youth Services'", Long.class);
        UI.getCurrent().navigate("team/" + youth);
        assertThat(_find(Grid.class, spec -> spec.withId("progress-matrix"))).isEmpty();
        String page = UI.getCurrent().getChildren().map(c -> c.getElement().getTextRecursively())
                .reduce("", String::concat);
        assertThat(page).doesNotContain("Sanna", "Youth Services");
    }

    @Test
    void the_impact_tab_shows_figures_only_from_five_answers_and_no_private_text() {
        signInAs("mikko" + DOMAIN);
        UI.getCurrent().navigate("team");
        _get(TabSheet.class).setSelectedIndex(3);
        String page = _get(TeamProgressView.class).getElement().getTextRecursively();
        assertThat(_find(Paragraph.class).stream().map(Paragraph::getText))
                .anyMatch(t -> t.startsWith("Tiimisi: keskimäärin +1,6 (5 henkilöä)"))
                .anyMatch(t -> t.startsWith("Tiimisi: ei vielä tarpeeksi vastauksia (1/5)"));
        TeamProgressTest.PRIVATE.forEach(text -> assertThat(page).doesNotContain(text));
    }

    @Test
    void an_author_sees_impact_feedback_and_what_was_shared_but_no_private_text() {
        signInAs("emma" + DOMAIN);
        UI.getCurrent().navigate("author/impact");
        String page = _get(AuthorImpactView.class).getElement().getTextRecursively();
        assertThat(page).contains("See the whole person", "Listening before the form.",
                "The young people’s own words stayed with me all week.", "Tuula Heikkinen");
        // Each module's title and the page's introduction are said once, not again inside the figures.
        assertThat(_find(com.vaadin.flow.component.html.H2.class).stream().map(h -> h.getText())
                .filter("See the whole person"::equals)).hasSize(1);
        assertThat(_find(com.vaadin.flow.component.html.H3.class).stream().map(h -> h.getText())
                .filter("See the whole person"::equals)).isEmpty();
        assertThat(_find(Paragraph.class).stream().map(Paragraph::getText)
                .filter(t -> t.equals(UI.getCurrent().getTranslation("impact.intro-cohorts")))).hasSize(1);
        TeamProgressTest.PRIVATE.forEach(text -> assertThat(page).doesNotContain(text));
        assertThatThrownBy(() -> UI.getCurrent().navigate("team"))
                .isInstanceOf(com.github.mvysny.kaributesting.v10.MockAccessDeniedException.class);
    }

    @Test
    void an_admin_sees_the_organisation_overview_with_charts_and_tables() {
        signInAs("admin" + DOMAIN);
        UI.getCurrent().navigate("admin/overview");
        assertThat(_get(Paragraph.class, spec -> spec.withId("overview-figures")).getText())
                .matches("\\d+ assignments overdue · certificates: \\d+ valid, [1-9]\\d* expiring within 30 days, [1-9]\\d* expired");
        assertThat(_find(org.encounter.base.ui.Chart.class)).hasSize(2);
        String page = _get(OrganisationOverviewView.class).getElement().getTextRecursively();
        assertThat(page).contains("See the whole person",
                "+1.6 on average (5 people) · 1 newer, shown once five have gathered");
        TeamProgressTest.PRIVATE.forEach(text -> assertThat(page).doesNotContain(text));
    }
}
