package org.encounter.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.html.NativeDetails;
import java.util.List;
import java.util.Locale;
import org.encounter.base.ui.Chart;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ChartTest {

    private static final List<String> MONTHS = List.of("Jan", "Feb", "Mar");

    private Locale defaultLocale;

    @BeforeEach
    void englishNumbers() {
        defaultLocale = Locale.getDefault();
        Locale.setDefault(Locale.UK);
    }

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(defaultLocale);
    }

    @Test
    void a_bar_chart_sends_its_labels_series_and_numbers_to_the_browser() {
        Chart chart = Chart.bar("Completions per month", MONTHS,
                List.of(new Chart.Series("Completed", List.of(3, 0, 12)),
                        new Chart.Series("Started", List.of(5L, 2L, 1234L), List.of("#123456"))))
                .setStacked(true);

        JsonNode config = config(chart);
        assertThat(config.get("type").asString()).isEqualTo("bar");
        assertThat(config.get("stacked").asBoolean()).isTrue();
        assertThat(config.get("horizontal").asBoolean()).isFalse();
        assertThat(config.get("labels").values()).extracting(JsonNode::asString).containsExactly("Jan", "Feb", "Mar");
        JsonNode completed = config.get("series").get(0);
        assertThat(completed.get("label").asString()).isEqualTo("Completed");
        assertThat(completed.get("values").values()).extracting(JsonNode::asInt).containsExactly(3, 0, 12);
        assertThat(completed.get("values").get(0).isIntegralNumber()).as("counts stay whole numbers").isTrue();
        assertThat(completed.has("colours")).isFalse();
        JsonNode started = config.get("series").get(1);
        assertThat(started.get("values").values()).extracting(JsonNode::asLong).containsExactly(5L, 2L, 1234L);
        assertThat(started.get("colours").values()).extracting(JsonNode::asString).containsExactly("#123456");
        assertThat(chart.getElement().getProperty("label")).isEqualTo("Completions per month");
    }

    @Test
    void the_table_alternative_holds_the_same_numbers_with_caption_and_headers() {
        Chart chart = Chart.bar("Completions per month", MONTHS,
                List.of(new Chart.Series("Completed", List.of(3, 0, 12)),
                        new Chart.Series("Started", List.of(5, 2, 1234))));

        NativeDetails details = chart.tableAlternative("Show as a table", "Month");

        Document html = Jsoup.parseBodyFragment(details.getElement().getOuterHTML());
        assertThat(html.select("details > summary").text()).isEqualTo("Show as a table");
        assertThat(html.select("details table > caption").text()).isEqualTo("Completions per month");
        assertThat(html.select("thead th[scope=col]")).extracting(Element::text)
                .containsExactly("Month", "Completed", "Started");
        assertThat(html.select("tbody th[scope=row]")).extracting(Element::text).containsExactly("Jan", "Feb", "Mar");
        assertThat(html.select("tbody tr")).extracting(tr -> tr.select("td").eachText())
                .containsExactly(List.of("3", "5"), List.of("0", "2"), List.of("12", "1,234"));
    }

    @Test
    void new_data_reaches_both_the_chart_and_its_table() {
        Chart chart = Chart.doughnut("Where people are", List.of("Not started", "In progress"),
                new Chart.Series("People", List.of(4, 6)));
        NativeDetails details = chart.tableAlternative("Show as a table", "Status");

        chart.setData(List.of("Not started", "In progress", "Completed"),
                List.of(new Chart.Series("People", List.of(1, 2, 7))));

        assertThat(config(chart).get("type").asString()).isEqualTo("doughnut");
        assertThat(config(chart).get("series").get(0).get("values").values()).extracting(JsonNode::asInt)
                .containsExactly(1, 2, 7);
        Document html = Jsoup.parseBodyFragment(details.getElement().getOuterHTML());
        assertThat(html.select("tbody th[scope=row]")).extracting(Element::text)
                .containsExactly("Not started", "In progress", "Completed");
        assertThat(html.select("tbody td")).extracting(Element::text).containsExactly("1", "2", "7");
        assertThat(html.select("thead")).hasSize(1);
        assertThat(html.select("tbody")).hasSize(1);
    }

    @Test
    void numbers_that_do_not_match_the_labels_are_refused() {
        assertThatThrownBy(() -> Chart.bar("x", MONTHS, List.of(new Chart.Series("Completed", List.of(1, 2)))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Chart.bar("x", MONTHS, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    private static JsonNode config(Chart chart) {
        return (JsonNode) chart.getElement().getPropertyRaw("config");
    }
}
