package org.encounter.progress.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.text.NumberFormat;
import java.util.List;
import org.encounter.progress.ModuleImpact;

/**
 * Impact per module: for each statement the average change between the start and report-back ratings, and
 * the share who tried their planned action — from released cohorts of five only; newer answers are counted
 * as waiting, never shown.
 */
public class ImpactPanel extends VerticalLayout {

    public ImpactPanel(List<ModuleImpact> modules, boolean withTeam) {
        setPadding(false);
        setId("impact");
        add(new Paragraph(getTranslation("impact.intro-cohorts")));
        if (modules.isEmpty()) {
            add(new Paragraph(getTranslation("impact.none")));
        }
        for (ModuleImpact m : modules) {
            add(module(m, withTeam, true));
        }
    }

    /** One module's figures under a heading the page already shows (the intro too): nothing said twice. */
    static ImpactPanel figuresOnly(ModuleImpact m) {
        return new ImpactPanel(m);
    }

    private ImpactPanel(ModuleImpact m) {
        setPadding(false);
        setId("impact-" + m.moduleId());
        add(module(m, false, false));
    }

    private Div module(ModuleImpact m, boolean withTeam, boolean titled) {
        Div box = new Div();
        box.addClassName("impact-module");
        box.getElement().setAttribute("data-module", String.valueOf(m.moduleId()));
        if (titled) {
            box.add(new H3(m.title()));
        }
        for (ModuleImpact.Statement s : m.statements()) {
            Div row = new Div(new Span(s.text()));
            row.addClassName("impact-statement");
            if (withTeam) {
                row.add(figure("impact.team", s.team(), false));
            }
            row.add(figure("impact.everyone", s.everyone(), false));
            box.add(row);
        }
        Div tried = new Div(new Span(getTranslation("impact.tried")));
        tried.addClassName("impact-statement");
        if (withTeam) {
            tried.add(figure("impact.team", m.teamTried(), true));
        }
        tried.add(figure("impact.everyone", m.everyoneTried(), true));
        box.add(tried);
        return box;
    }

    private Paragraph figure(String whoKey, ModuleImpact.Figure f, boolean share) {
        String text;
        if (!f.shown()) {
            text = getTranslation("impact.not-enough", f.waiting());
        } else if (share) {
            text = getTranslation("impact.share", NumberFormat.getPercentInstance(getLocale()).format(f.value()), f.people());
        } else {
            NumberFormat n = NumberFormat.getNumberInstance(getLocale());
            n.setMinimumFractionDigits(1);
            n.setMaximumFractionDigits(1);
            String change = (f.value() > 0 ? "+" : f.value() < 0 ? "−" : "±") + n.format(Math.abs(f.value()));
            text = getTranslation("impact.change", change, f.people());
        }
        if (f.shown() && f.waiting() > 0) {
            text += " · " + getTranslation("impact.waiting", f.waiting());
        }
        Paragraph p = new Paragraph(getTranslation(whoKey) + ": " + text);
        p.addClassName(f.shown() ? "impact-figure" : "impact-not-enough");
        return p;
    }
}
