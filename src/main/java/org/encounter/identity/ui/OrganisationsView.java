package org.encounter.identity.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import org.encounter.base.InvalidInputException;
import org.encounter.base.ui.FormErrors;
import org.encounter.base.ui.Notifications;
import org.encounter.identity.OrganisationService;
import org.encounter.identity.OrganisationSummary;
import org.encounter.identity.Role;

@Route("admin/organisations")
@RolesAllowed(Role.Names.ADMIN)
@Menu(order = 93, title = "menu.organisations", icon = "vaadin:building")
public class OrganisationsView extends AdminPage implements HasDynamicTitle {

    private final transient OrganisationService organisations;
    private final SearchableGrid<OrganisationSummary> grid;

    public OrganisationsView(OrganisationService organisations) {
        this.organisations = organisations;
        grid = new SearchableGrid<>(OrganisationSummary.class, "admin.search", organisations::page);
        grid.addColumn(OrganisationSummary::name).setHeader(getTranslation("organisation.name")).setSortProperty("name");
        grid.addItemClickListener(e -> open(e.getItem()));
        Button add = new Button(getTranslation("organisation.new"), e -> open(null));
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        compose("organisations.title", grid, grid.searchField(), add);
    }

    private void open(OrganisationSummary existing) {
        Dialog dialog = new Dialog(getTranslation(existing == null ? "organisation.new" : "organisation.edit"));
        TextField name = new TextField(getTranslation("organisation.name"));
        name.setMaxLength(150);
        name.setRequired(true);
        name.setWidthFull();
        name.setId("organisation-name");
        if (existing != null) {
            name.setValue(existing.name());
        }
        Button save = new Button(getTranslation("action.save"), e -> {
            try {
                if (existing == null) {
                    organisations.create(name.getValue());
                } else {
                    organisations.rename(existing.id(), name.getValue());
                }
                dialog.close();
                grid.refresh();
                Notifications.success(getTranslation("action.saved"));
            } catch (InvalidInputException ex) {
                FormErrors.show(ex, this, Map.of("name", name));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("organisation-save");
        dialog.add(name);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("organisations.title") + " · " + getTranslation("app.name");
    }
}
