package org.encounter.exchange;

import java.time.DayOfWeek;
import java.util.Set;

/**
 * One confirmed application as the matching sees it: who, from where, and what they bring and want. The matching
 * reads nothing else, so it runs the same on a demo round, a test's random pool and a benchmark of thousands.
 *
 * @param applicationId      the application (a pair is two of these)
 * @param personId           the leader
 * @param organisationId     their organisation (partners come from different ones)
 * @param travelsTo          the organisations of the round they can travel to
 * @param avoidPeople        people they asked not to be paired with
 * @param avoidOrganisations organisations they asked not to be paired with
 */
record Candidate(long applicationId, long personId, long organisationId, Sector sector, Level level, String wants,
                 String offers, Set<Theme> wantThemes, Set<Theme> offerThemes, Set<String> languages,
                 Set<Long> travelsTo, Set<DayOfWeek> availability, Set<Long> avoidPeople,
                 Set<Long> avoidOrganisations) {

    Candidate {
        wants = wants == null ? "" : wants;
        offers = offers == null ? "" : offers;
        wantThemes = Set.copyOf(wantThemes);
        offerThemes = Set.copyOf(offerThemes);
        languages = Set.copyOf(languages);
        travelsTo = Set.copyOf(travelsTo);
        availability = Set.copyOf(availability);
        avoidPeople = Set.copyOf(avoidPeople);
        avoidOrganisations = Set.copyOf(avoidOrganisations);
    }
}
