package org.encounter.authoring.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;
import org.encounter.authoring.ModuleSharing;
import org.encounter.authoring.ModuleSharing.PartnershipRef;
import org.encounter.authoring.ModuleSharing.SharedModule;
import org.encounter.base.Dates;
import org.encounter.base.InvalidInputException;
import org.encounter.base.ui.FormErrors;
import org.encounter.base.ui.Notifications;
import org.encounter.base.ui.ShortButton;
import org.encounter.identity.Role;

/**
 * The shared catalogue of a partnership: which published modules it shares with every member organisation, sharing
 * another, and stopping a share. A coordinator shares any member's modules; an organisation admin their own's.
 */
@Route("shared-catalogue")
@RolesAllowed({Role.Names.ADMIN, Role.Names.ORG_ADMIN, Role.Names.COORDINATOR})
@Menu(order = 96, title = "menu.shared-catalogue", icon = "vaadin:share")
public class SharedCatalogueView extends VerticalLayout implements HasDynamicTitle {

    private final transient ModuleSharing sharing;
    private final Select<PartnershipRef> partnership = new Select<>();
    private final Grid<SharedModule> shared = new Grid<>();
    private final ComboBox<SharedModule> toShare = new ComboBox<>();
    private final Paragraph none = new Paragraph();

    public SharedCatalogueView(ModuleSharing sharing, Dates dates) {
        this.sharing = sharing;
        addClassName("view");
        add(new H1(getTranslation("sharing.title")), new Paragraph(getTranslation("sharing.intro")));
        List<PartnershipRef> partnerships = sharing.partnerships();
        if (partnerships.isEmpty()) {
            add(new Paragraph(getTranslation("sharing.no-partnership")));
            return;
        }
        partnership.setLabel(getTranslation("sharing.partnership"));
        partnership.setId("sharing-partnership");
        partnership.setItems(partnerships);
        partnership.setItemLabelGenerator(PartnershipRef::name);
        partnership.addValueChangeListener(e -> refresh());

        shared.setId("shared-modules");
        shared.setAllRowsVisible(true);
        shared.setWidthFull();
        shared.addColumn(SharedModule::title).setHeader(getTranslation("sharing.module")).setFlexGrow(2);
        shared.addColumn(SharedModule::host).setHeader(getTranslation("sharing.host")).setFlexGrow(2);
        shared.addColumn(m -> m.sharedAt() == null ? "" : dates.dates(FormatStyle.MEDIUM, getLocale())
                .format(m.sharedAt())).setHeader(getTranslation("sharing.since"));
        shared.addComponentColumn(m -> {
            Button stop = ShortButton.create(getTranslation("sharing.stop"),
                    getTranslation("sharing.stop-named", m.title()), e -> stop(m));
            stop.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            return stop;
        }).setHeader(getTranslation("sharing.actions"));

        toShare.setLabel(getTranslation("sharing.choose"));
        toShare.setId("sharing-module");
        toShare.setWidthFull();
        toShare.setItemLabelGenerator(m -> m.title() + " (" + m.host() + ")");
        Button share = new Button(getTranslation("sharing.share"), e -> share());
        share.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        share.setId("sharing-share");
        Div add = new Div(new H2(getTranslation("sharing.add")), new Paragraph(getTranslation("sharing.add-help")),
                toShare, share);
        add.addClassName("home-card");

        add(partnership, new H2(getTranslation("sharing.now")), none, shared, add);
        partnership.setValue(partnerships.get(0));
    }

    private void refresh() {
        PartnershipRef p = partnership.getValue();
        if (p == null) {
            return;
        }
        List<SharedModule> current = sharing.shared(p.id());
        shared.setItems(current);
        shared.setVisible(!current.isEmpty());
        none.setText(current.isEmpty() ? getTranslation("sharing.none", p.name()) : "");
        none.setVisible(current.isEmpty());
        toShare.clear();
        toShare.setItems(query -> sharing.shareable(p.id(), query.getFilter().orElse(""))
                .stream().skip(query.getOffset()).limit(query.getLimit()));
    }

    private void share() {
        PartnershipRef p = partnership.getValue();
        SharedModule m = toShare.getValue();
        if (m == null) {
            toShare.setInvalid(true);
            toShare.setErrorMessage(getTranslation("sharing.choose-required"));
            return;
        }
        try {
            sharing.share(m.moduleId(), p.id());
            Notifications.success(getTranslation("sharing.shared", m.title(), p.name()));
            refresh();
        } catch (InvalidInputException ex) {
            FormErrors.show(ex, this, Map.of("module", toShare));
        }
    }

    private void stop(SharedModule m) {
        PartnershipRef p = partnership.getValue();
        sharing.stopSharing(m.moduleId(), p.id());
        Notifications.success(getTranslation("sharing.stopped", m.title(), p.name()));
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("sharing.title") + " · " + getTranslation("app.name");
    }
}
