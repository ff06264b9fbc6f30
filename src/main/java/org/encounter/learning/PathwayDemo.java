package org.encounter.learning;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.encounter.base.Dates;
import org.encounter.identity.OrganisationNames;
import org.encounter.identity.PersonDirectory;
import org.springframework.stereotype.Component;

/**
 * The demo world's induction pathway: One Aurajoki's "Working in Aurajoki's public services", the two modules the
 * partnership shares, due within 30 days; Matti of the wellbeing services county joined five days ago and Kirsi of
 * the city two days ago, so each organisation has a starter on track. Made by {@link LearningDemoWorld}, on an empty
 * database only, without notifications (nobody reads them before the demo starts).
 */
@Component
class PathwayDemo {

    static final String NAME = "Working in Aurajoki's public services";
    private static final String DOMAIN = "@demo.encounter.example";

    private final PathwayRepository pathways;
    private final PathwayAssigner assigner;
    private final OrganisationNames names;
    private final PersonDirectory directory;
    private final Clock clock;
    private final Dates dates;

    PathwayDemo(PathwayRepository pathways, PathwayAssigner assigner, OrganisationNames names,
                PersonDirectory directory, Clock clock, Dates dates) {
        this.pathways = pathways;
        this.assigner = assigner;
        this.names = names;
        this.directory = directory;
        this.clock = clock;
        this.dates = dates;
    }

    void create(List<Long> sharedModules) {
        var partnership = names.partnershipNamed("One Aurajoki");
        if (partnership.isEmpty() || pathways.count() > 0) {
            return;
        }
        Instant now = clock.instant();
        Pathway pathway = pathways.save(new Pathway(partnership.get(), NAME, sharedModules, 30, now));
        // Reading published modules needs someone signed in: the demo world is the platform's own work.
        org.encounter.base.SystemAccess.run(() -> {
            starter(pathway, "matti", 5, now);
            starter(pathway, "kirsi", 2, now);
            return null;
        });
    }

    private void starter(Pathway pathway, String who, int daysAgo, Instant now) {
        directory.idByEmail(who + DOMAIN).ifPresent(id -> directory.registered(id).ifPresent(r ->
                assigner.assign(pathway, id, r.organisationId(), dates.today().minusDays(daysAgo),
                        now.minus(Duration.ofDays(daysAgo)), false)));
    }
}
