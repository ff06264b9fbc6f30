package org.encounter.progress.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import java.text.NumberFormat;
import org.encounter.progress.ModuleImpact;
import org.encounter.progress.PartnershipReport;

/**
 * One shared module in the partnership report: a row per member organisation and a combined row; columns for
 * completions (in whole fives), "tried it" and each impact statement's average change. A figure not yet released
 * reads "fewer than five".
 */
class PartnershipModuleTable extends Div {

    PartnershipModuleTable(PartnershipReport.ModuleRows module) {
        addClassName("partnership-report-module");
        setWidthFull();
        Grid<PartnershipReport.Row> grid = new Grid<>();
        grid.setId("partnership-report-module-" + module.moduleId());
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.addColumn(r -> r.combined() ? getTranslation("partnership-report.combined") : r.organisation())
                .setHeader(getTranslation("partnership-report.organisation")).setAutoWidth(true).setFlexGrow(2);
        grid.addColumn(r -> r.completions() == 0 ? getTranslation("partnership-report.fewer-than-five")
                : String.valueOf(r.completions())).setHeader(getTranslation("partnership-report.completions"));
        grid.addColumn(r -> share(r.tried())).setHeader(getTranslation("impact.tried"));
        for (int i = 0; i < module.statements().size(); i++) {
            int statement = i;
            grid.addColumn(r -> change(r.statements().get(statement))).setHeader(module.statements().get(i));
        }
        grid.setItems(module.rows());
        add(new H2(module.title()), grid);
    }

    private String share(ModuleImpact.Figure f) {
        if (!f.shown()) {
            return getTranslation("partnership-report.fewer-than-five");
        }
        return getTranslation("impact.share", NumberFormat.getPercentInstance(getLocale()).format(f.value()),
                f.people());
    }

    private String change(ModuleImpact.Figure f) {
        if (!f.shown()) {
            return getTranslation("partnership-report.fewer-than-five");
        }
        NumberFormat n = NumberFormat.getNumberInstance(getLocale());
        n.setMinimumFractionDigits(1);
        n.setMaximumFractionDigits(1);
        String sign = f.value() > 0 ? "+" : f.value() < 0 ? "−" : "±";
        return getTranslation("impact.change", sign + n.format(Math.abs(f.value())), f.people());
    }
}
