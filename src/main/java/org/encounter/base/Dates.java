package org.encounter.base;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one time zone ({@code TIME_ZONE}) and the one clock behind every date that is shown, stored or checked:
 * what "today" is, which day an instant falls on, and how a date reads in the reader's language. Nothing else
 * asks the server's own zone, so a page, a certificate and a rule never disagree about a day.
 */
@Component
public class Dates {

    private final Clock clock;
    private final ZoneId zone;

    Dates(Clock clock, @Value("${encounter.time-zone:Europe/Helsinki}") String zone) {
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    public ZoneId zone() {
        return zone;
    }

    public Instant now() {
        return clock.instant();
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /** The day on which {@code at} falls here; null stays null. */
    public LocalDate day(Instant at) {
        return at == null ? null : LocalDate.ofInstant(at, zone);
    }

    /** Dates (a {@link LocalDate} or an {@link Instant}) in the reader's language, e.g. fi "30.9.2026". */
    public DateTimeFormatter dates(FormatStyle style, Locale locale) {
        return days(style, locale).withZone(zone);
    }

    /** A date and time of day in the reader's language, e.g. fi "30.9.2026 klo 14.05". */
    public DateTimeFormatter dateTimes(Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(writing(locale)).withZone(zone);
    }

    /**
     * The conventions a language's dates are written in. English is written day first and on a 24-hour clock
     * ("5 Dec 2026", "13:00"), as the date pickers read it, not in the United States' order.
     */
    public static Locale writing(Locale locale) {
        return locale.getLanguage().equals("en") && locale.getCountry().isEmpty() ? Locale.UK : locale;
    }

    /** Days already placed in a zone (a {@link LocalDate}, a zoned time) in the reader's language. */
    public static DateTimeFormatter days(FormatStyle style, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(style).withLocale(writing(locale));
    }

    /** Times of day already placed in a zone, in the reader's language: fi "14.05", en "14:05". */
    public static DateTimeFormatter times(FormatStyle style, Locale locale) {
        return DateTimeFormatter.ofLocalizedTime(style).withLocale(writing(locale));
    }

    /** A day and a time of day already placed in a zone, in the reader's language. */
    public static DateTimeFormatter dayTimes(FormatStyle day, FormatStyle time, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(day, time).withLocale(writing(locale));
    }
}
