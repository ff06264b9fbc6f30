package org.encounter.progress.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._clickItem;
import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import java.util.List;
import org.encounter.KaribuTest;
import org.encounter.base.ui.RecordNotFoundView;
import org.encounter.identity.PartnershipSummary;
import org.encounter.progress.PartnershipReport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The partnership report as its coordinator reaches it: from the Partnerships page to the report, one table per
 * shared module with a row per member organisation and a combined row, a CSV link, and no person's name; anyone else,
 * or another partnership, is refused.
 */
@TestPropertySource(properties = "encounter.demo.learning=true")
class PartnershipReportViewTest extends KaribuTest {

    static final String DOMAIN = "@demo.encounter.example";

    @Autowired JdbcTemplate jdbc;

    @Test
    @SuppressWarnings("unchecked")
    void a_coordinator_opens_the_report_from_the_partnership_and_sees_organisations_not_people() {
        signInAs("kirsi" + DOMAIN);
        UI.getCurrent().navigate("partnerships");
        Grid<PartnershipSummary> partnerships = _get(Grid.class, spec -> spec.withId("partnerships-grid"));
        _clickItem(partnerships, 0, 0, false, false, false, false);
        _click(_get(Button.class, spec -> spec.withId("partnership-report")));
        UI ui = UI.getCurrent();
        assertThat(_get(H1.class).getText()).isEqualTo(ui.getTranslation("partnership-report.title", "One Aurajoki"));
        assertThat(ui.getInternals().getTitle()).startsWith(ui.getTranslation("partnership-report.title", "One Aurajoki"));
        assertThat(_find(PartnershipModuleTable.class)).hasSize(2);
        Grid<PartnershipReport.Row> shoes = _get(Grid.class, spec -> spec.withId("partnership-report-module-"
                + jdbc.queryForObject("select id from module where title = 'Walk in another''s shoes'", Long.class)));
        assertThat(_findAll(shoes)).extracting(PartnershipReport.Row::organisation).containsExactly(
                "Aurajoki Police Department", "Aurajoki Wellbeing Services County", "Aurajoki Youth Council",
                "City of Aurajoki Youth and Community Services", null);
        assertThat(_get(Anchor.class, spec -> spec.withId("partnership-report-csv")).getHref()).isNotBlank();
        String page = _get(PartnershipReportView.class).getElement().getTextRecursively();
        List<String> names = jdbc.queryForList("select display_name from person union select registered_name from person",
                String.class);
        names.forEach(name -> assertThat(page).as("page names %s", name).doesNotContain(name));
    }

    @Test
    void an_organisation_admin_or_a_learner_is_refused_the_report_and_another_partnership_is_not_found() {
        long aurajoki = jdbc.queryForObject("select id from partnership where name = 'One Aurajoki'", Long.class);
        for (String who : List.of("riikka", "sanna", "mikko")) {
            signInAs(who + DOMAIN);
            assertThatThrownBy(() -> UI.getCurrent().navigate("partnerships/" + aurajoki + "/report"))
                    .as(who).isInstanceOf(MockAccessDeniedException.class);
            tearDownVaadin();
        }
        signInAs("kirsi" + DOMAIN);
        UI.getCurrent().navigate("partnerships/" + (aurajoki + 1000) + "/report");
        assertThat(_find(RecordNotFoundView.class)).hasSize(1);
        assertThat(_find(PartnershipReportView.class)).isEmpty();
    }
}
