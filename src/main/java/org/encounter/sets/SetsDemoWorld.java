package org.encounter.sets;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.encounter.authoring.CatalogueFilter;
import org.encounter.authoring.PublishedModules;
import org.encounter.base.SystemAccess;
import org.encounter.identity.PersonDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo world's action-learning sets. Tuula runs the first with Emma for "See the whole person". Its first meeting
 * was twelve days ago (attendance taken, notes written); two are to come. Sanna and Jussi share their
 * commitments with it. The second is a mixed set of the city and the wellbeing services county on a module shared
 * with One Aurajoki. Only on a database with no sets yet.
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "encounter.demo.learning", havingValue = "true", matchIfMissing = true)
class SetsDemoWorld implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SetsDemoWorld.class);
    private static final String DOMAIN = "@demo.encounter.example";

    private final LearningSetRepository sets;
    private final SetShareRepository shares;
    private final MeetingRepository meetings;
    private final AttendanceRepository attendance;
    private final PublishedModules published;
    private final PersonDirectory directory;
    private final Clock clock;
    private final ZoneId zone;
    private final boolean enabled;

    SetsDemoWorld(LearningSetRepository sets, SetShareRepository shares, MeetingRepository meetings, AttendanceRepository attendance,
                  PublishedModules published, PersonDirectory directory, Clock clock,
                  org.encounter.base.Dates dates,
                  @Value("${encounter.demo.enabled:true}") boolean enabled) {
        this.sets = sets;
        this.shares = shares;
        this.meetings = meetings;
        this.attendance = attendance;
        this.published = published;
        this.directory = directory;
        this.clock = clock;
        this.zone = dates.zone();
        this.enabled = enabled;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!enabled || sets.count() > 0 || directory.idByEmail("tuula" + DOMAIN).isEmpty()) {
            return;
        }
        Long module = module("See the whole person");
        if (module == null) {
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LearningSet set = new LearningSet(id("tuula"), zone, clock.instant());
        List<Long> members = List.of(id("sanna"), id("jussi"), id("leo"), id("asa"), id("kaisa"));
        set.describe("Youth workers’ Thursday set", module, id("emma"), members, clock.instant());
        LearningSet saved = sets.save(set);
        // Each named everyone in the set (none of them manages either): the page listed them when they shared.
        share(saved, "sanna");
        share(saved, "jussi");
        Meeting first = meeting(saved.getId(), today.minusDays(12), "Aurajoki youth centre, room 2", null);
        meeting(saved.getId(), today.plusDays(2), "Aurajoki youth centre, room 2", null);
        meeting(saved.getId(), today.plusDays(16), null, "https://meet.example.org/thursday-set");
        first.writeNotes("We shared what we tried. Asking first came up three times; forms came up as the thing "
                + "that gets in the way. Next time: one story each about a form.", clock.instant());
        record(first, "sanna", AttendanceStatus.PRESENT);
        record(first, "jussi", AttendanceStatus.PRESENT);
        record(first, "leo", AttendanceStatus.EXCUSED);
        record(first, "asa", AttendanceStatus.ABSENT);
        record(first, "kaisa", AttendanceStatus.PRESENT);
        log.info("Demo action-learning set created: three meetings, one held");
        mixedSet(today);
    }

    /**
     * A mixed set: Tuula of the city runs it on a module the city shares with One Aurajoki, with Elina and Matti of
     * the wellbeing services county beside Callum and Ahmed of the city. Two meetings to come.
     */
    private void mixedSet(LocalDate today) {
        Long shoes = module("Walk in another's shoes");
        if (shoes == null || directory.idByEmail("elina" + DOMAIN).isEmpty()) {
            return;
        }
        LearningSet set = new LearningSet(id("tuula"), zone, clock.instant());
        set.describe("One Aurajoki shoes set", shoes, null,
                List.of(id("elina"), id("matti"), id("callum"), id("ahmed")), clock.instant());
        LearningSet saved = sets.save(set);
        meeting(saved.getId(), today.plusDays(5), "Aurajoki wellbeing centre, meeting room 1", null);
        meeting(saved.getId(), today.plusDays(19), null, "https://meet.example.org/one-aurajoki-set");
        log.info("Demo mixed action-learning set created: members from two organisations of One Aurajoki");
    }

    private Long module(String title) {
        return SystemAccess.run(() -> published.catalogue(CatalogueFilter.any(), PageRequest.of(0, 20)).stream()
                .filter(m -> m.title().equals(title)).map(m -> m.moduleId()).findFirst().orElse(null));
    }

    private void share(LearningSet set, String who) {
        List<Long> others = new java.util.ArrayList<>(set.memberIds());
        others.remove(id(who));
        others.add(set.getFacilitatorId());
        others.add(set.getCoFacilitatorId());
        SetShare share = new SetShare(set.getId(), id(who));
        share.confirm(others, clock.instant());
        shares.save(share);
    }

    private Meeting meeting(long setId, LocalDate day, String place, String link) {
        Meeting m = new Meeting(setId);
        m.schedule(ZonedDateTime.of(day, LocalTime.of(14, 0), zone).toInstant(),
                ZonedDateTime.of(day, LocalTime.of(15, 30), zone).toInstant(), place, link);
        return meetings.save(m);
    }

    private void record(Meeting meeting, String who, AttendanceStatus status) {
        Attendance a = new Attendance(meeting.getId(), id(who));
        a.record(status, id("tuula"), meeting.getEndsAt());
        attendance.save(a);
    }

    private long id(String who) {
        return directory.idByEmail(who + DOMAIN).orElseThrow();
    }
}
