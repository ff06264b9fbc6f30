package org.encounter.progress.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import java.util.List;
import org.encounter.base.ui.Chart;

/** A chart with the same numbers as a table beside it, for screen readers and for people who prefer reading. */
final class ProgressCharts {

    /**
     * Status colours: completed green, overdue and expired red, expiring orange, awaiting report back reddish
     * purple, the rest blue and grey. Each reaches 3:1 against white (WCAG 1.4.11); the sky blue once used for
     * "awaiting report back" (#56b4e9) had 2.3:1.
     */
    static final List<String> STATUS_COLOURS = List.of("#6b7280", "#0072b2", "#b0569a", "#009e73", "#c0392b",
            "#d55e00", "#7f1d1d");

    private ProgressCharts() {
    }

    static Component completions(String caption, List<String> months, List<Long> counts, String monthHeader,
                                 String countHeader) {
        Chart chart = Chart.bar(caption, months, List.of(new Chart.Series(countHeader, counts)));
        return box("chart-completions", chart, chart.tableAlternative(chart.getTranslation("progress.chart.as-table"),
                monthHeader));
    }

    static Component statuses(String caption, List<String> statuses, List<Long> counts, String statusHeader,
                              String countHeader) {
        List<String> colours = statuses.size() == STATUS_COLOURS.size() ? STATUS_COLOURS : null;
        Chart chart = Chart.bar(caption, statuses, List.of(new Chart.Series(countHeader, counts, colours)))
                .setHorizontal(true);
        return box("chart-statuses", chart, chart.tableAlternative(chart.getTranslation("progress.chart.as-table"),
                statusHeader));
    }

    private static Div box(String id, Chart chart, Component table) {
        Div box = new Div(chart, table);
        box.addClassName("progress-chart");
        box.setId(id);
        chart.setWidthFull();
        return box;
    }
}
