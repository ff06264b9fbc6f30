package org.encounter.progress.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.encounter.identity.Role;
import org.encounter.learning.AttemptStatus;
import org.encounter.progress.ImpactService;
import org.encounter.progress.OrganisationProgressService;

/**
 * Admins: completions by month, attempts by status, overdue assignments and certificates of what they administer;
 * the platform admin sees the whole installation and impact per module, an organisation admin their organisation.
 */
@Route("admin/overview")
@RolesAllowed({Role.Names.ADMIN, Role.Names.ORG_ADMIN})
@Menu(order = 89, title = "menu.admin-overview", icon = "vaadin:chart")
public class OrganisationOverviewView extends VerticalLayout implements HasDynamicTitle {

    public OrganisationOverviewView(OrganisationProgressService organisation, ImpactService impact) {
        addClassName("view");
        OrganisationProgressService.Overview o = organisation.overview();
        add(new H1(getTranslation("overview.title")));
        if (!o.everywhere()) {
            Paragraph which = new Paragraph(String.join(", ", o.organisations()));
            which.setId("overview-organisation");
            add(which);
        }
        Paragraph figures = new Paragraph(getTranslation("overview.figures", o.overdue(), o.certificates().valid(),
                o.certificates().expiring(), o.certificates().expired()));
        figures.setId("overview-figures");
        add(figures);
        DateTimeFormatter month = DateTimeFormatter.ofPattern("LLL yyyy", getLocale());
        add(new H2(getTranslation("progress.chart.completions")));
        add(ProgressCharts.completions(getTranslation("progress.chart.completions"),
                o.months().stream().map(month::format).toList(), o.completions(), getTranslation("progress.chart.month"),
                getTranslation("progress.chart.count")));
        List<String> statuses = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        for (AttemptStatus s : AttemptStatus.values()) {
            statuses.add(getTranslation(s.labelKey()));
            counts.add(o.attempts().getOrDefault(s, 0L));
        }
        add(new H2(getTranslation("overview.attempts")));
        add(ProgressCharts.statuses(getTranslation("overview.attempts"), statuses, counts,
                getTranslation("progress.filter.status"), getTranslation("progress.chart.count")));
        if (o.everywhere()) {
            add(new H2(getTranslation("impact.title")));
            add(new ImpactPanel(impact.everywhere(), false));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("overview.title") + " · " + getTranslation("app.name");
    }
}
