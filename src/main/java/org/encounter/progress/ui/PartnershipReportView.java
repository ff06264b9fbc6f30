package org.encounter.progress.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.encounter.base.ui.DownloadLink;
import org.encounter.identity.Role;
import org.encounter.progress.PartnershipReport;
import org.encounter.progress.PartnershipReportService;

/**
 * A partnership's report for its coordinators and the platform admin: per shared module, each member organisation's
 * figures and the combined ones, and the same as CSV. Reached from the Partnerships page by this route's address.
 */
@Route("partnerships/:id/report")
@RolesAllowed({Role.Names.ADMIN, Role.Names.COORDINATOR})
public class PartnershipReportView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final PartnershipReportService reports;
    private String name = "";

    public PartnershipReportView(PartnershipReportService reports) {
        this.reports = reports;
        addClassName("view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = event.getRouteParameters().getLong("id").orElse(-1L);
        PartnershipReport report = reports.report(id);
        name = report.name();
        removeAll();
        add(new H1(getTranslation("partnership-report.title", name)));
        add(new Paragraph(getTranslation("partnership-report.intro")));
        Anchor csv = DownloadLink.of(getTranslation("partnership-report.csv.download"), "partnership-report.csv",
                DownloadLink.CSV, () -> reports.csv(id, getLocale()));
        csv.setId("partnership-report-csv");
        add(csv);
        if (report.modules().isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("partnership-report.none"));
            none.setId("partnership-report-none");
            add(none);
        }
        report.modules().forEach(m -> add(new PartnershipModuleTable(m)));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("partnership-report.title", name) + " · " + getTranslation("app.name");
    }
}
