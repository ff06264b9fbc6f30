package org.encounter.sets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.encounter.ServiceTest;
import org.encounter.base.InvalidInputException;
import org.encounter.identity.PersonRef;
import org.encounter.learning.Commitments;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.TestPropertySource;

/**
 * What a member shares with a set reaches exactly the people their consent named: never a person who joined
 * later until the member shares with them too, never anyone who manages the member in a team, and stopping
 * sharing is not undone by the facilitator's save at the same moment.
 */
@TestPropertySource(properties = "encounter.demo.learning=true")
class SetSharingTest extends ServiceTest {

    static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

    @Autowired SetService sets;
    @Autowired MeetingService meetings;
    @Autowired Commitments commitments;

    long whole() {
        return jdbc.queryForObject("select id from module where title = 'See the whole person'", Long.class);
    }

    SetService.Form form(String name, List<String> members, List<SetService.MeetingForm> list) {
        return new SetService.Form(name, whole(), members.stream().map(this::personId).toList(), personId("eetu"),
                list);
    }

    long set(List<String> members) {
        LocalDate day = LocalDate.now(HELSINKI).plusDays(7);
        return as("tuula", () -> sets.create(form("Sharing set " + System.nanoTime(), members, List.of(
                new SetService.MeetingForm(null, day, LocalTime.of(17, 0), LocalTime.of(18, 30), "Room 2", null)))));
    }

    /** The facilitator saves the set again with these members, its meetings as they are. */
    void members(long id, List<String> members) {
        SetService.Detail d = as("tuula", () -> sets.detail(id));
        List<SetService.MeetingForm> kept = d.meetings().stream().map(m -> new SetService.MeetingForm(m.id(),
                m.start().toLocalDate(), m.start().toLocalTime(), m.end().toLocalTime(), m.place(), m.link())).toList();
        as("tuula", () -> sets.update(id, form(d.name(), members, kept)));
    }

    long firstMeeting(long id) {
        return as("tuula", () -> sets.detail(id)).meetings().getFirst().id();
    }

    List<String> cardsSeenBy(String who, long id) {
        return as(who, () -> meetings.page(id, firstMeeting(id))).shared().stream()
                .map(s -> s.member().displayName()).toList();
    }

    /** The member shares with everyone their set page lists, as the button does. */
    void share(String who, long id) {
        as(who, () -> sets.share(id, sets.consent(id).audience().stream().map(PersonRef::id).toList()));
    }

    void stopSharing(String who, long id) {
        as(who, () -> sets.stopSharing(id));
    }

    @Test
    void a_manager_added_to_the_set_later_never_reads_what_their_team_member_shared() {
        long id = set(List.of("sanna", "jussi", "leo", "callum"));
        share("sanna", id);
        assertThat(cardsSeenBy("jussi", id)).containsExactly("Sanna Nieminen");

        // The facilitator adds Mikko, who manages Youth Services (Sanna's team) and is a learner too.
        members(id, List.of("sanna", "jussi", "leo", "callum", "mikko"));
        assertThat(cardsSeenBy("mikko", id)).doesNotContain("Sanna Nieminen");
        assertThatThrownBy(() -> as("mikko", () -> commitments.shared(whole(), List.of(personId("sanna")))))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(as("mikko", () -> meetings.page(id, firstMeeting(id))).toString())
                .doesNotContain("Ask first, then listen.", "I asked first.");

        // Sanna is told someone joined; her page never offers Mikko, and even a request naming him leaves him out.
        assertThat(joinedNotices("sanna", id)).isOne();
        SetService.Consent consent = as("sanna", () -> sets.consent(id));
        assertThat(consent.audience()).extracting(PersonRef::displayName).doesNotContain("Mikko Laine")
                .contains("Tuula Heikkinen", "Eetu", "Jussi Korhonen");
        assertThat(consent.newcomers()).isEmpty();
        as("sanna", () -> sets.share(id, List.of(personId("mikko"), personId("jussi"))));
        assertThat(cardsSeenBy("mikko", id)).doesNotContain("Sanna Nieminen");
        assertThatThrownBy(() -> as("mikko", () -> commitments.shared(whole(), List.of(personId("sanna")))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("sanna", () -> sets.share(id, List.of(personId("mikko")))))
                .isInstanceOf(InvalidInputException.class);
        assertThat(jdbc.queryForObject("select count(*) from set_share_reader where set_id = ? and reader_id = ?",
                Integer.class, id, personId("mikko"))).isZero();

        // Mikko becomes Callum's manager too after Callum shared with him: from then on he reads nothing of it.
        share("callum", id);
        assertThat(cardsSeenBy("mikko", id)).contains("Callum Reid");
        long youth = jdbc.queryForObject("select id from team where name = 'Youth Services'", Long.class);
        jdbc.update("insert into team_member (team_id, person_id) values (?, ?)", youth, personId("callum"));
        try {
            assertThat(cardsSeenBy("mikko", id)).doesNotContain("Callum Reid");
            assertThatThrownBy(() -> as("mikko", () -> commitments.shared(whole(), List.of(personId("callum")))))
                    .isInstanceOf(AccessDeniedException.class);
        } finally {
            jdbc.update("delete from team_member where team_id = ? and person_id = ?", youth, personId("callum"));
        }
    }

    int joinedNotices(String who, long id) {
        return jdbc.queryForObject("select count(*) from notification where person_id = ? and kind = 'set-joined'"
                + " and link = ?", Integer.class, personId(who), "sets/" + id);
    }

    @Test
    void a_newcomer_does_not_read_earlier_shares() {
        long id = set(List.of("sanna", "jussi", "leo", "callum"));
        share("callum", id);
        members(id, List.of("sanna", "jussi", "leo", "callum", "asa"));
        assertThat(cardsSeenBy("asa", id)).isEmpty();
        assertThatThrownBy(() -> as("asa", () -> commitments.shared(whole(), List.of(personId("callum")))))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(cardsSeenBy("jussi", id)).containsExactly("Callum Reid");

        // Callum is told, and his page names Åsa apart from the people his consent named.
        assertThat(joinedNotices("callum", id)).isOne();
        assertThat(joinedNotices("jussi", id)).as("Jussi shares nothing").isZero();
        SetService.Consent consent = as("callum", () -> sets.consent(id));
        assertThat(consent.sharing()).isTrue();
        assertThat(consent.newcomers()).extracting(PersonRef::displayName).containsExactly("Åsa Öberg");
        assertThat(consent.seeing()).extracting(PersonRef::displayName).containsExactly("Eetu", "Jussi Korhonen",
                "Leo Mäkinen", "Sanna Nieminen", "Tuula Heikkinen");

        // He shares with her too: now she reads it.
        share("callum", id);
        assertThat(cardsSeenBy("asa", id)).containsExactly("Callum Reid");
        assertThat(as("callum", () -> sets.consent(id)).newcomers()).isEmpty();

        // Someone who leaves and comes back is a newcomer again.
        members(id, List.of("sanna", "jussi", "leo", "callum"));
        members(id, List.of("sanna", "jussi", "leo", "callum", "asa"));
        assertThat(cardsSeenBy("asa", id)).isEmpty();
        assertThat(cardsSeenBy("leo", id)).containsExactly("Callum Reid");
    }

    @Test
    void the_meeting_page_shows_only_what_the_consent_names() {
        long id = set(List.of("sanna", "jussi", "leo", "callum"));
        share("sanna", id);
        MeetingService.Page page = as("jussi", () -> meetings.page(id, firstMeeting(id)));
        assertThat(page.shared()).singleElement().satisfies(s -> {
            assertThat(s.commitment().action()).isEqualTo("Ask first, then listen.");
            assertThat(s.commitment().tried()).isEqualTo("I asked first.");
            assertThat(s.commitment().happened()).isEqualTo("They told me more than I expected.");
        });
        // What she learned and will keep doing are in her report back, but not in what the set is given.
        assertThat(page.toString()).doesNotContain("Listening takes less time than I feared.", "Asking first.");
        // Stopping is refused to someone who is not a member, and changes nothing.
        assertThatThrownBy(() -> as("eetu", () -> sets.stopSharing(id))).isInstanceOf(InvalidInputException.class);
        assertThat(cardsSeenBy("jussi", id)).containsExactly("Sanna Nieminen");
    }

    @Test
    void stopping_sharing_wins_over_the_facilitators_save_at_the_same_moment() throws Exception {
        long id = set(List.of("sanna", "jussi", "leo", "callum"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 60; round++) {
                share("callum", id);
                assertThat(cardsSeenBy("jussi", id)).as("round %d, before", round).containsExactly("Callum Reid");
                List<String> members = new ArrayList<>(List.of("sanna", "jussi", "leo", "callum"));
                if (round % 2 == 0) {
                    members.add("asa");
                }
                CyclicBarrier start = new CyclicBarrier(2);
                Future<?> save = pool.submit(() -> {
                    start.await();
                    members(id, members);
                    return null;
                });
                Future<?> stop = pool.submit(() -> {
                    start.await();
                    stopSharing("callum", id);
                    return null;
                });
                save.get();
                stop.get();
                assertThat(cardsSeenBy("jussi", id)).as("round %d, after", round).isEmpty();
                assertThatThrownBy(() -> as("jussi", () -> commitments.shared(whole(), List.of(personId("callum")))))
                        .as("round %d", round).isInstanceOf(AccessDeniedException.class);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
