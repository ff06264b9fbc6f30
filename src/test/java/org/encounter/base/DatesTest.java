package org.encounter.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** English dates are written as the date fields read them (day first, 24-hour clock); Finnish and Swedish as theirs. */
class DatesTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 5);

    @Test
    void english_is_written_day_first_on_a_24_hour_clock_not_in_the_united_states_order() {
        assertThat(Dates.days(FormatStyle.MEDIUM, Locale.ENGLISH).format(DAY)).isEqualTo("5 Dec 2026");
        assertThat(Dates.days(FormatStyle.LONG, Locale.ENGLISH).format(DAY)).isEqualTo("5 December 2026");
        assertThat(Dates.times(FormatStyle.SHORT, Locale.ENGLISH).format(LocalTime.of(13, 0))).isEqualTo("13:00");
        Dates dates = new Dates(Clock.fixed(Instant.parse("2026-12-05T11:00:00Z"), ZoneOffset.UTC), "Europe/Helsinki");
        assertThat(dates.dateTimes(Locale.ENGLISH).format(Instant.parse("2026-12-05T11:00:00Z")))
                .isEqualTo("05/12/2026, 13:00");
    }

    @Test
    void finnish_and_swedish_keep_their_own_conventions() {
        assertThat(Dates.days(FormatStyle.SHORT, Locale.of("fi")).format(DAY)).isEqualTo("5.12.2026");
        assertThat(Dates.times(FormatStyle.SHORT, Locale.of("fi")).format(LocalTime.of(13, 0))).isEqualTo("13.00");
        assertThat(Dates.days(FormatStyle.SHORT, Locale.of("sv")).format(DAY)).isEqualTo("2026-12-05");
        assertThat(Dates.writing(Locale.US)).isEqualTo(Locale.US);
    }
}
