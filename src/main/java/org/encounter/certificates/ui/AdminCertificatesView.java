package org.encounter.certificates.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Map;
import org.encounter.base.InvalidInputException;
import org.encounter.base.ui.DownloadLink;
import org.encounter.base.ui.FormErrors;
import org.encounter.base.ui.LengthLimit;
import org.encounter.base.ui.Notifications;
import org.encounter.certificates.CertificateAdminService;
import org.encounter.certificates.CertificateView;
import org.encounter.identity.Role;
import org.encounter.identity.TeamService;
import org.encounter.identity.TeamSummary;

/** Every certificate, filtered by module, team and completion dates; export as CSV; revoke with a reason. */
@Route("admin/certificates")
@RolesAllowed({Role.Names.ADMIN, Role.Names.ORG_ADMIN})
@Menu(order = 94, title = "menu.admin-certificates", icon = "vaadin:diploma-scroll")
public class AdminCertificatesView extends VerticalLayout implements HasDynamicTitle {

    private final transient CertificateAdminService certificates;
    private final TextField module = new TextField();
    private final ComboBox<TeamSummary> team = new ComboBox<>();
    private final DatePicker from = org.encounter.base.ui.DatePickers.localise(new DatePicker());
    private final DatePicker to = org.encounter.base.ui.DatePickers.localise(new DatePicker());
    private final Grid<CertificateView> grid = new Grid<>(CertificateView.class, false);

    public AdminCertificatesView(CertificateAdminService certificates, TeamService teams, org.encounter.base.Dates dates) {
        this.certificates = certificates;
        addClassName("view");
        setSizeFull();
        module.setLabel(getTranslation("module.title"));
        module.setValueChangeMode(ValueChangeMode.LAZY);
        module.setClearButtonVisible(true);
        LengthLimit.apply(module, 120);
        team.setLabel(getTranslation("team.name"));
        team.setItems(query -> teams.page(query.getFilter().orElse(""),
                VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        team.setItemLabelGenerator(TeamSummary::name);
        team.setClearButtonVisible(true);
        from.setLabel(getTranslation("admin-certificates.from"));
        to.setLabel(getTranslation("admin-certificates.to"));
        module.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        team.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        from.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        to.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        DateTimeFormatter date = dates.dates(FormatStyle.MEDIUM, getLocale());
        grid.setId("admin-certificates");
        org.encounter.base.ui.GridRows.openWithEnter(grid);
        grid.addColumn(c -> c.holder(this::getTranslation)).setHeader(getTranslation("person.name")).setAutoWidth(true);
        grid.addColumn(c -> c.isProgramme() ? c.title(this::getTranslation) : c.moduleTitle() + " · v" + c.versionNumber())
                .setHeader(getTranslation("module.title"));
        grid.addColumn(c -> date.format(c.completedAt())).setHeader(getTranslation("admin-certificates.completed"));
        grid.addColumn(c -> c.validUntil() == null ? "" : date.format(c.validUntil()))
                .setHeader(getTranslation("admin-certificates.valid-until"));
        grid.addColumn(c -> c.revokedAt() == null ? "" : getTranslation("verify.revoked", date.format(c.revokedAt())))
                .setHeader(getTranslation("admin-certificates.status"));
        // Choosing a row (click, or Space on a focused row) offers to revoke it. Selection is keyed by the
        // item, so it still works when the lazily loaded rows are fetched again meanwhile.
        grid.setSelectionMode(Grid.SelectionMode.SINGLE);
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null && e.getValue().revokedAt() == null) {
                revoke(e.getValue());
            }
        });
        grid.setItems(query -> certificates.page(filter(), VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());

        Anchor csv = DownloadLink.of(getTranslation("admin-certificates.csv"), "certificates.csv", DownloadLink.CSV,
                () -> certificates.csv(filter(), getLocale()));
        csv.setId("admin-certificates-csv");
        HorizontalLayout filters = new HorizontalLayout(module, team, from, to, csv);
        filters.setWrap(true);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new H1(getTranslation("admin-certificates.title")), filters, grid);
        setFlexGrow(1, grid);
    }

    private CertificateAdminService.Filter filter() {
        return new CertificateAdminService.Filter(module.getValue(), team.getValue() == null ? null : team.getValue().id(),
                from.getValue(), to.getValue());
    }

    private void revoke(CertificateView c) {
        Dialog dialog = new Dialog(getTranslation("admin-certificates.revoke-title", c.holder(this::getTranslation),
                c.title(this::getTranslation)));
        dialog.addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                grid.asSingleSelect().clear();
            }
        });
        TextArea reason = LengthLimit.apply(new TextArea(getTranslation("admin-certificates.reason")), 500);
        reason.setWidthFull();
        reason.setId("revoke-reason");
        Button confirm = new Button(getTranslation("admin-certificates.revoke"), e -> {
            try {
                certificates.revoke(c.id(), reason.getValue());
                dialog.close();
                grid.getDataProvider().refreshAll();
                Notifications.success(getTranslation("admin-certificates.revoked"));
            } catch (InvalidInputException ex) {
                FormErrors.show(ex, this, Map.of("reason", reason));
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        confirm.setId("revoke-confirm");
        dialog.add(reason);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), confirm);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin-certificates.title") + " · " + getTranslation("app.name");
    }
}
