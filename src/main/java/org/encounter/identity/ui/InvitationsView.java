package org.encounter.identity.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Map;
import java.util.stream.Collectors;
import org.encounter.base.InvalidInputException;
import org.encounter.base.ui.FormErrors;
import org.encounter.identity.CreatedInvitation;
import org.encounter.identity.InvitationService;
import org.encounter.identity.InvitationStatus;
import org.encounter.identity.InvitationSummary;
import org.encounter.identity.OrganisationService;
import org.encounter.identity.OrganisationSummary;
import org.encounter.identity.Role;
import org.encounter.identity.TeamService;
import org.encounter.identity.TeamSummary;

/** Admins create single-use, expiring invitation links with roles and a team preset. */
@Route("admin/invitations")
@RolesAllowed({Role.Names.ADMIN, Role.Names.ORG_ADMIN})
@Menu(order = 92, title = "menu.invitations", icon = "vaadin:envelope-open")
public class InvitationsView extends AdminPage implements HasDynamicTitle {

    private final transient InvitationService invitations;
    private final transient OrganisationService organisations;
    private final transient TeamService teams;
    private final transient org.encounter.identity.CurrentPerson current;
    private final Grid<InvitationSummary> grid = new Grid<>(InvitationSummary.class, false);

    public InvitationsView(InvitationService invitations, OrganisationService organisations, TeamService teams,
                           org.encounter.base.Dates dates, org.encounter.identity.CurrentPerson current) {
        this.invitations = invitations;
        this.current = current;
        this.organisations = organisations;
        this.teams = teams;
        DateTimeFormatter format = dates.dateTimes(getLocale());
        grid.setItems(query -> invitations.page(VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        grid.setId("invitations-grid");
        org.encounter.base.ui.GridRows.openWithEnter(grid);
        grid.addColumn(i -> i.roles().stream().sorted().map(r -> getTranslation(r.labelKey()))
                .collect(Collectors.joining(", "))).setHeader(getTranslation("person.roles"));
        grid.addColumn(i -> i.teamName() == null ? "" : i.teamName()).setHeader(getTranslation("team.name"));
        grid.addColumn(i -> i.note() == null ? "" : i.note()).setHeader(getTranslation("invitation.note"));
        grid.addColumn(i -> format.format(i.expiresAt())).setHeader(getTranslation("invitation.expires"));
        grid.addColumn(i -> getTranslation(i.status().labelKey())
                + (i.usedBy() == null ? "" : " · " + i.usedBy())).setHeader(getTranslation("invitation.status"));
        // Choosing an open invitation offers to revoke it. (A button inside the lazily loaded grid can be
        // recreated between render and click when rows are fetched again; selection is keyed by the item.)
        grid.setSelectionMode(Grid.SelectionMode.SINGLE);
        grid.asSingleSelect().addValueChangeListener(e -> {
            InvitationSummary chosen = e.getValue();
            if (chosen == null || chosen.status() != InvitationStatus.OPEN) {
                return;
            }
            com.vaadin.flow.component.confirmdialog.ConfirmDialog confirm =
                    new com.vaadin.flow.component.confirmdialog.ConfirmDialog(getTranslation("invitation.revoke"),
                            getTranslation("invitation.revoke.text"), getTranslation("invitation.revoke"), ok -> {
                                invitations.revoke(chosen.id());
                                grid.getDataProvider().refreshAll();
                            });
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("action.cancel"));
            confirm.setConfirmButtonTheme("error primary");
            confirm.addConfirmListener(ok -> grid.asSingleSelect().clear());
            confirm.addCancelListener(cancel -> grid.asSingleSelect().clear());
            confirm.open();
        });
        Button add = new Button(getTranslation("invitation.new"), e -> create());
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setId("invitation-new");
        compose("invitations.title", grid, add);
    }

    private void create() {
        Dialog dialog = new Dialog(getTranslation("invitation.new"));
        ComboBox<OrganisationSummary> organisation = new ComboBox<>(getTranslation("team.organisation"));
        organisation.setItems(query -> organisations.administered(query.getFilter().orElse(""),
                VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        organisation.setItemLabelGenerator(OrganisationSummary::name);
        organisation.setRequired(true);
        ComboBox<TeamSummary> team = new ComboBox<>(getTranslation("invitation.team"));
        team.setItems(query -> teams.page(query.getFilter().orElse(""),
                VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        team.setItemLabelGenerator(t -> t.name() + " (" + t.organisationName() + ")");
        team.setHelperText(getTranslation("invitation.team.help"));
        team.addValueChangeListener(e -> {
            if (e.getValue() != null && organisation.isEmpty()) {
                organisation.setValue(new OrganisationSummary(e.getValue().organisationId(), e.getValue().organisationName()));
            }
        });
        CheckboxGroup<Role> roles = new CheckboxGroup<>(getTranslation("person.roles"));
        roles.setItems(grantable(current));
        roles.setItemLabelGenerator(r -> getTranslation(r.labelKey()));
        roles.setRequired(true);
        TextField registeredName = new TextField(getTranslation("registered-name.label"));
        registeredName.setHelperText(getTranslation("invitation.registered-name.help"));
        registeredName.setMaxLength(100);
        registeredName.setRequired(true);
        registeredName.setId("invitation-registered-name");
        TextField note = new TextField(getTranslation("invitation.note"));
        note.setHelperText(getTranslation("invitation.note.help"));
        note.setMaxLength(200);
        FormLayout form = new FormLayout(team, organisation, roles, registeredName, note);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        dialog.add(form);
        Button save = new Button(getTranslation("invitation.create"), e -> {
            try {
                CreatedInvitation created = invitations.create(
                        organisation.getValue() == null ? null : organisation.getValue().id(),
                        team.getValue() == null ? null : team.getValue().id(), roles.getValue(),
                        registeredName.getValue(), note.getValue());
                dialog.close();
                grid.getDataProvider().refreshAll();
                showLink(created);
            } catch (InvalidInputException ex) {
                FormErrors.show(ex, this, Map.<String, HasValidation>of("organisation", organisation, "team", team,
                        "roles", roles, "registeredName", registeredName, "note", note));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("invitation-create");
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private void showLink(CreatedInvitation created) {
        Dialog dialog = new Dialog(getTranslation("invitation.created.title"));
        Paragraph link = new Paragraph(created.link());
        link.addClassName("invitation-link");
        link.setId("invitation-link");
        Button copy = new Button(getTranslation("invitation.copy"),
                e -> e.getSource().getElement().executeJs("navigator.clipboard.writeText($0)", created.link()));
        dialog.add(new Paragraph(getTranslation("invitation.created.text")), link);
        dialog.getFooter().add(copy, new Button(getTranslation("action.close"), e -> dialog.close()));
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("invitations.title") + " · " + getTranslation("app.name");
    }
}
