package org.encounter.learning.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;
import org.encounter.authoring.CatalogueFilter;
import org.encounter.authoring.CatalogueItem;
import org.encounter.authoring.PublishedModules;
import org.encounter.base.Dates;
import org.encounter.base.InvalidInputException;
import org.encounter.base.ui.DatePickers;
import org.encounter.base.ui.FormErrors;
import org.encounter.base.ui.Notifications;
import org.encounter.base.ui.PersonPickers;
import org.encounter.identity.Role;
import org.encounter.identity.TeamService;
import org.encounter.identity.TeamSummary;
import org.encounter.learning.OrganisationAssignments;
import org.encounter.learning.OrganisationAssignments.Adoption;
import org.springframework.data.domain.PageRequest;

/**
 * An organisation admin runs modules in their organisation: assigns one from its catalogue (its own, or one its
 * partnerships share) to whole teams with the organisation's own due date, and follows each assignment's figures.
 */
@Route("admin/assignments")
@RolesAllowed(Role.Names.ORG_ADMIN)
@Menu(order = 93, title = "menu.adoptions", icon = "vaadin:calendar-clock")
public class AdoptionsView extends VerticalLayout implements HasDynamicTitle {

    private final transient OrganisationAssignments adoptions;
    private final Grid<Adoption> grid = new Grid<>();
    private final Paragraph none = new Paragraph();

    public AdoptionsView(OrganisationAssignments adoptions, PublishedModules published, TeamService teams,
                         Dates dates) {
        this.adoptions = adoptions;
        addClassName("view");
        add(new H1(getTranslation("adoption.title")), new Paragraph(getTranslation("adoption.intro")));

        ComboBox<CatalogueItem> module = new ComboBox<>(getTranslation("adoption.module"));
        module.setItems(query -> published.catalogue(new CatalogueFilter(query.getFilter().orElse(null), null, null,
                null, null), PageRequest.of(query.getPage(), query.getPageSize())).stream());
        module.setItemLabelGenerator(m -> m.sharedThrough().isEmpty() ? m.title()
                : getTranslation("adoption.module-shared", m.title(), m.host()));
        module.setWidthFull();
        module.setId("adoption-module");
        MultiSelectComboBox<TeamSummary> chosen = PersonPickers.localise(
                new MultiSelectComboBox<>(getTranslation("adoption.teams")));
        chosen.setItems(teams.page("", PageRequest.of(0, 100)));
        chosen.setItemLabelGenerator(t -> getTranslation("adoption.team-size", t.name(), t.members().size()));
        chosen.setWidthFull();
        chosen.setId("adoption-teams");
        DatePicker due = DatePickers.create(getTranslation("adoption.due"));
        due.setMin(dates.today());
        due.setId("adoption-due");
        Button assign = new Button(getTranslation("adoption.assign"), e -> {
            Map<String, HasValidation> fields = Map.of("module", module, "teams", chosen, "dueDate", due);
            FormErrors.clear(fields);
            if (module.getValue() == null) {
                FormErrors.show(new InvalidInputException("module", "validation.required"), this, fields);
                return;
            }
            try {
                var done = adoptions.assignTeams(module.getValue().moduleId(),
                        chosen.getValue().stream().map(TeamSummary::id).toList(), due.getValue());
                Notifications.success(getTranslation("adoption.assigned", module.getValue().title(), done.assigned(),
                        done.alreadyAssigned()));
                refresh();
            } catch (InvalidInputException ex) {
                FormErrors.show(ex, this, fields);
            }
        });
        assign.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        assign.setId("adoption-assign");
        Div form = new Div(new H2(getTranslation("adoption.add")), module, chosen, due,
                new Paragraph(getTranslation("progress.assign-notified")), assign);
        form.addClassName("home-card");

        grid.setId("adoptions");
        grid.setAllRowsVisible(true);
        grid.setWidthFull();
        grid.addColumn(Adoption::title).setHeader(getTranslation("adoption.module")).setFlexGrow(3);
        grid.addColumn(a -> dates.dates(FormatStyle.MEDIUM, getLocale()).format(a.dueDate()))
                .setHeader(getTranslation("adoption.due"));
        grid.addColumn(Adoption::assigned).setHeader(getTranslation("adoption.assigned-count"));
        grid.addColumn(Adoption::completed).setHeader(getTranslation("adoption.completed-count"));
        grid.addColumn(Adoption::overdue).setHeader(getTranslation("adoption.overdue-count"));
        add(form, new H2(getTranslation("adoption.current")), none, grid);
        refresh();
    }

    private void refresh() {
        List<Adoption> rows = adoptions.adoptions();
        grid.setItems(rows);
        grid.setVisible(!rows.isEmpty());
        none.setText(getTranslation("adoption.none"));
        none.setVisible(rows.isEmpty());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("adoption.title") + " · " + getTranslation("app.name");
    }
}
