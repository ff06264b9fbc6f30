package org.encounter.identity.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.encounter.base.InvalidInputException;
import org.encounter.base.ui.FormErrors;
import org.encounter.base.ui.Notifications;
import org.encounter.identity.OrganisationService;
import org.encounter.identity.OrganisationSummary;
import org.encounter.identity.PersonRef;
import org.encounter.identity.PersonService;
import org.encounter.identity.Role;
import org.encounter.identity.TeamService;
import org.encounter.identity.TeamSummary;

@Route("admin/teams")
@RolesAllowed({Role.Names.ADMIN, Role.Names.ORG_ADMIN})
@Menu(order = 91, title = "menu.teams", icon = "vaadin:group")
public class TeamsView extends AdminPage implements HasDynamicTitle {

    private final transient TeamService teams;
    private final transient OrganisationService organisations;
    private final transient PersonService people;
    private final SearchableGrid<TeamSummary> grid;

    public TeamsView(TeamService teams, OrganisationService organisations, PersonService people) {
        this.teams = teams;
        this.organisations = organisations;
        this.people = people;
        grid = new SearchableGrid<>(TeamSummary.class, "admin.search", teams::page);
        grid.setId("teams-grid");
        grid.addColumn(TeamSummary::name).setHeader(getTranslation("team.name")).setSortProperty("name").setAutoWidth(true);
        grid.addColumn(TeamSummary::organisationName).setHeader(getTranslation("team.organisation"));
        grid.addColumn(t -> names(t.managers())).setHeader(getTranslation("team.managers"));
        grid.addColumn(t -> t.members().size()).setHeader(getTranslation("team.member-count"));
        grid.addItemClickListener(e -> edit(e.getItem()));
        Button add = new Button(getTranslation("team.new"), e -> create());
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setId("team-new");
        compose("teams.title", grid, grid.searchField(), add);
    }

    private static String names(java.util.List<PersonRef> refs) {
        return refs.stream().map(PersonRef::displayName).collect(Collectors.joining(", "));
    }

    private void create() {
        Dialog dialog = new Dialog(getTranslation("team.new"));
        ComboBox<OrganisationSummary> organisation = new ComboBox<>(getTranslation("team.organisation"));
        organisation.setItems(query -> organisations.administered(query.getFilter().orElse(""),
                VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        organisation.setItemLabelGenerator(OrganisationSummary::name);
        organisation.setRequired(true);
        TextField name = new TextField(getTranslation("team.name"));
        name.setMaxLength(150);
        name.setRequired(true);
        FormLayout form = new FormLayout(organisation, name);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        dialog.add(form);
        Button save = new Button(getTranslation("action.save"), e -> {
            try {
                teams.create(organisation.getValue() == null ? null : organisation.getValue().id(), name.getValue());
                dialog.close();
                grid.refresh();
                Notifications.success(getTranslation("action.saved"));
            } catch (InvalidInputException ex) {
                FormErrors.show(ex, this, Map.<String, HasValidation>of("organisation", organisation, "name", name));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private void edit(TeamSummary team) {
        Dialog dialog = new Dialog(getTranslation("team.edit", team.name()));
        TextField name = new TextField(getTranslation("team.name"));
        name.setMaxLength(150);
        name.setRequired(true);
        name.setValue(team.name());
        MultiSelectComboBox<PersonRef> managers = peoplePicker(team.organisationId(), "team.managers", team.managers());
        MultiSelectComboBox<PersonRef> members = peoplePicker(team.organisationId(), "team.members", team.members());
        FormLayout form = new FormLayout(name, managers, members);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        form.setMinWidth("min(30rem, 80vw)");
        dialog.add(form);
        Button save = new Button(getTranslation("action.save"), e -> {
            try {
                teams.update(team.id(), name.getValue(), ids(managers.getValue()), ids(members.getValue()));
                dialog.close();
                grid.refresh();
                Notifications.success(getTranslation("action.saved"));
            } catch (InvalidInputException ex) {
                FormErrors.show(ex, this, Map.of("name", name));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    /** People of the team's own organisation: a team never reaches into another. */
    private MultiSelectComboBox<PersonRef> peoplePicker(long organisationId, String labelKey,
                                                        java.util.List<PersonRef> selected) {
        MultiSelectComboBox<PersonRef> picker = org.encounter.base.ui.PersonPickers.localise(
                new MultiSelectComboBox<>(getTranslation(labelKey)));
        picker.setItems(query -> people.choices(organisationId, query.getFilter().orElse(""),
                VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        picker.setItemLabelGenerator(PersonRef::displayName);
        picker.setValue(Set.copyOf(selected));
        picker.setWidthFull();
        return picker;
    }

    private static Set<Long> ids(Set<PersonRef> refs) {
        return refs.stream().map(PersonRef::id).collect(Collectors.toSet());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("teams.title") + " · " + getTranslation("app.name");
    }
}
