package org.encounter.sets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.encounter.RecordingExport;
import org.encounter.ServiceTest;
import org.encounter.base.NotifyPerson;
import org.encounter.base.PersonalData;
import org.encounter.base.SystemAccess;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sets' part of a person's export and erasure, on a set Tuula makes in each test (facilitated by her with Eetu,
 * Sanna, Jussi and Leo as members, one meeting held with notes and attendance, two to come; Sanna and Jussi share
 * with everyone). Everything happens in a transaction rolled back at the end, so the shared database is unchanged.
 */
@TestPropertySource(properties = "encounter.demo.learning=true")
@RecordApplicationEvents
@SuppressWarnings("unchecked")
class SetsPersonalDataTest extends ServiceTest {

    static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");
    static final String NOTES = "Sanna told the story of the form nobody could fill in (notes written by Tuula)";
    static final String PLACE = "Tuula's own room at the youth centre";
    static final PersonalData.ErasureChoices CHOICES = new PersonalData.ErasureChoices(false, false, false);

    @Autowired SetService sets;
    @Autowired SetsPersonalData data;
    @Autowired PlatformTransactionManager transactions;
    @Autowired ApplicationEvents events;

    record World(long set, String name, long held) {
    }

    private void rolledBack(java.util.function.Consumer<World> test) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            status.setRollbackOnly();
            test.accept(world());
        });
    }

    private World world() {
        long module = jdbc.queryForObject("select id from module where title = 'See the whole person'", Long.class);
        String name = "Erasure set " + System.nanoTime();
        LocalDate day = LocalDate.now(HELSINKI);
        long set = as("tuula", () -> sets.create(new SetService.Form(name, module,
                List.of(personId("sanna"), personId("jussi"), personId("leo")), personId("eetu"), List.of(
                new SetService.MeetingForm(null, day.plusDays(7), LocalTime.of(17, 0), LocalTime.of(18, 0), PLACE,
                        null),
                new SetService.MeetingForm(null, day.plusDays(21), LocalTime.of(17, 0), LocalTime.of(18, 0), null,
                        "https://meet.example.org/tuula-heikkinen")))));
        jdbc.update("""
                insert into set_meeting (set_id, starts_at, ends_at, place, notes, notes_updated_at)
                values (?, now(6) - interval 12 day, now(6) - interval 12 day + interval 1 hour, ?, ?, now(6))""",
                set, PLACE, NOTES);
        long held = jdbc.queryForObject("select last_insert_id()", Long.class);
        for (var who : Map.of("sanna", "PRESENT", "leo", "ABSENT").entrySet()) {
            jdbc.update("insert into meeting_attendance (meeting_id, person_id, status, recorded_at, recorded_by_id)"
                    + " values (?, ?, ?, now(6), ?)", held, personId(who.getKey()), who.getValue(), personId("tuula"));
        }
        for (String sharer : List.of("sanna", "jussi")) {
            jdbc.update("insert into set_share (set_id, sharer_id, confirmed_at) values (?, ?, now(6))", set,
                    personId(sharer));
            for (String reader : List.of("tuula", "eetu", "sanna", "jussi", "leo")) {
                if (!reader.equals(sharer)) {
                    jdbc.update("insert into set_share_reader (set_id, sharer_id, reader_id) values (?, ?, ?)", set,
                            personId(sharer), personId(reader));
                }
            }
        }
        return new World(set, name, held);
    }

    private RecordingExport export(String who) {
        RecordingExport out = new RecordingExport();
        try {
            data.export(personId(who), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private void erase(String who) {
        SystemAccess.run(() -> {
            data.erase(personId(who), CHOICES);
            return null;
        });
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    @Test
    void a_members_export_holds_their_sets_meetings_attendance_and_share_and_no_one_elses_attendance_or_share() {
        rolledBack(w -> {
            RecordingExport out = export("sanna");
            assertThat(out.of("set")).filteredOn(s -> s.get("name").equals(w.name())).singleElement()
                    .satisfies(s -> {
                        assertThat(s.get("role")).isEqualTo("MEMBER");
                        assertThat(s.get("module")).isEqualTo("See the whole person");
                        assertThat(s.get("facilitator")).isEqualTo("Tuula Heikkinen");
                        assertThat(s.get("coFacilitator")).isEqualTo("Eetu");
                        assertThat(s.get("since")).isNotNull();
                        assertThat((List<Object>) s.get("members")).contains("Jussi Korhonen", "Leo Mäkinen");
                    });
            assertThat(out.of("setMeeting")).filteredOn(m -> m.get("set").equals(w.name())).hasSize(3)
                    .anySatisfy(m -> assertThat(m.get("notes")).isEqualTo(NOTES));
            assertThat(out.of("setAttendance")).filteredOn(a -> a.get("set").equals(w.name())).singleElement()
                    .satisfies(a -> assertThat(a.get("status")).isEqualTo("PRESENT"));
            assertThat(out.of("setShare")).filteredOn(s -> s.get("set").equals(w.name())).singleElement()
                    .satisfies(s -> assertThat((List<Object>) s.get("readers")).contains("Tuula Heikkinen", "Eetu",
                            "Jussi Korhonen", "Leo Mäkinen").doesNotContain("Sanna Nieminen"));
            // Leo's absence and Jussi's share are theirs.
            assertThat(out.text()).doesNotContain("ABSENT");
            assertThat(out.of("setAttendance")).allSatisfy(a -> assertThat(a.get("status")).isNotEqualTo("ABSENT"));

            RecordingExport tuula = export("tuula");
            assertThat(tuula.of("set")).filteredOn(s -> s.get("name").equals(w.name())).singleElement()
                    .satisfies(s -> {
                        assertThat(s.get("role")).isEqualTo("FACILITATOR");
                        assertThat(s.get("since")).isNotNull();
                    });
            assertThat(tuula.of("setShare")).isEmpty();
            assertThat(export("eetu").of("set")).filteredOn(s -> s.get("name").equals(w.name())).singleElement()
                    .satisfies(s -> assertThat(s.get("role")).isEqualTo("CO_FACILITATOR"));
        });
    }

    @Test
    void erasing_a_member_removes_their_membership_attendance_share_and_place_among_readers_and_can_run_again() {
        rolledBack(w -> {
            long sanna = personId("sanna");
            erase("sanna");
            erase("sanna");
            assertThat(count("select count(*) from learning_set_member where person_id = ?", sanna)).isZero();
            assertThat(count("select count(*) from meeting_attendance where person_id = ?", sanna)).isZero();
            assertThat(count("select count(*) from set_share where sharer_id = ?", sanna)).isZero();
            assertThat(count("select count(*) from set_share_reader where sharer_id = ? or reader_id = ?", sanna,
                    sanna)).isZero();
            // The others keep theirs: Jussi's share still names the rest; Leo's attendance stays; so do the notes.
            assertThat(count("select count(*) from set_share_reader where set_id = ? and sharer_id = ?", w.set(),
                    personId("jussi"))).isEqualTo(3);
            assertThat(count("select count(*) from meeting_attendance where meeting_id = ?", w.held())).isOne();
            assertThat(count("select count(*) from learning_set_member where set_id = ?", w.set())).isEqualTo(2);
            assertThat(jdbc.queryForObject("select notes from set_meeting where id = ?", String.class, w.held()))
                    .isEqualTo(NOTES);
        });
    }

    @Test
    void erasing_the_facilitator_keeps_the_set_for_its_members_without_their_words_and_cancels_meetings_to_come() {
        rolledBack(w -> {
            long tuula = personId("tuula");
            List<String> hers = jdbc.queryForList("select name from learning_set where facilitator_id = ?",
                    String.class, tuula);
            assertThat(hers).contains(w.name());
            erase("tuula");
            erase("tuula");

            // The set stays with its members, its history and their shares; nobody is handed it.
            assertThat(count("select count(*) from learning_set where id = ? and facilitator_id = ?", w.set(), tuula))
                    .isOne();
            assertThat(count("select count(*) from learning_set_member where set_id = ?", w.set())).isEqualTo(3);
            assertThat(count("select count(*) from meeting_attendance where meeting_id = ?", w.held())).isEqualTo(2);
            assertThat(count("select count(*) from set_share where set_id = ?", w.set())).isEqualTo(2);
            assertThat(count("select count(*) from set_share_reader where reader_id = ?", tuula)).isZero();
            // What she wrote is gone: the names of all her sets, places, links and notes.
            assertThat(jdbc.queryForObject("select name from learning_set where id = ?", String.class, w.set()))
                    .isEqualTo("See the whole person");
            assertThat(count("select count(*) from learning_set where name in (" + "?,".repeat(hers.size() - 1)
                    + "?)", hers.toArray())).isZero();
            assertThat(count("select count(*) from set_meeting where place = ? or notes = ? or online_link like ?",
                    PLACE, NOTES, "%tuula%")).isZero();
            // Nobody holds the meetings to come: they are cancelled, and the members and co-facilitator told.
            assertThat(jdbc.queryForList("select id from set_meeting where set_id = ?", Long.class, w.set()))
                    .containsExactly(w.held());
            List<NotifyPerson> told = events.stream(NotifyPerson.class)
                    .filter(n -> n.kind().equals("set-schedule") && n.link().equals("sets/" + w.set())).toList();
            assertThat(told).extracting(NotifyPerson::personId).containsExactlyInAnyOrder(personId("sanna"),
                    personId("jussi"), personId("leo"), personId("eetu"));
            assertThat(told).allSatisfy(n -> assertThat(n.args()).containsExactly("See the whole person"));
            // The members still read their set.
            assertThat(as("sanna", () -> sets.detail(w.set())).meetings()).hasSize(1);
        });
    }

    @Test
    void erasing_the_co_facilitator_unnames_them_and_blanks_the_notes_they_may_have_written() {
        rolledBack(w -> {
            erase("eetu");
            assertThat(jdbc.queryForObject("select co_facilitator_id from learning_set where id = ?", Long.class,
                    w.set())).isNull();
            assertThat(jdbc.queryForObject("select notes from set_meeting where id = ?", String.class, w.held()))
                    .isNull();
            assertThat(jdbc.queryForObject("select name from learning_set where id = ?", String.class, w.set()))
                    .isEqualTo(w.name());
            assertThat(count("select count(*) from set_meeting where set_id = ?", w.set())).isEqualTo(3);
        });
    }
}
