package org.encounter.progress.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.dom.Element;
import java.util.List;

/** A chart with the same numbers as a table beside it, for screen readers and for people who prefer reading. */
final class ProgressCharts {

    private ProgressCharts() {
    }

    static Component completions(String caption, List<String> months, List<Long> counts, String monthHeader,
                                 String countHeader) {
        Div box = new Div();
        box.addClassName("progress-chart");
        box.setId("chart-completions");
        box.add(table(caption, months, counts, monthHeader, countHeader));
        return box;
    }

    static Component statuses(String caption, List<String> statuses, List<Long> counts, String statusHeader,
                              String countHeader) {
        Div box = new Div();
        box.addClassName("progress-chart");
        box.setId("chart-statuses");
        box.add(table(caption, statuses, counts, statusHeader, countHeader));
        return box;
    }

    private static Details table(String caption, List<String> labels, List<Long> counts, String labelHeader,
                                 String countHeader) {
        Element table = new Element("table");
        table.appendChild(new Element("caption").setText(caption));
        Element head = new Element("tr");
        head.appendChild(new Element("th").setAttribute("scope", "col").setText(labelHeader),
                new Element("th").setAttribute("scope", "col").setText(countHeader));
        table.appendChild(new Element("thead").appendChild(head));
        Element body = new Element("tbody");
        for (int i = 0; i < labels.size(); i++) {
            Element row = new Element("tr");
            row.appendChild(new Element("th").setAttribute("scope", "row").setText(labels.get(i)),
                    new Element("td").setText(String.valueOf(counts.get(i))));
            body.appendChild(row);
        }
        table.appendChild(body);
        Div holder = new Div();
        holder.getElement().appendChild(table);
        holder.addClassName("chart-table");
        Details details = new Details(holder.getTranslation("progress.chart.as-table"), holder);
        return details;
    }
}
