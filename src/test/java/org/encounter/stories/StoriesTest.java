package org.encounter.stories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.encounter.ServiceTest;
import org.encounter.base.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.TestPropertySource;

/** Stories of change on the demo world's completed reports back: writing, review, reading, and anonymity. */
@TestPropertySource(properties = "encounter.demo.learning=true")
class StoriesTest extends ServiceTest {

    @Autowired StoryService stories;

    long attempt(String who, String module) {
        return jdbc.queryForObject("""
                select a.id from attempt a join module m on m.id = a.module_id join person p on p.id = a.learner_id
                where p.email = ? and m.title = ? and a.status = 'COMPLETED'""", Long.class, who + DOMAIN, module);
    }

    /** The revision of a waiting story as this curator's queue shows it. */
    long revision(String curator, long id) {
        return as(curator, () -> stories.waiting()).stream().filter(s -> s.id() == id).findFirst().orElseThrow()
                .revision();
    }

    int count() {
        return jdbc.queryForObject("select count(*) from story", Integer.class);
    }

    @Test
    void an_anonymous_story_never_names_its_writer_to_anyone_but_the_writer() {
        long attempt = attempt("jussi", "See the whole person");
        StoryService.Draft draft = as("jussi", () -> stories.draft(attempt));
        // Jussi shared his report back with his set, by name: the story does not start from it.
        assertThat(draft.startsEmpty()).isTrue();
        assertThat(draft.tried()).isEmpty();
        assertThat(draft.anonymous()).isTrue();
        as("jussi", () -> stories.submit(attempt, "Asking before the form", "I asked what mattered before the form.",
                "The form got shorter.", "Ask, then write.", true));

        // Noor is the curator who knows Jussi from nowhere.
        List<StoryView> waiting = as("noor", () -> stories.waiting());
        StoryView story = waiting.stream().filter(s -> s.title().equals("Asking before the form")).findFirst().orElseThrow();
        assertThat(story.writerName()).isNull();
        assertThat(waiting.toString()).doesNotContain("Jussi", "jussi");
        as("noor", () -> stories.approve(story.id(), story.revision()));

        for (String who : List.of("admin", "mikko", "fiona", "emma", "noor", "kaisa", "olga", "sanna")) {
            List<StoryView> read = as(who, () -> stories.approved(null, null));
            assertThat(read).anyMatch(s -> s.id() == story.id() && s.writerName() == null && !s.mine());
            assertThat(read.toString()).as(who).doesNotContain("Jussi", "jussi");
        }
        List<StoryView> fromEmmasModules = as("emma", () -> stories.fromMyModules());
        assertThat(fromEmmasModules).anyMatch(s -> s.id() == story.id());
        assertThat(fromEmmasModules.toString()).doesNotContain("Jussi");
        assertThat(as("jussi", () -> stories.mine())).singleElement()
                .satisfies(s -> assertThat(s.mine()).isTrue());
        assertThat(jdbc.queryForObject("select count(*) from notification n join person p on p.id = n.person_id"
                + " where p.email = ? and n.kind = 'story-approved'", Integer.class, "jussi" + DOMAIN)).isEqualTo(1);
        // Approved is final.
        assertThatThrownBy(() -> as("jussi", () -> stories.submit(attempt, "New title", "a", "b", "c", false)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().getFirst().messageKey()).isEqualTo("story.already-approved"));
    }

    @Test
    void a_named_story_is_returned_with_a_comment_rewritten_approved_and_found_by_module_and_theme() {
        long attempt = attempt("callum", "See the whole person");
        as("callum", () -> stories.submit(attempt, "The lad at the station", "I asked what mattered to him.",
                "He talked about his football team.", "Start with the person.", false));
        long id = as("kaisa", () -> stories.waiting()).stream().filter(s -> s.title().equals("The lad at the station"))
                .findFirst().orElseThrow().id();
        assertThat(as("kaisa", () -> stories.waiting()).stream().filter(s -> s.id() == id).findFirst().orElseThrow()
                .writerName()).isEqualTo("Callum Reid");
        assertThatThrownBy(() -> as("kaisa", () -> stories.giveBack(id, "  ", revision("kaisa", id))))
                .isInstanceOf(InvalidInputException.class);
        as("kaisa", () -> stories.giveBack(id, "Could you leave out the station's name?", revision("kaisa", id)));
        StoryService.Draft back = as("callum", () -> stories.draft(attempt));
        assertThat(back.status()).isEqualTo(StoryStatus.RETURNED);
        assertThat(back.curatorComment()).isEqualTo("Could you leave out the station's name?");
        assertThat(as("sanna", () -> stories.approved(null, null))).noneMatch(s -> s.id() == id);

        as("callum", () -> stories.submit(attempt, "The lad at the bus stop", "I asked what mattered to him.",
                "He talked about his football team.", "Start with the person.", false));
        as("noor", () -> stories.approve(id, revision("noor", id)));
        long whole = jdbc.queryForObject("select id from module where title = 'See the whole person'", Long.class);
        long refresher = jdbc.queryForObject("select id from module where title like 'When our%'", Long.class);
        assertThat(as("sanna", () -> stories.approved(whole, null))).anyMatch(s -> s.id() == id
                && "Callum Reid".equals(s.writerName()) && s.curatorComment() == null);
        assertThat(as("sanna", () -> stories.approved(refresher, null))).noneMatch(s -> s.id() == id);
        assertThat(as("sanna", () -> stories.approved(null, "Listening"))).anyMatch(s -> s.id() == id);
        assertThat(as("sanna", () -> stories.approved(null, "community policing"))).noneMatch(s -> s.id() == id);
    }

    @Test
    void bad_input_and_other_peoples_reports_back_are_refused_and_nothing_partial_is_stored() {
        int before = count();
        long olgas = attempt("olga", "When our assumptions came tumbling down");
        assertThatThrownBy(() -> as("sanna", () -> stories.draft(olgas))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("sanna", () -> stories.submit(olgas, "Mine now", "a", "b", "c", true)))
                .isInstanceOf(AccessDeniedException.class);
        long asasOpen = jdbc.queryForObject("select a.id from attempt a join person p on p.id = a.learner_id"
                + " where p.email = ? and a.status <> 'COMPLETED'", Long.class, "asa" + DOMAIN);
        assertThatThrownBy(() -> as("asa", () -> stories.draft(asasOpen))).isInstanceOfSatisfying(
                InvalidInputException.class,
                e -> assertThat(e.errors().getFirst().messageKey()).isEqualTo("story.report-back-first"));
        long sannas = attempt("sanna", "See the whole person");
        assertThatThrownBy(() -> as("sanna", () -> stories.submit(sannas, "x".repeat(121), "a", "b", "c", true)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> as("sanna", () -> stories.submit(sannas, "Title", "a".repeat(2001), "b", "c", true)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> as("sanna", () -> stories.submit(sannas, "Title", "", "b", "c", true)))
                .isInstanceOf(InvalidInputException.class);
        assertThat(count()).isEqualTo(before);
        assertThatThrownBy(() -> as("sanna", () -> stories.waiting())).isInstanceOf(AccessDeniedException.class);

        // A curator's own story waits for another curator: one who does not know her (Kaisa shares her team and set).
        long tuulas = attempt("tuula", "See the whole person");
        as("tuula", () -> stories.submit(tuulas, "Quiet first", "I waited.", "She spoke.", "Wait longer.", true));
        assertThat(as("kaisa", () -> stories.waiting())).noneMatch(s -> s.title().equals("Quiet first"));
        long id = as("noor", () -> stories.waiting()).stream().filter(s -> s.title().equals("Quiet first"))
                .findFirst().orElseThrow().id();
        long seen = revision("noor", id);
        assertThatThrownBy(() -> as("tuula", () -> stories.approve(id, seen))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("kaisa", () -> stories.approve(id, seen))).isInstanceOf(AccessDeniedException.class);
        as("noor", () -> stories.approve(id, seen));
        assertThatThrownBy(() -> as("noor", () -> stories.approve(id, seen))).isInstanceOfSatisfying(
                InvalidInputException.class,
                e -> assertThat(e.errors().getFirst().messageKey()).isEqualTo("story.not-waiting"));
    }
}
