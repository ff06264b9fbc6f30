package org.encounter.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.component.html.NativeDetails;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableRow;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.text.NumberFormat;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A bar or doughnut chart drawn in the browser by Chart.js, with the same numbers available as a
 * real HTML table ({@link #tableAlternative}). Every text passed in is shown as is: callers
 * translate first.
 *
 * <pre>{@code
 * // label, completed, showTable and month: texts already translated by the view
 * Chart chart = Chart.bar(label, monthNames, List.of(new Chart.Series(completed, counts)));
 * add(chart, chart.tableAlternative(showTable, month));
 * }</pre>
 */
@Tag("encounter-chart")
@NpmPackage(value = "chart.js", version = "4.6.1")
@JsModule("./components/encounter-chart.js")
public class Chart extends Component implements HasSize {

    /** One row of numbers; {@code colours} (CSS colours, one or one per value) may be null for the palette. */
    public record Series(String label, List<? extends Number> values, List<String> colours) {

        public Series {
            Objects.requireNonNull(label, "label");
            values = List.copyOf(values);
            colours = colours == null ? null : List.copyOf(colours);
        }

        public Series(String label, List<? extends Number> values) {
            this(label, values, null);
        }
    }

    private enum Kind { BAR, DOUGHNUT }

    private final Kind kind;
    private List<String> labels;
    private List<Series> series;
    private boolean stacked;
    private boolean horizontal;
    private String title;
    private final NativeTable table = new NativeTable();
    private NativeDetails details;
    private String categoryHeader = "";

    private Chart(Kind kind, String accessibleLabel, List<String> labels, List<Series> series) {
        this.kind = kind;
        getElement().setProperty("label", Objects.requireNonNull(accessibleLabel, "accessibleLabel"));
        table.setCaptionText(accessibleLabel);
        table.addClassName("chart-table");
        setData(labels, series);
    }

    /** Bars, one group per label and one bar per series in each group. */
    public static Chart bar(String accessibleLabel, List<String> labels, List<Series> series) {
        return new Chart(Kind.BAR, accessibleLabel, labels, series);
    }

    /** One ring of slices, one slice per label. */
    public static Chart doughnut(String accessibleLabel, List<String> labels, Series series) {
        return new Chart(Kind.DOUGHNUT, accessibleLabel, labels, List.of(series));
    }

    /** Replaces the numbers; the chart and its table follow. */
    public final Chart setData(List<String> labels, List<Series> series) {
        List<String> newLabels = List.copyOf(labels);
        List<Series> newSeries = List.copyOf(series);
        if (newSeries.isEmpty() || (kind == Kind.DOUGHNUT && newSeries.size() != 1)) {
            throw new IllegalArgumentException("a bar chart needs a series, a doughnut exactly one");
        }
        for (Series s : newSeries) {
            if (s.values().size() != newLabels.size()) {
                throw new IllegalArgumentException("series '" + s.label() + "' has " + s.values().size()
                        + " values for " + newLabels.size() + " labels");
            }
        }
        this.labels = newLabels;
        this.series = newSeries;
        update();
        return this;
    }

    /** Stacks a bar chart's series on top of each other instead of side by side. */
    public Chart setStacked(boolean stacked) {
        this.stacked = stacked;
        update();
        return this;
    }

    /** Lays a bar chart's bars along the horizontal axis, which suits long category names. */
    public Chart setHorizontal(boolean horizontal) {
        this.horizontal = horizontal;
        update();
        return this;
    }

    /** A title drawn above the chart; usually the page's own heading is better, so none by default. */
    public Chart setTitle(String title) {
        this.title = title;
        update();
        return this;
    }

    /** The drawing's height as a CSS length (260px unless set); its width follows its container. */
    public Chart setChartHeight(String cssLength) {
        getElement().getStyle().set("--encounter-chart-height", cssLength);
        return this;
    }

    /**
     * The same numbers as a table in a closed {@code <details>}, for screen readers and for people
     * who would rather read: the chart's label is its caption, a column per series, a row per label.
     */
    public NativeDetails tableAlternative(String summary, String categoryHeader) {
        this.categoryHeader = Objects.requireNonNull(categoryHeader, "categoryHeader");
        if (details == null) {
            details = new NativeDetails(summary, table);
            details.addClassName("chart-table-details");
        } else {
            details.setSummaryText(summary);
        }
        fillTable();
        return details;
    }

    private void update() {
        getElement().setPropertyJson("config", config());
        fillTable();
    }

    private ObjectNode config() {
        ObjectNode config = JsonNodeFactory.instance.objectNode();
        config.put("type", kind == Kind.BAR ? "bar" : "doughnut");
        config.put("stacked", stacked);
        config.put("horizontal", horizontal);
        if (title != null && !title.isBlank()) {
            config.put("title", title);
        }
        config.put("locale", getLocale().toLanguageTag());
        ArrayNode labelArray = config.putArray("labels");
        labels.forEach(labelArray::add);
        ArrayNode seriesArray = config.putArray("series");
        for (Series s : series) {
            ObjectNode node = seriesArray.addObject();
            node.put("label", s.label());
            ArrayNode values = node.putArray("values");
            s.values().forEach(v -> addNumber(values, v));
            if (s.colours() != null) {
                ArrayNode colours = node.putArray("colours");
                s.colours().forEach(colours::add);
            }
        }
        return config;
    }

    private static void addNumber(ArrayNode array, Number value) {
        switch (value) {
            case Integer i -> array.add(i.intValue());
            case Long l -> array.add(l.longValue());
            case Short s -> array.add(s.intValue());
            case Byte b -> array.add(b.intValue());
            case BigInteger b -> array.add(b);
            case BigDecimal d -> array.add(d);
            default -> array.add(value.doubleValue());
        }
    }

    private void fillTable() {
        table.removeHead();
        table.removeBody();
        NumberFormat numbers = NumberFormat.getNumberInstance(getLocale());
        NativeTableRow head = table.getHead().addRow();
        head.addHeaderCell().setText(categoryHeader);
        series.forEach(s -> head.addHeaderCell().setText(s.label()));
        head.getHeaderCells().forEach(cell -> cell.getElement().setAttribute("scope", "col"));
        for (int row = 0; row < labels.size(); row++) {
            NativeTableRow tr = table.getBody().addRow();
            tr.addHeaderCell().setText(labels.get(row));
            tr.getHeaderCells().getFirst().getElement().setAttribute("scope", "row");
            for (Series s : series) {
                tr.addDataCell().setText(numbers.format(s.values().get(row)));
            }
        }
    }
}
