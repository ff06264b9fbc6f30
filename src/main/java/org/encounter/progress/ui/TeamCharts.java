package org.encounter.progress.ui;

import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.encounter.progress.CellStatus;
import org.encounter.progress.TeamProgressService;

/** Completions per month and the current status distribution, each drawn and also given as a table. */
class TeamCharts extends VerticalLayout {

    TeamCharts(TeamProgressService.TeamCharts data) {
        setPadding(false);
        setWidthFull();
        setId("progress-charts");
        DateTimeFormatter month = DateTimeFormatter.ofPattern("LLL yyyy", getLocale());
        List<String> months = data.months().stream().map(m -> month.format(m)).toList();
        List<String> statuses = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        for (CellStatus s : CellStatus.values()) {
            statuses.add(getTranslation(s.labelKey()));
            counts.add(data.statuses().getOrDefault(s, 0L));
        }
        add(new H3(getTranslation("progress.chart.completions")));
        add(ProgressCharts.completions(getTranslation("progress.chart.completions"), months, data.completions(),
                getTranslation("progress.chart.month"), getTranslation("progress.chart.count")));
        add(new H3(getTranslation("progress.chart.statuses")));
        add(ProgressCharts.statuses(getTranslation("progress.chart.statuses"), statuses, counts,
                getTranslation("progress.filter.status"), getTranslation("progress.chart.count")));
    }

}
