package org.encounter.learning.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Dates as people here write them (fi 24.11.2026, sv 2026-11-24, en 24/11/2026); any of them is understood. */
final class ActionDates {

    private static final List<String> FORMATS = List.of("d.M.yyyy", "yyyy-MM-dd", "d/M/yyyy");

    private ActionDates() {
    }

    static DatePicker.DatePickerI18n formats(Locale locale) {
        String language = locale.getLanguage();
        String primary = language.equals("fi") ? "d.M.yyyy" : language.equals("sv") ? "yyyy-MM-dd" : "d/M/yyyy";
        List<String> others = new ArrayList<>(FORMATS);
        others.remove(primary);
        return new DatePicker.DatePickerI18n().setDateFormats(primary, others.toArray(String[]::new));
    }
}
