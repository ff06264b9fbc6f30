package org.encounter.learning.ui;

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
import java.util.List;
import org.encounter.base.InvalidInputException;
import org.encounter.base.ui.Notifications;
import org.encounter.identity.Role;
import org.encounter.learning.PathwayService;
import org.encounter.learning.PathwayService.OrganisationProgress;
import org.encounter.learning.PathwayService.PartnershipChoice;

/**
 * A partnership's induction pathway, for its coordinators: define it ({@link PathwayForm}) and follow its starters,
 * counted per member organisation. No starter's name is on this page.
 */
@Route("pathways")
@RolesAllowed({Role.Names.ADMIN, Role.Names.COORDINATOR})
@Menu(order = 97, title = "menu.pathways", icon = "vaadin:road-branches")
public class PathwaysView extends VerticalLayout implements HasDynamicTitle {

    private final transient PathwayService pathways;
    private final Select<PartnershipChoice> partnership = new Select<>();
    private final Div editor = new Div();
    private final Grid<OrganisationProgress> progress = new Grid<>();
    private PathwayForm form;

    public PathwaysView(PathwayService pathways) {
        this.pathways = pathways;
        addClassName("view");
        add(new H1(getTranslation("pathways.title")), new Paragraph(getTranslation("pathways.intro")));
        List<PartnershipChoice> partnerships = pathways.partnerships();
        if (partnerships.isEmpty()) {
            add(new Paragraph(getTranslation("pathways.no-partnership")));
            return;
        }
        partnership.setLabel(getTranslation("pathways.partnership"));
        partnership.setId("pathways-partnership");
        partnership.setItems(partnerships);
        partnership.setItemLabelGenerator(PartnershipChoice::name);
        partnership.addValueChangeListener(e -> refresh());
        editor.setWidthFull();
        progress.setId("pathways-progress");
        progress.setAllRowsVisible(true);
        progress.addColumn(OrganisationProgress::organisation).setHeader(getTranslation("pathways.organisation"))
                .setFlexGrow(3);
        progress.addColumn(OrganisationProgress::starters).setHeader(getTranslation("pathways.starters"));
        progress.addColumn(OrganisationProgress::completed).setHeader(getTranslation("pathways.completed"));
        progress.addColumn(OrganisationProgress::onTrack).setHeader(getTranslation("pathways.on-track"));
        progress.addColumn(OrganisationProgress::overdue).setHeader(getTranslation("pathways.overdue"));
        add(partnership, editor, new H2(getTranslation("pathways.progress")),
                new Paragraph(getTranslation("pathways.progress-help")), progress);
        partnership.setValue(partnerships.get(0));
    }

    private void refresh() {
        PartnershipChoice p = partnership.getValue();
        if (p == null) {
            return;
        }
        form = new PathwayForm(pathways.choices(p.id()), pathways.pathway(p.id()).orElse(null), this::save);
        editor.removeAll();
        editor.add(form);
        progress.setItems(pathways.progress(p.id()));
    }

    private void save(PathwayForm.Draft draft) {
        PartnershipChoice p = partnership.getValue();
        try {
            pathways.save(p.id(), draft.name(), draft.moduleIds(), draft.dueDays());
            Notifications.success(getTranslation("pathway.saved"));
            progress.setItems(pathways.progress(p.id()));
        } catch (InvalidInputException e) {
            form.show(e);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("pathways.title") + " · " + getTranslation("app.name");
    }
}
