package org.encounter.progress.ui;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.FooterRow;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.encounter.identity.PersonRef;
import org.encounter.progress.Cell;
import org.encounter.progress.CellStatus;
import org.encounter.progress.TeamProgress;

/**
 * The member × module grid: a cell's status as text (coloured by part name), its dates in the cell's tooltip
 * (hover or keyboard focus), totals per module in the footer and per member in the last column.
 */
class ProgressMatrix extends Grid<PersonRef> {

    private final DateTimeFormatter dates;

    ProgressMatrix(TeamProgress p, org.encounter.base.Dates calendar) {
        Grid<PersonRef> grid = this;
        dates = calendar.dates(FormatStyle.MEDIUM, getLocale());
        grid.setId("progress-matrix");
        grid.addThemeVariants(GridVariant.LUMO_COLUMN_BORDERS, GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.setAriaLabel(getTranslation("progress.matrix-label", p.teamName()));
        Grid.Column<PersonRef> name = grid.addColumn(PersonRef::displayName)
                .setHeader(getTranslation("progress.member")).setFrozen(true).setAutoWidth(true).setFlexGrow(0);
        FooterRow footer = grid.appendFooterRow();
        footer.getCell(name).setText(getTranslation("progress.totals"));
        for (TeamProgress.ModuleColumn m : p.modules()) {
            Grid.Column<PersonRef> column = grid.addColumn(r -> p.cell(r.id(), m.moduleId())
                            .map(c -> getTranslation(c.status().labelKey())).orElse("–"))
                    .setHeader(header(m.title())).setWidth("11rem").setFlexGrow(0).setKey("module-" + m.moduleId());
            column.setTooltipGenerator(r -> p.cell(r.id(), m.moduleId()).map(this::tooltip).orElse(null));
            column.setPartNameGenerator(r -> p.cell(r.id(), m.moduleId())
                    .map(c -> "cell-" + c.status().name().toLowerCase().replace('_', '-')).orElse(null));
            footer.getCell(column).setText(totals(p.totalsByModule().get(m.moduleId())));
        }
        Grid.Column<PersonRef> memberTotals = grid.addColumn(r -> totals(p.totalsByMember().get(r.id())))
                .setHeader(getTranslation("progress.totals")).setAutoWidth(true).setTextAlign(ColumnTextAlign.START);
        memberTotals.setKey("totals");
        grid.setItems(p.members());
    }

    /** A module's title wraps in its column rather than being cut, and its full text is the header's tooltip. */
    private static com.vaadin.flow.component.html.Span header(String title) {
        com.vaadin.flow.component.html.Span header = new com.vaadin.flow.component.html.Span(title);
        header.addClassName("matrix-header");
        header.setTitle(title);
        return header;
    }

    private String tooltip(Cell c) {
        List<String> lines = new ArrayList<>();
        lines.add(getTranslation(c.status().labelKey()));
        add(lines, "progress.started", c.startedAt());
        add(lines, "progress.completed", c.completedAt());
        if (c.dueDate() != null) {
            lines.add(getTranslation("progress.due", dates.format(c.dueDate())));
        }
        add(lines, "progress.valid-until", c.validUntil());
        return String.join("\n", lines);
    }

    private void add(List<String> lines, String key, Instant at) {
        if (at != null) {
            lines.add(getTranslation(key, dates.format(at)));
        }
    }

    private String totals(Map<CellStatus, Integer> counts) {
        if (counts == null || counts.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((s, n) -> parts.add(n + " " + getTranslation(s.labelKey()).toLowerCase(getLocale())));
        return String.join(" · ", parts);
    }

}
