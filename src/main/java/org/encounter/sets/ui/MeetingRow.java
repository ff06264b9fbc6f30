package org.encounter.sets.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import org.encounter.base.ui.LengthLimit;
import org.encounter.sets.SetService;

/** One meeting in the set form: date, start and end time, and a place or an online link. */
class MeetingRow extends Div {

    private final Long id;
    final DatePicker date = org.encounter.base.ui.DatePickers.localise(new DatePicker());
    final TimePicker start = org.encounter.base.ui.DatePickers.localise(new TimePicker());
    final TimePicker end = org.encounter.base.ui.DatePickers.localise(new TimePicker());
    final TextField place = new TextField();
    final TextField link = new TextField();
    final Button remove = new Button(VaadinIcon.TRASH.create());
    private final H3 heading = new H3();

    MeetingRow(Long id, LocalDate day, LocalTime from, LocalTime to, String where, String url, boolean started) {
        this.id = id;
        addClassName("meeting-row");
        date.setLabel(getTranslation("meeting.date"));
        start.setLabel(getTranslation("meeting.start"));
        end.setLabel(getTranslation("meeting.end"));
        place.setLabel(getTranslation("meeting.place"));
        link.setLabel(getTranslation("meeting.link"));
        link.setHelperText(getTranslation("meeting.link-help"));
        LengthLimit.apply(place, 200);
        LengthLimit.apply(link, 500);
        date.setValue(day);
        start.setValue(from);
        end.setValue(to);
        place.setValue(where == null ? "" : where);
        link.setValue(url == null ? "" : url);
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        HorizontalLayout when = new HorizontalLayout(date, start, end);
        HorizontalLayout at = new HorizontalLayout(place, link);
        when.setWrap(true);
        at.setWrap(true);
        at.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new HorizontalLayout(heading, remove), when, at);
        if (started) {
            date.setReadOnly(true);
            start.setReadOnly(true);
            end.setReadOnly(true);
            place.setReadOnly(true);
            link.setReadOnly(true);
            remove.setVisible(false);
        }
    }

    /** Numbers the row (1-based) and gives its fields ids the browser tests and error messages use. */
    void number(int n) {
        heading.setText(getTranslation("meeting.number", n));
        remove.setAriaLabel(getTranslation("meeting.remove", n));
        date.setId("meeting-" + n + "-date");
        start.setId("meeting-" + n + "-start");
        end.setId("meeting-" + n + "-end");
        place.setId("meeting-" + n + "-place");
        link.setId("meeting-" + n + "-link");
        remove.setId("meeting-" + n + "-remove");
    }

    SetService.MeetingForm form() {
        return new SetService.MeetingForm(id, date.getValue(), start.getValue(), end.getValue(), place.getValue(),
                link.getValue());
    }

    /** This row's fields under the names the service reports errors with (0-based index). */
    void fields(int index, Map<String, HasValidation> into) {
        String p = "meeting." + index + ".";
        into.put(p + "date", date);
        into.put(p + "start", start);
        into.put(p + "end", end);
        into.put(p + "place", place);
        into.put(p + "link", link);
    }
}
