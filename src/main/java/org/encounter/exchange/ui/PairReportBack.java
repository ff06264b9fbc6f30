package org.encounter.exchange.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Map;
import org.encounter.base.InvalidInputException;
import org.encounter.base.ui.FormErrors;
import org.encounter.base.ui.LengthLimit;
import org.encounter.base.ui.Notifications;
import org.encounter.exchange.ExchangeReportBacks;

/**
 * A completed partner's report back on the exchange, private to them, and the offer to make it a story of change
 * (named or anonymous), which curators review like any other story.
 */
class PairReportBack extends VerticalLayout {

    PairReportBack(ExchangeReportBacks reportBacks, long pairId) {
        setPadding(false);
        setId("pair-report-back");
        var mine = reportBacks.mine(pairId);
        TextArea tried = area("story.tried", "report-tried", mine.map(ExchangeReportBacks.ReportBack::tried));
        TextArea happened = area("story.happened", "report-happened",
                mine.map(ExchangeReportBacks.ReportBack::happened));
        TextArea learned = area("story.learned", "report-learned", mine.map(ExchangeReportBacks.ReportBack::learned));
        Button save = new Button(getTranslation("exchange.report-back.save"), e -> {
            try {
                reportBacks.write(pairId, tried.getValue(), happened.getValue(), learned.getValue());
                Notifications.success(getTranslation("exchange.report-back.saved"));
                FormErrors.clear(Map.of("tried", tried, "happened", happened, "learned", learned));
            } catch (InvalidInputException ex) {
                FormErrors.show(ex, this, Map.of("tried", tried, "happened", happened, "learned", learned));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("report-save");

        TextField title = LengthLimit.apply(new TextField(getTranslation("story.title")),
                ExchangeReportBacks.TITLE_MAX);
        title.setWidthFull();
        title.setId("story-title");
        Checkbox anonymous = new Checkbox(getTranslation("story.anonymous"));
        anonymous.setHelperText(getTranslation("story.anonymous-help"));
        anonymous.setId("story-anonymous");
        Button offer = new Button(getTranslation("exchange.story.offer"), e -> {
            try {
                reportBacks.offerAsStory(pairId, title.getValue(), anonymous.getValue());
                Notifications.success(getTranslation("exchange.story.offered"));
                FormErrors.clear(Map.of("title", title));
            } catch (InvalidInputException ex) {
                FormErrors.show(ex, this, Map.of("title", title, "tried", tried, "happened", happened,
                        "learned", learned));
            }
        });
        offer.setId("story-offer");
        add(new H2(getTranslation("exchange.report-back.title")),
                new Paragraph(getTranslation("exchange.report-back.help")), tried, happened, learned, save,
                new H3(getTranslation("exchange.story.title")), new Paragraph(getTranslation("exchange.story.help")),
                title, anonymous, offer);
    }

    private TextArea area(String labelKey, String id, java.util.Optional<String> value) {
        TextArea area = LengthLimit.apply(new TextArea(getTranslation(labelKey)), ExchangeReportBacks.TEXT_MAX);
        area.setWidthFull();
        area.setId(id);
        value.ifPresent(area::setValue);
        return area;
    }
}
