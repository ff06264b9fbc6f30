package org.encounter.identity.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.util.Map;
import java.util.stream.Collectors;
import org.encounter.base.InvalidInputException;
import org.encounter.base.ui.FormErrors;
import org.encounter.base.ui.Notifications;
import org.encounter.identity.PersonService;
import org.encounter.identity.PersonSummary;
import org.encounter.identity.Role;
import org.encounter.identity.SignInFailureService;

@Route("admin/people")
@RolesAllowed({Role.Names.ADMIN, Role.Names.ORG_ADMIN})
@Menu(order = 90, title = "menu.people", icon = "vaadin:users")
public class PeopleView extends AdminPage implements HasDynamicTitle {

    private final transient PersonService people;
    private final transient SignInFailureService failures;
    private final transient org.encounter.identity.CurrentPerson current;
    private final ZoneId zone;
    private final SearchableGrid<PersonSummary> grid;

    public PeopleView(PersonService people, SignInFailureService failures,
                      org.encounter.base.Dates dates, org.encounter.identity.CurrentPerson current) {
        this.people = people;
        this.current = current;
        this.failures = failures;
        this.zone = dates.zone();
        grid = new SearchableGrid<>(PersonSummary.class, "admin.search", people::page);
        grid.setId("people-grid");
        grid.addColumn(PersonSummary::displayName).setHeader(getTranslation("person.name"))
                .setSortProperty("displayName").setAutoWidth(true);
        grid.addColumn(p -> p.requestedName() == null ? p.registeredName()
                        : getTranslation("person.registered-name.requested", p.registeredName(), p.requestedName()))
                .setHeader(getTranslation("registered-name.label")).setAutoWidth(true);
        grid.addColumn(PersonSummary::email).setHeader(getTranslation("person.email")).setSortProperty("email")
                .setAutoWidth(true);
        grid.addColumn(p -> p.roles().stream().sorted().map(r -> getTranslation(r.labelKey()))
                .collect(Collectors.joining(", "))).setHeader(getTranslation("person.roles"));
        grid.addColumn(this::status).setHeader(getTranslation("person.status")).setAutoWidth(true);
        grid.addItemClickListener(e -> open(e.getItem()));
        Button requests = new Button(getTranslation("name-requests.open", people.countNameRequests()));
        requests.addClickListener(e -> new NameRequestsDialog(people, () -> {
            grid.refresh();
            requests.setText(getTranslation("name-requests.open", people.countNameRequests()));
        }).open());
        requests.setId("name-requests");
        compose("people.title", grid, grid.searchField(), requests);
    }

    private String status(PersonSummary p) {
        return !p.enabled() ? getTranslation("person.status.disabled")
                : p.signInFailures() > 0 ? getTranslation("person.status.failures", p.signInFailures())
                : getTranslation("person.status.active");
    }

    private void open(PersonSummary person) {
        Dialog dialog = new Dialog(getTranslation("person.edit", person.displayName()));
        TextField name = new TextField(getTranslation("person.name"));
        name.setMaxLength(100);
        name.setRequired(true);
        name.setValue(person.displayName());
        TextField registeredName = new TextField(getTranslation("registered-name.label"));
        registeredName.setHelperText(getTranslation("person.registered-name.help"));
        registeredName.setMaxLength(100);
        registeredName.setRequired(true);
        registeredName.setValue(person.registeredName());
        registeredName.setId("person-registered-name");
        EmailField email = new EmailField(getTranslation("person.email"));
        email.setMaxLength(254);
        email.setRequired(true);
        email.setValue(person.email());
        CheckboxGroup<Role> roles = new CheckboxGroup<>(getTranslation("person.roles"));
        java.util.Set<Role> offered = java.util.EnumSet.copyOf(grantable(current));
        offered.addAll(person.roles());
        roles.setItems(offered);
        roles.setItemLabelGenerator(r -> getTranslation(r.labelKey()));
        roles.setValue(person.roles());
        roles.setId("person-roles");
        FormLayout form = new FormLayout(name, registeredName, email, roles);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        dialog.add(form);
        if (person.signInFailures() > 0) {
            dialog.add(new SignInFailuresPanel(failures, person.id(), zone, () -> {
                dialog.close();
                grid.refresh();
            }));
        }

        Button save = new Button(getTranslation("action.save"), e -> {
            try {
                people.update(person.id(), name.getValue(), email.getValue(), roles.getValue());
                if (!registeredName.getValue().strip().equals(person.registeredName())) {
                    people.register(person.id(), registeredName.getValue());
                }
                dialog.close();
                grid.refresh();
                Notifications.success(getTranslation("action.saved"));
            } catch (InvalidInputException ex) {
                FormErrors.show(ex, this, Map.<String, HasValidation>of("displayName", name, "email", email,
                        "roles", roles, "registeredName", registeredName));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("person-save");
        Button toggle = new Button(getTranslation(person.enabled() ? "person.disable" : "person.enable"), e -> {
            try {
                if (person.enabled()) {
                    people.disable(person.id());
                } else {
                    people.enable(person.id());
                }
                dialog.close();
                grid.refresh();
                Notifications.success(getTranslation(person.enabled() ? "person.disabled" : "person.enabled"));
            } catch (InvalidInputException ex) {
                FormErrors.show(ex, this, Map.of());
            }
        });
        toggle.setId("person-toggle");
        if (person.enabled()) {
            toggle.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        dialog.getFooter().add(toggle);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("people.title") + " · " + getTranslation("app.name");
    }
}
