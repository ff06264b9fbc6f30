package org.encounter.progress.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.encounter.base.InvalidInputException;
import org.encounter.base.ui.FormErrors;
import org.encounter.identity.Role;
import org.encounter.learning.AssignmentService;
import org.encounter.progress.CellStatus;
import org.encounter.progress.ImpactService;
import org.encounter.progress.ProgressFilter;
import org.encounter.progress.TeamProgress;
import org.encounter.progress.TeamProgressService;
import org.encounter.progress.TeamProgressService.TeamRef;
import org.encounter.authoring.PublishedModules;

/**
 * A manager's team: who stands where with which module (member × module), charts, assignments, impact and
 * exports. The team comes from the URL and is looked up among the manager's own teams by the service.
 */
@Route("team/:teamId?")
@RolesAllowed(Role.Names.MANAGER)
@Menu(order = 40, title = "menu.team", icon = "vaadin:chart-grid")
public class TeamProgressView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient TeamProgressService progress;
    private final transient ImpactService impact;
    private final transient AssignmentService assigning;
    private final transient PublishedModules published;
    private final transient org.encounter.base.Dates dates;
    private final Select<TeamRef> teamSelect = new Select<>();
    private final ComboBox<TeamProgress.ModuleColumn> module = new ComboBox<>();
    private final Select<CellStatus> status = new Select<>();
    private final DatePicker from = org.encounter.base.ui.DatePickers.localise(new DatePicker());
    private final DatePicker to = org.encounter.base.ui.DatePickers.localise(new DatePicker());
    private final Div matrixHolder = new Div();
    private final Div chartsHolder = new Div();
    private final Div assignmentsHolder = new Div();
    private final Div impactHolder = new Div();
    private TabSheet tabs;
    private TeamRef team;

    public TeamProgressView(TeamProgressService progress, ImpactService impact, AssignmentService assigning,
                            PublishedModules published, org.encounter.base.Dates dates) {
        this.dates = dates;
        this.progress = progress;
        this.impact = impact;
        this.assigning = assigning;
        this.published = published;
        addClassName("view");
        setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<TeamRef> mine = progress.myTeams();
        Optional<String> id = event.getRouteParameters().get("teamId");
        if (mine.isEmpty()) {
            removeAll();
            add(new H1(getTranslation("progress.title")), new Paragraph(getTranslation("progress.no-teams")));
            return;
        }
        if (id.isEmpty()) {
            team = mine.getFirst();
        } else {
            long teamId;
            try {
                teamId = Long.parseLong(id.get());
            } catch (NumberFormatException e) {
                throw new org.encounter.base.RecordNotFound("team", -1);
            }
            // Looked up among the manager's own teams: another team's id is "not found", nothing more.
            team = mine.stream().filter(t -> t.id() == teamId).findFirst()
                    .orElseThrow(() -> new org.encounter.base.RecordNotFound("team", teamId));
        }
        build(mine);
    }

    private void build(List<TeamRef> mine) {
        removeAll();
        H1 title = new H1(getTranslation("progress.title-team", team.name()));
        add(title);
        if (mine.size() > 1) {
            teamSelect.setLabel(getTranslation("progress.switch-team"));
            teamSelect.setItems(mine);
            teamSelect.setItemLabelGenerator(TeamRef::name);
            teamSelect.setValue(team);
            teamSelect.setId("progress-team");
            teamSelect.addValueChangeListener(e -> {
                if (e.isFromClient() && e.getValue() != null) {
                    getUI().ifPresent(ui -> ui.navigate(TeamProgressView.class,
                            new com.vaadin.flow.router.RouteParameters("teamId", String.valueOf(e.getValue().id()))));
                }
            });
            add(teamSelect);
        }
        tabs = new TabSheet();
        tabs.setWidthFull();
        chartsHolder.setWidthFull();
        impactHolder.setWidthFull();
        assignmentsHolder.setWidthFull();
        tabs.add(getTranslation("progress.tab.matrix"), new VerticalLayout(filters(), matrixHolder,
                new ExportsPanel(progress, impact, dates, () -> team.id(), this::filter)));
        tabs.add(getTranslation("progress.tab.charts"), chartsHolder);
        tabs.add(getTranslation("progress.tab.assignments"), assignmentsHolder);
        tabs.add(getTranslation("progress.tab.impact"), impactHolder);
        tabs.setId("progress-tabs");
        // vaadin-tabs (role tablist) keeps a focusable scroll box in its shadow DOM, and a tablist may hold
        // nothing but tabs: screen readers then find a stray element among the tabs (axe:
        // aria-required-children). Arrow keys move between the tabs and scroll them, so the box need not
        // take focus itself.
        tabs.addAttachListener(e -> tabs.getElement().executeJs("""
                customElements.whenDefined('vaadin-tabs').then(() => requestAnimationFrame(() => {
                  const list = this.querySelector('vaadin-tabs');
                  if (list && list.shadowRoot) {
                    list.shadowRoot.querySelectorAll('div[tabindex]').forEach(d => d.removeAttribute('tabindex'));
                  }
                }));"""));
        // The other tabs are filled when they are chosen: a manager reading the matrix keeps no charts, assignments
        // or impact on the server (their texts waited there unsent, about 200 KB a tab), and opening the page asks
        // the database for the matrix alone.
        tabs.addSelectedChangeListener(e -> showChosenTab());
        add(tabs);
        refresh();
    }

    private HorizontalLayout filters() {
        module.setLabel(getTranslation("progress.filter.module"));
        module.setItemLabelGenerator(TeamProgress.ModuleColumn::title);
        module.setClearButtonVisible(true);
        module.setId("progress-module");
        status.setLabel(getTranslation("progress.filter.status"));
        status.setItems(CellStatus.values());
        status.setItemLabelGenerator(s -> s == null ? getTranslation("progress.filter.any") : getTranslation(s.labelKey()));
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("progress.filter.any"));
        status.setId("progress-status");
        from.setLabel(getTranslation("progress.filter.from"));
        to.setLabel(getTranslation("progress.filter.to"));
        from.setId("progress-from");
        to.setId("progress-to");
        module.addValueChangeListener(e -> refreshMatrix());
        status.addValueChangeListener(e -> refreshMatrix());
        from.addValueChangeListener(e -> refreshMatrix());
        to.addValueChangeListener(e -> refreshMatrix());
        HorizontalLayout row = new HorizontalLayout(module, status, from, to);
        row.setWrap(true);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return row;
    }

    ProgressFilter filter() {
        return new ProgressFilter(module.getValue() == null ? null : module.getValue().moduleId(), status.getValue(),
                from.getValue(), to.getValue());
    }

    void refresh() {
        TeamProgress all = progress.progress(team.id(), ProgressFilter.ALL);
        List<TeamProgress.ModuleColumn> columns = all.modules();
        TeamProgress.ModuleColumn chosen = module.getValue();
        module.setItems(columns);
        if (chosen != null) {
            columns.stream().filter(c -> c.moduleId() == chosen.moduleId()).findFirst().ifPresent(module::setValue);
        }
        if (filter().equals(ProgressFilter.ALL)) {
            showMatrix(all);
        } else {
            refreshMatrix();
        }
        showChosenTab();
    }

    /** Fills the chosen tab, with what the database holds now; the tab left keeps nothing. */
    private void showChosenTab() {
        chartsHolder.removeAll();
        assignmentsHolder.removeAll();
        impactHolder.removeAll();
        switch (tabs.getSelectedIndex()) {
            case 1 -> chartsHolder.add(new TeamCharts(progress.charts(team.id())));
            case 2 -> {
                AssignmentsPanel assignments = new AssignmentsPanel(progress, assigning, published, dates, this::refresh);
                assignments.show(team);
                assignmentsHolder.add(assignments);
            }
            case 3 -> impactHolder.add(new ImpactPanel(impact.forTeam(team.id()), true));
            default -> { }
        }
    }

    private void refreshMatrix() {
        if (team == null) {
            return;
        }
        TeamProgress p;
        try {
            p = progress.progress(team.id(), filter());
            FormErrors.clear(Map.of("from", from, "to", to));
        } catch (InvalidInputException e) {
            FormErrors.show(e, this, Map.of("from", from, "to", to));
            return;
        }
        showMatrix(p);
    }

    private void showMatrix(TeamProgress p) {
        matrixHolder.removeAll();
        matrixHolder.setWidthFull();
        if (p.members().isEmpty()) {
            Paragraph none = new Paragraph(getTranslation(filter().equals(ProgressFilter.ALL) ? "progress.empty"
                    : "progress.empty-filtered"));
            none.setId("progress-empty");
            matrixHolder.add(none);
            return;
        }
        matrixHolder.add(new ProgressMatrix(p, dates));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("progress.title") + " · " + getTranslation("app.name");
    }
}
