package org.encounter.identity.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import org.encounter.base.InvalidInputException;
import org.encounter.base.ui.FormErrors;
import org.encounter.base.ui.Notifications;
import org.encounter.identity.CurrentPerson;
import org.encounter.identity.PartnershipService;
import org.encounter.identity.PartnershipSummary;
import org.encounter.identity.PersonService;
import org.encounter.identity.PersonSummary;
import org.encounter.identity.Role;

/**
 * Partnerships: the platform admin sees and creates every one; a coordinator sees the ones they coordinate. Opening
 * one manages its members and coordinators ({@link PartnershipDialog}); the service decides what each may do.
 */
@Route("partnerships")
@RolesAllowed({Role.Names.ADMIN, Role.Names.COORDINATOR})
@Menu(order = 95, title = "menu.partnerships", icon = "vaadin:handshake")
public class PartnershipsView extends AdminPage implements HasDynamicTitle {

    private final transient PartnershipService partnerships;
    private final transient PersonService people;
    private final SearchableGrid<PartnershipSummary> grid;

    public PartnershipsView(PartnershipService partnerships, PersonService people, CurrentPerson current) {
        this.partnerships = partnerships;
        this.people = people;
        grid = new SearchableGrid<>(PartnershipSummary.class, "admin.search", partnerships::page);
        grid.setId("partnerships-grid");
        grid.addColumn(PartnershipSummary::name).setHeader(getTranslation("partnership.name")).setSortProperty("name");
        grid.addItemClickListener(e -> new PartnershipDialog(partnerships, e.getItem().id()).open());
        if (current.has(Role.ADMIN)) {
            Button add = new Button(getTranslation("partnership.new"), e -> create());
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add.setId("partnership-new");
            compose("partnerships.title", grid, grid.searchField(), add);
        } else {
            compose("partnerships.title", grid, grid.searchField());
        }
    }

    private void create() {
        Dialog dialog = new Dialog(getTranslation("partnership.new"));
        TextField name = new TextField(getTranslation("partnership.name"));
        name.setMaxLength(150);
        name.setRequired(true);
        name.setId("partnership-name");
        ComboBox<PersonSummary> coordinator = new ComboBox<>(getTranslation("partnership.first-coordinator"));
        coordinator.setItems(query -> people.page(query.getFilter().orElse(""),
                VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        coordinator.setItemLabelGenerator(p -> p.displayName() + " (" + p.organisationName() + ")");
        coordinator.setRequired(true);
        coordinator.setId("partnership-coordinator");
        FormLayout form = new FormLayout(name, coordinator);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        dialog.add(form);
        Button save = new Button(getTranslation("action.save"), e -> {
            try {
                partnerships.create(name.getValue(), coordinator.getValue() == null ? -1 : coordinator.getValue().id());
                dialog.close();
                grid.refresh();
                Notifications.success(getTranslation("action.saved"));
            } catch (InvalidInputException ex) {
                FormErrors.show(ex, this, Map.of("name", name, "coordinator", coordinator));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("partnership-save");
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("partnerships.title") + " · " + getTranslation("app.name");
    }
}
