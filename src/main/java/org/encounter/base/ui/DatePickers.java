package org.encounter.base.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Date pickers that speak the reader's language: month and day names, the week from Monday, "Today" and
 * "Cancel", the messages for a date that can't be read or is out of range, and dates written as people here
 * write them (fi 24.11.2026, sv 2026-11-24, en 24/11/2026), any of which is understood when typed.
 */
public final class DatePickers {

    private static final List<String> FORMATS = List.of("d.M.yyyy", "yyyy-MM-dd", "d/M/yyyy");
    /** Vaadin counts days from Sunday (0): Monday starts the week in Finland, Sweden and the UK. */
    private static final int MONDAY = 1;

    private DatePickers() {
    }

    public static DatePicker create(String label) {
        return localise(new DatePicker(label));
    }

    public static DatePicker localise(DatePicker picker) {
        Locale locale = picker.getLocale() == null ? Locale.ENGLISH : picker.getLocale();
        picker.setLocale(locale);
        picker.setI18n(i18n(picker, locale));
        return picker;
    }

    static DatePicker.DatePickerI18n i18n(com.vaadin.flow.component.Component picker, Locale locale) {
        String language = locale.getLanguage();
        String primary = language.equals("fi") ? "d.M.yyyy" : language.equals("sv") ? "yyyy-MM-dd" : "d/M/yyyy";
        List<String> others = new ArrayList<>(FORMATS);
        others.remove(primary);
        List<DayOfWeek> fromSunday = new ArrayList<>(List.of(DayOfWeek.SUNDAY));
        fromSunday.addAll(Arrays.asList(DayOfWeek.values()).subList(0, 6));
        return new DatePicker.DatePickerI18n()
                .setDateFormats(primary, others.toArray(String[]::new))
                .setMonthNames(Arrays.stream(Month.values()).map(m -> capitalised(m.getDisplayName(
                        TextStyle.FULL_STANDALONE, locale), locale)).toList())
                .setWeekdays(fromSunday.stream().map(d -> d.getDisplayName(TextStyle.FULL_STANDALONE, locale)).toList())
                .setWeekdaysShort(fromSunday.stream().map(d -> d.getDisplayName(TextStyle.SHORT_STANDALONE, locale))
                        .toList())
                .setFirstDayOfWeek(MONDAY)
                .setToday(picker.getTranslation("datepicker.today"))
                .setCancel(picker.getTranslation("datepicker.cancel"))
                .setBadInputErrorMessage(picker.getTranslation("datepicker.bad-input"))
                .setRequiredErrorMessage(picker.getTranslation("validation.required"))
                .setMinErrorMessage(picker.getTranslation("datepicker.too-early"))
                .setMaxErrorMessage(picker.getTranslation("datepicker.too-late"));
    }

    /**
     * A date-and-time picker in the reader's language: its calendar as {@link #localise(DatePicker)}, times on a
     * 24-hour clock, and its messages.
     */
    public static com.vaadin.flow.component.datetimepicker.DateTimePicker localise(
            com.vaadin.flow.component.datetimepicker.DateTimePicker picker) {
        Locale locale = picker.getLocale() == null ? Locale.ENGLISH : picker.getLocale();
        picker.setLocale(org.encounter.base.Dates.writing(locale));
        picker.setDatePickerI18n(i18n(picker, locale));
        picker.setI18n(new com.vaadin.flow.component.datetimepicker.DateTimePicker.DateTimePickerI18n()
                .setBadInputErrorMessage(picker.getTranslation("datepicker.bad-input"))
                .setIncompleteInputErrorMessage(picker.getTranslation("datepicker.bad-input"))
                .setRequiredErrorMessage(picker.getTranslation("validation.required"))
                .setMinErrorMessage(picker.getTranslation("datepicker.too-early"))
                .setMaxErrorMessage(picker.getTranslation("datepicker.too-late")));
        // Its time half is a time picker of its own, with words of its own; it is reachable only as a child.
        picker.getChildren().filter(c -> c instanceof com.vaadin.flow.component.timepicker.TimePicker)
                .forEach(c -> localise((com.vaadin.flow.component.timepicker.TimePicker) c));
        return picker;
    }

    /** A time picker in the reader's language: 14.30 in Finnish, and its messages. */
    public static com.vaadin.flow.component.timepicker.TimePicker localise(
            com.vaadin.flow.component.timepicker.TimePicker picker) {
        // English on a 24-hour clock (13:00), as the rest of the app writes times.
        picker.setLocale(org.encounter.base.Dates.writing(picker.getLocale() == null ? Locale.ENGLISH : picker.getLocale()));
        picker.setI18n(new com.vaadin.flow.component.timepicker.TimePicker.TimePickerI18n()
                .setBadInputErrorMessage(picker.getTranslation("timepicker.bad-input"))
                .setRequiredErrorMessage(picker.getTranslation("validation.required"))
                .setMinErrorMessage(picker.getTranslation("datepicker.too-early"))
                .setMaxErrorMessage(picker.getTranslation("datepicker.too-late")));
        return picker;
    }

    /** A calendar's heading reads "Joulukuu 2026": standalone month names are lower case in Finnish and Swedish. */
    private static String capitalised(String name, Locale locale) {
        return name.isEmpty() ? name : name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }
}
