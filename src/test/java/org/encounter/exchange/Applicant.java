package org.encounter.exchange;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/** A test's way to write a candidate: only what the test is about, neutral defaults for the rest. */
final class Applicant {

    private final long id;
    private long person;
    private long organisation;
    private Sector sector = Sector.PUBLIC;
    private String wants = "";
    private String offers = "";
    private final Set<Theme> wantThemes = EnumSet.noneOf(Theme.class);
    private final Set<Theme> offerThemes = EnumSet.noneOf(Theme.class);
    private final Set<String> languages = new HashSet<>(Set.of("en"));
    private final Set<Long> travelsTo = new HashSet<>();
    private final Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    private final Set<Long> avoidPeople = new HashSet<>();
    private final Set<Long> avoidOrganisations = new HashSet<>();

    private Applicant(long id) {
        this.id = id;
        this.person = 1000 + id;
        this.organisation = 100 + id;
    }

    /** Application {@code id}, person 1000 + id, alone in organisation 100 + id, public sector, speaks English. */
    static Applicant applicant(long id) {
        return new Applicant(id);
    }

    Applicant person(long p) { person = p; return this; }
    Applicant organisation(long o) { organisation = o; return this; }
    Applicant sector(Sector s) { sector = s; return this; }
    Applicant wants(String text) { wants = text; return this; }
    Applicant offers(String text) { offers = text; return this; }
    Applicant wants(Theme... themes) { wantThemes.addAll(Set.of(themes)); return this; }
    Applicant offers(Theme... themes) { offerThemes.addAll(Set.of(themes)); return this; }
    Applicant speaks(String... codes) { languages.clear(); languages.addAll(Set.of(codes)); return this; }
    Applicant travelsTo(Long... organisations) { travelsTo.addAll(Set.of(organisations)); return this; }
    Applicant available(DayOfWeek... d) { days.addAll(Set.of(d)); return this; }
    Applicant avoidsPerson(long p) { avoidPeople.add(p); return this; }
    Applicant avoidsOrganisation(long o) { avoidOrganisations.add(o); return this; }

    Candidate build() {
        return new Candidate(id, person, organisation, sector, Level.MIDDLE, wants, offers, wantThemes, offerThemes,
                languages, travelsTo, days, avoidPeople, avoidOrganisations);
    }
}
