package org.encounter.exchange;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * What a coordinator sets for a round: its name, the application window, the exchange period, how many visits each
 * partner hosts, the group briefing and debrief (optional, with their place), and the organisations taking part.
 */
public record RoundForm(String name, LocalDate applicationsOpen, LocalDate applicationsClose, LocalDate startsOn,
                        LocalDate endsOn, int visitsEachWay, Instant briefingAt, Instant debriefAt, String place,
                        Set<Long> organisations) {

    public RoundForm {
        organisations = organisations == null ? Set.of() : Set.copyOf(organisations);
    }
}
