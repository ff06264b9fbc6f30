package org.encounter.sets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.encounter.ServiceTest;
import org.encounter.base.InvalidInputException;
import org.encounter.base.RecordNotFound;
import org.encounter.learning.Commitments;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.TestPropertySource;

/**
 * Action-learning sets on the demo world's year of learning: membership, what a set shares and with whom,
 * attendance and notes, the calendar files, and bad input refused with nothing stored.
 */
@TestPropertySource(properties = "encounter.demo.learning=true")
class SetsTest extends ServiceTest {

    static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");
    /** Everyone in the demo world who is not in the test's set. */
    static final List<String> OUTSIDERS = List.of("admin", "mikko", "fiona", "emma", "noor", "kaisa", "olga", "asa",
            "ruby", "zoe", "ahmed");

    @Autowired SetService sets;
    @Autowired MeetingService meetings;
    @Autowired Calendars calendars;
    @Autowired Commitments commitments;

    long module(String title) {
        return jdbc.queryForObject("select id from module where title = ?", Long.class, title);
    }

    static SetService.MeetingForm meeting(int daysAhead, int hour, int minutes, String place) {
        LocalDate day = LocalDate.now(HELSINKI).plusDays(daysAhead);
        return new SetService.MeetingForm(null, day, LocalTime.of(hour, 0), LocalTime.of(hour, 0).plusMinutes(minutes),
                place, null);
    }

    SetService.Form form(String name, List<String> members, String co, List<SetService.MeetingForm> list) {
        return new SetService.Form(name, module("See the whole person"), members.stream().map(this::personId).toList(),
                co == null ? null : personId(co), list);
    }

    long thursdaySet() {
        return as("tuula", () -> sets.create(form("Thursday set " + System.nanoTime(),
                List.of("sanna", "jussi", "leo", "callum"), "eetu",
                List.of(meeting(7, 17, 90, "Youth centre, room 2"), meeting(21, 17, 90, "Youth centre, room 2")))));
    }

    /** The people the signed-in member's set page lists for sharing: what the share button sends. */
    List<Long> everyoneListed(long setId) {
        return sets.consent(setId).audience().stream().map(p -> p.id()).toList();
    }

    int count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Integer.class);
    }

    @Test
    void a_facilitator_creates_a_set_its_people_are_told_and_see_the_meetings() {
        long id = thursdaySet();
        SetService.Detail d = as("tuula", () -> sets.detail(id));
        assertThat(d.part()).isEqualTo(SetService.Part.FACILITATOR);
        assertThat(d.members()).extracting(p -> p.displayName())
                .containsExactly("Callum Reid", "Jussi Korhonen", "Leo Mäkinen", "Sanna Nieminen");
        assertThat(d.coFacilitator().displayName()).isEqualTo("Eetu");
        assertThat(d.meetings()).hasSize(2);
        assertThat(d.meetings().getFirst().start().toLocalTime()).isEqualTo(LocalTime.of(17, 0));
        assertThat(d.meetings().getFirst().start().getZone()).isEqualTo(HELSINKI);
        for (String who : List.of("sanna", "jussi", "leo", "callum")) {
            assertThat(jdbc.queryForObject("""
                    select count(*) from notification n join person p on p.id = n.person_id
                    where p.email = ? and n.kind = 'set-member' and n.link = ?""", Integer.class, who + DOMAIN,
                    "sets/" + id)).as(who).isEqualTo(1);
            assertThat(as(who, () -> sets.upcoming())).as(who).filteredOn(m -> m.setId() == id).hasSize(2);
            assertThat(as(who, () -> sets.mine())).filteredOn(s -> s.id() == id).singleElement()
                    .satisfies(s -> assertThat(s.part()).isEqualTo(SetService.Part.MEMBER));
        }
        assertThat(as("eetu", () -> sets.mine())).filteredOn(s -> s.id() == id).singleElement()
                .satisfies(s -> assertThat(s.part()).isEqualTo(SetService.Part.CO_FACILITATOR));
        assertThat(jdbc.queryForObject("select count(*) from notification where kind = 'set-co-facilitator' and link = ?",
                Integer.class, "sets/" + id)).isEqualTo(1);

        // Moving the second meeting tells the members and raises its calendar sequence; adding Åsa tells her.
        List<SetService.MeetingForm> moved = new ArrayList<>();
        moved.add(new SetService.MeetingForm(d.meetings().get(0).id(), d.meetings().get(0).start().toLocalDate(),
                LocalTime.of(17, 0), LocalTime.of(18, 30), "Youth centre, room 2", null));
        moved.add(new SetService.MeetingForm(d.meetings().get(1).id(), d.meetings().get(1).start().toLocalDate(),
                LocalTime.of(9, 0), LocalTime.of(10, 0), null, "https://meet.example.org/thursday"));
        as("tuula", () -> sets.update(id, form(d.name(), List.of("sanna", "jussi", "leo", "callum", "asa"), "eetu",
                moved)));
        assertThat(jdbc.queryForObject("select sequence_no from set_meeting where id = ?", Integer.class,
                d.meetings().get(1).id())).isEqualTo(1);
        assertThat(jdbc.queryForObject("select sequence_no from set_meeting where id = ?", Integer.class,
                d.meetings().get(0).id())).isZero();
        assertThat(jdbc.queryForObject("select count(*) from notification where kind = 'set-schedule' and link = ?",
                Integer.class, "sets/" + id)).isEqualTo(4);
        assertThat(as("asa", () -> sets.detail(id)).part()).isEqualTo(SetService.Part.MEMBER);
        // Only the facilitator who created it changes it: not its co-facilitator, even one who facilitates too.
        assertThatThrownBy(() -> as("eetu", () -> sets.update(id, form(d.name(), List.of("sanna"), null, moved))))
                .isInstanceOf(AccessDeniedException.class);
        jdbc.update("insert into person_role (person_id, role) values (?, 'FACILITATOR')", personId("eetu"));
        try {
            assertThatThrownBy(() -> as("eetu", () -> sets.update(id, form(d.name(), List.of("sanna"), null, moved))))
                    .isInstanceOf(RecordNotFound.class);
        } finally {
            jdbc.update("delete from person_role where person_id = ? and role = 'FACILITATOR'", personId("eetu"));
        }
        assertThat(as("tuula", () -> sets.detail(id)).members()).hasSize(5);
        // Members shared their commitment on this module: the set cannot move to another.
        assertThatThrownBy(() -> as("tuula", () -> sets.update(id, new SetService.Form(d.name(),
                module("Walk in another's shoes"), List.of(personId("sanna")), null, moved))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .anyMatch(err -> err.messageKey().equals("set.module-fixed")));
        assertThatThrownBy(() -> as("sanna", () -> sets.create(form("Mine", List.of("jussi"), null,
                List.of(meeting(7, 10, 60, "Cafe")))))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void what_a_member_shares_is_seen_inside_the_set_and_nowhere_else() {
        long id = thursdaySet();
        long whole = module("See the whole person");
        long first = as("tuula", () -> sets.detail(id)).meetings().getFirst().id();
        as("callum", () -> sets.share(id, everyoneListed(id)));

        for (String who : List.of("tuula", "eetu", "jussi", "leo", "sanna")) {
            MeetingService.Page page = as(who, () -> meetings.page(id, first));
            assertThat(page.shared()).as(who).singleElement().satisfies(s -> {
                assertThat(s.member().displayName()).isEqualTo("Callum Reid");
                assertThat(s.commitment().action()).isEqualTo("Ask first, then listen.");
                assertThat(s.commitment().tried()).isEqualTo("Not yet.");
            });
            assertThat(page.notSharing()).isEqualTo(3);
            // A reflection is never shared, not even with the set.
            assertThat(page.toString()).doesNotContain("I thought about the last young person I met.");
            assertThat(as(who, () -> commitments.shared(whole, List.of(personId("callum"))))).hasSize(1);
        }
        // Leo shares with no set: nobody else may read his, not even his set.
        assertThatThrownBy(() -> as("callum", () -> commitments.shared(whole, List.of(personId("leo")))))
                .isInstanceOf(AccessDeniedException.class);
        // Attendance is for the facilitators; members see the page without it.
        assertThat(as("jussi", () -> meetings.page(id, first)).attendance()).isEmpty();

        for (String who : OUTSIDERS) {
            List<Supplier<?>> reads = List.of(() -> sets.detail(id), () -> meetings.page(id, first),
                    () -> calendars.series(id), () -> calendars.meeting(id, first), () -> meetings.overview(id),
                    () -> meetings.overviewCsv(id, Locale.ENGLISH));
            for (Supplier<?> read : reads) {
                assertThatThrownBy(() -> as(who, read)).as(who).isInstanceOf(RecordNotFound.class);
            }
            assertThat(as(who, () -> sets.mine())).as(who).noneMatch(s -> s.id() == id);
            assertThat(as(who, () -> sets.upcoming())).as(who).noneMatch(m -> m.setId() == id);
            assertThatThrownBy(() -> as(who, () -> commitments.shared(whole, List.of(personId("callum")))))
                    .as(who).isInstanceOf(AccessDeniedException.class);
        }
        // Another facilitator, outside the set, finds nothing either and cannot change it.
        jdbc.update("insert into person_role (person_id, role) values (?, 'FACILITATOR')", personId("fiona"));
        try {
            assertThatThrownBy(() -> as("fiona", () -> sets.detail(id))).isInstanceOf(RecordNotFound.class);
            assertThatThrownBy(() -> as("fiona", () -> meetings.page(id, first))).isInstanceOf(RecordNotFound.class);
            assertThatThrownBy(() -> as("fiona", () -> sets.update(id, form("Taken", List.of("olga"), null,
                    List.of(meeting(7, 10, 60, "Station")))))).isInstanceOf(RecordNotFound.class);
            assertThatThrownBy(() -> as("fiona", () -> meetings.recordAttendance(id, first,
                    Map.of(personId("sanna"), AttendanceStatus.ABSENT)))).isInstanceOf(RecordNotFound.class);
        } finally {
            jdbc.update("delete from person_role where person_id = ? and role = 'FACILITATOR'", personId("fiona"));
        }
        // A meeting of this set under another set's id is not found either.
        long other = thursdaySet();
        assertThatThrownBy(() -> as("tuula", () -> meetings.page(other, first))).isInstanceOf(RecordNotFound.class);

        // Members do not get the attendance overview; another set's meeting is not found under this set.
        assertThatThrownBy(() -> as("jussi", () -> meetings.overview(id))).isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> as("jussi", () -> meetings.overviewCsv(id, Locale.ENGLISH)))
                .isInstanceOf(RecordNotFound.class);
        long otherFirst = as("tuula", () -> sets.detail(other)).meetings().getFirst().id();
        assertThatThrownBy(() -> as("tuula", () -> meetings.recordAttendance(id, otherFirst,
                Map.of(personId("sanna"), AttendanceStatus.PRESENT)))).isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> as("tuula", () -> meetings.saveNotes(id, otherFirst, "Notes", null)))
                .isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> as("tuula", () -> calendars.meeting(id, otherFirst))).isInstanceOf(RecordNotFound.class);

        // Sharing is per set and per module: Leo shares with a set on "Walk in another's shoes" only.
        long shoes = module("Walk in another's shoes");
        long walkers = as("tuula", () -> sets.create(new SetService.Form("Walkers " + System.nanoTime(), shoes,
                List.of(personId("leo"), personId("olga"), personId("zoe"), personId("ahmed")), null,
                List.of(meeting(30, 10, 60, "Station")))));
        as("leo", () -> sets.share(walkers, everyoneListed(walkers)));
        assertThat(as("olga", () -> commitments.shared(shoes, List.of(personId("leo")))).get(personId("leo")).action())
                .isEqualTo("Walk the route a young person takes to our office.");
        assertThatThrownBy(() -> as("olga", () -> commitments.shared(whole, List.of(personId("leo")))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("jussi", () -> commitments.shared(shoes, List.of(personId("leo")))))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(as("jussi", () -> meetings.page(id, first)).shared()).extracting(sh -> sh.member().displayName())
                .containsExactly("Callum Reid");

        // Callum changes his mind: the set no longer reads it.
        as("callum", () -> sets.stopSharing(id));
        assertThat(as("jussi", () -> meetings.page(id, first)).shared()).isEmpty();
        assertThatThrownBy(() -> as("jussi", () -> commitments.shared(whole, List.of(personId("callum")))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("tuula", () -> sets.share(id, List.of(personId("jussi")))))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> as("tuula", () -> sets.stopSharing(id))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void facilitators_take_attendance_and_write_notes_and_export_the_overview() {
        long id = thursdaySet();
        List<SetService.MeetingInfo> list = as("tuula", () -> sets.detail(id)).meetings();
        long sanna = personId("sanna");
        long jussi = personId("jussi");
        long leo = personId("leo");
        as("tuula", () -> meetings.recordAttendance(id, list.get(0).id(), Map.of(sanna, AttendanceStatus.PRESENT,
                jussi, AttendanceStatus.EXCUSED, leo, AttendanceStatus.ABSENT)));
        as("eetu", () -> meetings.recordAttendance(id, list.get(1).id(), Map.of(sanna, AttendanceStatus.PRESENT,
                jussi, AttendanceStatus.PRESENT)));
        Instant saved = as("tuula", () -> meetings.saveNotes(id, list.get(0).id(),
                "We talked about asking first.\nNext time: forms.", null));
        // Eetu started from the empty notes: Tuula's are not overwritten, and he is told.
        assertThatThrownBy(() -> as("eetu", () -> meetings.saveNotes(id, list.get(0).id(), "Eetu's notes", null)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().getFirst().messageKey()).isEqualTo("meeting.notes-changed"));
        assertThat(as("eetu", () -> meetings.page(id, list.get(0).id())).notesUpdatedAt()).isEqualTo(saved);

        assertThatThrownBy(() -> as("sanna", () -> meetings.recordAttendance(id, list.get(0).id(),
                Map.of(sanna, AttendanceStatus.PRESENT)))).isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> as("sanna", () -> meetings.saveNotes(id, list.get(0).id(), "Mine", saved)))
                .isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> as("tuula", () -> meetings.recordAttendance(id, list.get(0).id(),
                Map.of(personId("olga"), AttendanceStatus.PRESENT)))).isInstanceOf(InvalidInputException.class);
        assertThat(as("sanna", () -> meetings.page(id, list.get(0).id())).notes())
                .isEqualTo("We talked about asking first.\nNext time: forms.");
        assertThat(as("tuula", () -> meetings.page(id, list.get(0).id())).attendance())
                .containsEntry(jussi, AttendanceStatus.EXCUSED);

        MeetingService.Overview o = as("tuula", () -> meetings.overview(id));
        assertThat(o.people()).hasSize(4);
        MeetingService.PersonAttendance s = o.people().stream().filter(p -> p.person().id() == sanna).findFirst()
                .orElseThrow();
        assertThat(s.totals()).containsEntry(AttendanceStatus.PRESENT, 2).containsEntry(AttendanceStatus.ABSENT, 0);
        assertThat(o.perMeeting().get(list.get(0).id())).containsEntry(AttendanceStatus.PRESENT, 1)
                .containsEntry(AttendanceStatus.EXCUSED, 1).containsEntry(AttendanceStatus.ABSENT, 1);
        assertThat(o.perMeeting().get(list.get(1).id())).containsEntry(AttendanceStatus.PRESENT, 2);

        byte[] csv = as("tuula", () -> meetings.overviewCsv(id, Locale.ENGLISH));
        assertThat(new byte[] {csv[0], csv[1], csv[2]}).containsExactly(0xEF, 0xBB, 0xBF);
        List<String> lines = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.getFirst()).isEqualTo("\"Set\",\"Meeting\",\"Date\",\"Time\",\"Member\",\"Email\",\"Attendance\"");
        assertThat(lines).hasSize(1 + 4 * 2);
        assertThat(lines).anyMatch(l -> l.contains("\"1\"") && l.contains("\"Leo Mäkinen\",\"leo@demo.encounter.example\",\"Absent\""))
                .anyMatch(l -> l.contains("\"Callum Reid\"") && l.endsWith("\"Not recorded\""));
        byte[] finnish = as("tuula", () -> meetings.overviewCsv(id, Locale.forLanguageTag("fi")));
        assertThat(new String(finnish, StandardCharsets.UTF_8)).contains("\"Poissa ilmoitetusti\"", "\"Jäsen\"");
    }

    @Test
    void bad_input_is_refused_with_a_clear_message_and_nothing_is_stored() {
        int sets0 = count("learning_set");
        int members0 = count("learning_set_member");
        int meetings0 = count("set_meeting");
        int notifications0 = count("notification");
        SetService.MeetingForm ok = meeting(7, 17, 90, "Room 2");
        LocalDate next = LocalDate.now(HELSINKI).plusDays(8);
        record Case(String field, String key, SetService.Form form) {
        }
        List<Case> cases = List.of(
                new Case("meeting.1.date", "meeting.in-past", form("Set", List.of("sanna"), null,
                        List.of(ok, meeting(-1, 17, 60, "Room 2")))),
                new Case("meeting.0.end", "meeting.end-before-start", form("Set", List.of("sanna"), null,
                        List.of(new SetService.MeetingForm(null, next, LocalTime.of(17, 0), LocalTime.of(16, 0), "Room", null)))),
                new Case("meeting.1.date", "meeting.overlaps", form("Set", List.of("sanna"), null,
                        List.of(ok, new SetService.MeetingForm(null, ok.date(), LocalTime.of(18, 0), LocalTime.of(19, 0),
                                "Room 3", null)))),
                new Case("members", "set.member-twice", new SetService.Form("Set", module("See the whole person"),
                        List.of(personId("sanna"), personId("jussi"), personId("sanna")), null, List.of(ok))),
                new Case("meeting.0.place", "meeting.place-or-link", form("Set", List.of("sanna"), null,
                        List.of(new SetService.MeetingForm(null, next, LocalTime.of(9, 0), LocalTime.of(10, 0), " ", null)))),
                new Case("meeting.0.link", "meeting.link-invalid", form("Set", List.of("sanna"), null,
                        List.of(new SetService.MeetingForm(null, next, LocalTime.of(9, 0), LocalTime.of(10, 0), null,
                                "javascript:alert(1)")))),
                new Case("meeting.0.link", "meeting.link-invalid", form("Set", List.of("sanna"), null,
                        List.of(new SetService.MeetingForm(null, next, LocalTime.of(9, 0), LocalTime.of(10, 0), null,
                                "https://meet.example.org/{room}")))),
                new Case("meeting.0.start", "meeting.time-not-on-clock", form("Set", List.of("sanna"), null,
                        List.of(new SetService.MeetingForm(null, summerTimeBegins(), LocalTime.of(3, 30),
                                LocalTime.of(5, 0), "Room", null)))),
                new Case("meeting.0.date", "meeting.too-far", form("Set", List.of("sanna"), null,
                        List.of(meeting(3 * 365, 10, 60, "Room")))),
                new Case("name", "validation.too-long", form("x".repeat(121), List.of("sanna"), null, List.of(ok))),
                new Case("coFacilitator", "set.co-facilitator-author", form("Set", List.of("sanna"), "mikko", List.of(ok))),
                new Case("members", "set.runner-not-member", form("Set", List.of("sanna", "tuula"), null, List.of(ok))));
        for (Case c : cases) {
            assertThatThrownBy(() -> as("tuula", () -> sets.create(c.form()))).as(c.key())
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                            .anyMatch(err -> err.field().equals(c.field()) && err.messageKey().equals(c.key())));
        }
        assertThat(count("learning_set")).isEqualTo(sets0);
        assertThat(count("learning_set_member")).isEqualTo(members0);
        assertThat(count("set_meeting")).isEqualTo(meetings0);
        assertThat(count("notification")).isEqualTo(notifications0);

        // A change with a bad meeting leaves the set as it was; oversized notes are refused and the old ones kept.
        long id = thursdaySet();
        SetService.Detail before = as("tuula", () -> sets.detail(id));
        int notificationsBefore = count("notification");
        List<SetService.MeetingForm> clash = List.of(
                new SetService.MeetingForm(before.meetings().get(0).id(), before.meetings().get(0).start().toLocalDate(),
                        LocalTime.of(17, 0), LocalTime.of(18, 30), "Youth centre, room 2", null),
                new SetService.MeetingForm(before.meetings().get(1).id(), before.meetings().get(0).start().toLocalDate(),
                        LocalTime.of(18, 0), LocalTime.of(19, 0), "Youth centre, room 2", null));
        assertThatThrownBy(() -> as("tuula", () -> sets.update(id, form("Renamed", List.of("sanna", "olga"), null,
                clash)))).isInstanceOf(InvalidInputException.class);
        SetService.Detail after = as("tuula", () -> sets.detail(id));
        assertThat(after.name()).isEqualTo(before.name());
        assertThat(after.members()).isEqualTo(before.members());
        assertThat(after.meetings()).isEqualTo(before.meetings());
        assertThat(count("notification")).isEqualTo(notificationsBefore);
        assertThat(jdbc.queryForObject("select max(sequence_no) from set_meeting where set_id = ?", Integer.class, id))
                .isZero();
        long first = before.meetings().getFirst().id();
        Instant notesAt = as("tuula", () -> meetings.saveNotes(id, first, "Short notes.", null));
        assertThatThrownBy(() -> as("tuula", () -> meetings.saveNotes(id, first, "n".repeat(4001), notesAt)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().getFirst().messageKey()).isEqualTo("validation.too-long"));
        assertThat(jdbc.queryForObject("select notes from set_meeting where id = ?", String.class, first))
                .isEqualTo("Short notes.");
    }

    @Test
    void the_calendar_files_parse_back_with_their_time_zone_and_update_the_same_events() throws Exception {
        long id = thursdaySet();
        SetService.Detail d = as("sanna", () -> sets.detail(id));
        Calendar series = parse(as("sanna", () -> calendars.series(id)));
        series.validate();
        assertThat(series.getComponents("VTIMEZONE")).hasSize(1);
        List<VEvent> events = series.getComponents("VEVENT");
        assertThat(events).hasSize(2);
        for (int i = 0; i < 2; i++) {
            VEvent e = events.get(i);
            ZonedDateTime expected = d.meetings().get(i).start();
            assertThat(e.getDateTimeStart().getParameter("TZID").orElseThrow().getValue()).isEqualTo("Europe/Helsinki");
            assertThat(Instant.from(e.getDateTimeStart().getDate())).isEqualTo(expected.toInstant());
            assertThat(Instant.from(e.getDateTimeEnd().getDate())).isEqualTo(expected.toInstant().plusSeconds(90 * 60));
            assertThat(e.getSummary().getValue()).isEqualTo(d.name());
            assertThat(e.getLocation().getValue()).isEqualTo("Youth centre, room 2");
            assertThat(e.getUid().orElseThrow().getValue()).isEqualTo("set-meeting-" + d.meetings().get(i).id() + "@localhost");
        }
        long second = d.meetings().get(1).id();
        Calendar one = parse(as("callum", () -> calendars.meeting(id, second)));
        one.validate();
        assertThat(one.<VEvent>getComponents("VEVENT")).singleElement().satisfies(e -> assertThat(
                e.getSequence().getSequenceNo()).isZero());

        as("tuula", () -> sets.update(id, form(d.name(), List.of("sanna", "jussi", "leo", "callum"), "eetu", List.of(
                new SetService.MeetingForm(d.meetings().get(0).id(), d.meetings().get(0).start().toLocalDate(),
                        LocalTime.of(17, 0), LocalTime.of(18, 30), "Youth centre, room 2", null),
                new SetService.MeetingForm(second, d.meetings().get(1).start().toLocalDate(), LocalTime.of(18, 0),
                        LocalTime.of(19, 0), null, "https://meet.example.org/set")))));
        VEvent moved = parse(as("callum", () -> calendars.meeting(id, second))).<VEvent>getComponents("VEVENT").getFirst();
        assertThat(moved.getUid().orElseThrow().getValue()).isEqualTo("set-meeting-" + second + "@localhost");
        assertThat(moved.getSequence().getSequenceNo()).isEqualTo(1);
        assertThat(moved.getLocation().getValue()).isEqualTo("https://meet.example.org/set");
        assertThat(ZonedDateTime.from(moved.getDateTimeStart().getDate()).toLocalTime()).isEqualTo(LocalTime.of(18, 0));
    }

    /** The next last Sunday of March, when Helsinki's clocks go from 03:00 to 04:00. */
    static LocalDate summerTimeBegins() {
        LocalDate today = LocalDate.now(HELSINKI);
        LocalDate day = LocalDate.of(today.getYear(), 3, 31);
        if (!day.isAfter(today.plusDays(1))) {
            day = day.plusYears(1);
        }
        return day.with(java.time.temporal.TemporalAdjusters.lastInMonth(java.time.DayOfWeek.SUNDAY));
    }

    static Calendar parse(byte[] ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(new String(ics, StandardCharsets.UTF_8)));
    }
}
