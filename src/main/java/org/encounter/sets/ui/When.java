package org.encounter.sets.ui;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.encounter.sets.SetService;

/** How a meeting's time and place read on screen, in the reader's language and the set's time zone. */
final class When {

    private When() {
    }

    static String time(SetService.MeetingInfo m, Locale locale) {
        DateTimeFormatter day = org.encounter.base.Dates.days(FormatStyle.FULL, locale);
        DateTimeFormatter clock = org.encounter.base.Dates.times(FormatStyle.SHORT, locale);
        return day.format(m.start()) + ", " + clock.format(m.start()) + "–" + clock.format(m.end());
    }

    /** Empty when the meeting has neither: its facilitator's data was erased after it was held. */
    static String where(SetService.MeetingInfo m) {
        if (m.place() != null && m.link() != null) {
            return m.place() + " · " + m.link();
        }
        return m.place() != null ? m.place() : m.link() != null ? m.link() : "";
    }

    static String line(SetService.MeetingInfo m, Locale locale) {
        String where = where(m);
        return where.isEmpty() ? time(m, locale) : time(m, locale) + " · " + where;
    }
}
