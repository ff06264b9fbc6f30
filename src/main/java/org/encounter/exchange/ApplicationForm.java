package org.encounter.exchange;

import java.time.DayOfWeek;
import java.util.Set;

/** What a leader writes and chooses when applying to a round. */
public record ApplicationForm(Sector sector, Level level, String wants, String offers, Set<Theme> wantThemes,
                              Set<Theme> offerThemes, Set<String> languages, Set<Long> travelsTo,
                              Set<DayOfWeek> availability, String availabilityNote, Set<Long> avoidPeople,
                              Set<Long> avoidOrganisations, Set<Shown> shown) {

    public ApplicationForm {
        wantThemes = copy(wantThemes);
        offerThemes = copy(offerThemes);
        languages = copy(languages);
        travelsTo = copy(travelsTo);
        availability = copy(availability);
        avoidPeople = copy(avoidPeople);
        avoidOrganisations = copy(avoidOrganisations);
        shown = copy(shown);
    }

    private static <T> Set<T> copy(Set<T> values) {
        return values == null ? Set.of() : Set.copyOf(values);
    }
}
