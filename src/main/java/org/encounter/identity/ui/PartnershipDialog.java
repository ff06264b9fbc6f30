package org.encounter.identity.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import java.util.Map;
import org.encounter.base.InvalidInputException;
import org.encounter.base.ui.FormErrors;
import org.encounter.identity.OrganisationSummary;
import org.encounter.identity.PartnershipDetail;
import org.encounter.identity.PartnershipService;
import org.encounter.identity.PersonRef;

/** One partnership's member organisations and coordinators, with what the signed-in person may add or remove. */
class PartnershipDialog extends Dialog {

    private final transient PartnershipService partnerships;
    private final long partnershipId;
    private final Grid<OrganisationSummary> members = new Grid<>();
    private final Grid<PersonRef> coordinators = new Grid<>();
    private final ComboBox<OrganisationSummary> newMember;
    private final ComboBox<PersonRef> newCoordinator;

    PartnershipDialog(PartnershipService partnerships, long partnershipId) {
        this.partnerships = partnerships;
        this.partnershipId = partnershipId;
        setWidth("min(40rem, 95vw)");
        members.setId("partnership-members");
        members.addColumn(OrganisationSummary::name).setHeader(getTranslation("partnership.organisation"));
        members.addComponentColumn(o -> remove(() -> partnerships.removeMember(partnershipId, o.id())));
        members.setAllRowsVisible(true);
        newMember = new ComboBox<>(getTranslation("partnership.add-member"));
        newMember.setId("partnership-add-member");
        newMember.setItems(query -> partnerships.candidates(partnershipId, query.getFilter().orElse(""),
                VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        newMember.setItemLabelGenerator(OrganisationSummary::name);
        coordinators.setId("partnership-coordinators");
        coordinators.addColumn(PersonRef::displayName).setHeader(getTranslation("partnership.coordinator"));
        coordinators.addComponentColumn(p ->
                remove(() -> partnerships.removeCoordinator(partnershipId, p.id())));
        coordinators.setAllRowsVisible(true);
        newCoordinator = new ComboBox<>(getTranslation("partnership.add-coordinator"));
        newCoordinator.setId("partnership-add-coordinator");
        newCoordinator.setItems(query -> partnerships.coordinatorChoices(partnershipId, query.getFilter().orElse(""),
                VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        newCoordinator.setItemLabelGenerator(PersonRef::displayName);
        add(new H3(getTranslation("partnership.members")), members,
                adding(newMember, () -> partnerships.addMember(partnershipId, newMember.getValue().id())),
                new H3(getTranslation("partnership.coordinators")), coordinators,
                adding(newCoordinator, () -> partnerships.addCoordinator(partnershipId, newCoordinator.getValue().id())));
        // The report lives in progress, which identity does not know: reached by its address.
        Button report = new Button(getTranslation("partnership-report.open"), e -> {
            close();
            com.vaadin.flow.component.UI.getCurrent().navigate("partnerships/" + partnershipId + "/report");
        });
        report.setId("partnership-report");
        getFooter().add(report, new Button(getTranslation("action.close"), e -> close()));
        refresh();
    }

    private HorizontalLayout adding(ComboBox<?> picker, Runnable add) {
        Button button = new Button(getTranslation("partnership.add"), e -> {
            if (picker.getValue() == null) {
                return;
            }
            try {
                add.run();
                picker.clear();
                refresh();
            } catch (InvalidInputException ex) {
                FormErrors.show(ex, this, Map.of("organisation", picker, "coordinator", picker));
            }
        });
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        picker.setWidthFull();
        HorizontalLayout row = new HorizontalLayout(picker, button);
        row.setWidthFull();
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return row;
    }

    private Button remove(Runnable action) {
        Button button = new Button(getTranslation("partnership.remove"), e -> {
            try {
                action.run();
                refresh();
            } catch (InvalidInputException ex) {
                org.encounter.base.ui.Notifications.error(getTranslation(ex.errors().getFirst().messageKey()));
            }
        });
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        return button;
    }

    private void refresh() {
        PartnershipDetail detail = partnerships.detail(partnershipId);
        setHeaderTitle(detail.name());
        members.setItems(detail.members());
        coordinators.setItems(detail.coordinators());
        newMember.getDataProvider().refreshAll();
        newCoordinator.getDataProvider().refreshAll();
    }
}
