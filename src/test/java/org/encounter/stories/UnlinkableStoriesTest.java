package org.encounter.stories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.encounter.ServiceTest;
import org.encounter.authoring.ModuleService;
import org.encounter.authoring.ModuleSummary;
import org.encounter.base.InvalidInputException;
import org.encounter.learning.AuthorFeedback;
import org.encounter.learning.AuthorFeedbackService;
import org.encounter.learning.LearningService;
import org.encounter.learning.Sharing;
import org.encounter.sets.MeetingService;
import org.encounter.sets.SetService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.TestPropertySource;

/**
 * Anonymous stories against an insider who knows the writer: the demo's Tuula facilitates the set and curates,
 * Kaisa sits in the set and the team, Noor writes a module learners sign answers on. Each attack is played through
 * the services, and at the end every anonymous story is compared with every named text anyone else can reach. Its
 * own context (and database): the attacks write stories for demo learners that other tests write stories for too,
 * so neither may depend on which runs first.
 */
@TestPropertySource(properties = {"encounter.demo.learning=true", "encounter.test.context=unlinkable-stories"})
class UnlinkableStoriesTest extends ServiceTest {

    static final String WHOLE = "See the whole person";
    static final String ASSUMPTIONS = "When our assumptions came tumbling down";

    @Autowired StoryService stories;
    @Autowired LearningService learning;
    @Autowired SetService sets;
    @Autowired MeetingService meetings;
    @Autowired ModuleService modules;
    @Autowired AuthorFeedbackService authorFeedback;

    long attempt(String who, String module) {
        return jdbc.queryForObject("""
                select a.id from attempt a join module m on m.id = a.module_id join person p on p.id = a.learner_id
                where p.email = ? and m.title = ? and a.status = 'COMPLETED'""", Long.class, who + DOMAIN, module);
    }

    int stories() {
        return jdbc.queryForObject("select count(*) from story", Integer.class);
    }

    @Test
    void a_report_back_shared_with_the_set_neither_starts_nor_can_be_pasted_into_an_anonymous_story() {
        // Sanna shares her commitment and report back with her set, where Tuula and Kaisa read them by name.
        long attempt = attempt("sanna", WHOLE);
        StoryService.Draft draft = as("sanna", () -> stories.draft(attempt));
        assertThat(draft.startsEmpty()).isTrue();
        assertThat(List.of(draft.title(), draft.tried(), draft.happened(), draft.learned())).containsOnly("");

        // She pastes it in anyway (as anyone could, from the meeting page): refused field by field, nothing stored.
        int before = stories();
        assertThatThrownBy(() -> as("sanna", () -> stories.submit(attempt, "A quiet change", " I asked  first ",
                "They told me more than I expected.", "LISTENING takes less time than I feared!", true)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::field, InvalidInputException.FieldError::messageKey)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("tried", "story.words-shown-named"),
                                org.assertj.core.groups.Tuple.tuple("happened", "story.words-shown-named"),
                                org.assertj.core.groups.Tuple.tuple("learned", "story.words-shown-named")));
        // Her planned action is on the meeting page too.
        assertThatThrownBy(() -> as("sanna", () -> stories.submit(attempt, "Ask first, then listen", "Something new.",
                "Something else.", "A third thing.", true))).isInstanceOf(InvalidInputException.class);
        assertThat(stories()).isEqualTo(before);

        // Her report back on the refresher was never shared, but it says the same: it does not start a story either.
        long refresher = attempt("sanna", ASSUMPTIONS);
        assertThat(as("sanna", () -> stories.draft(refresher)).startsEmpty()).isTrue();
        // Told with her name, the same words are hers to reuse; but then the story never turns anonymous.
        as("sanna", () -> stories.submit(refresher, "A quiet change", "I asked first.",
                "They told me more than I expected.", "Listening takes less time than I feared.", false));
        assertThatThrownBy(() -> as("sanna", () -> stories.submit(refresher, "A quiet change", "Different words now.",
                "Other words.", "New words.", true))).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors().getFirst().messageKey()).isEqualTo("story.was-named"));
        assertThat(jdbc.queryForObject("select anonymous from story where attempt_id = ?", Boolean.class, refresher))
                .isFalse();
        assertThat(stories()).isEqualTo(before + 1);
        assertNoAnonymousStoryRepeatsANamedText();
    }

    @Test
    void a_named_story_and_a_signed_answer_cannot_be_reused_in_an_anonymous_one() {
        // Callum signs his report back on Noor's module: Noor and Ruby read those words with his name.
        long signed = attempt("callum", ASSUMPTIONS);
        int position = jdbc.queryForObject("select position from attempt_step where attempt_id = ? and tried is not null",
                Integer.class, signed);
        as("callum", () -> learning.share(signed, position, Sharing.SIGNED));
        assertThat(as("callum", () -> stories.draft(signed)).startsEmpty()).isTrue();
        assertThatThrownBy(() -> as("callum", () -> stories.submit(signed, "Tumbling", "I asked first.", "New words.",
                "More new words.", true))).isInstanceOf(InvalidInputException.class);
        // A long passage lifted out of a signed answer counts, not only the whole of it.
        as("callum", () -> learning.giveFeedback(signed, 5,
                "Sitting with the young people at the youth council changed how I open every single meeting now.", true));
        assertThatThrownBy(() -> as("callum", () -> stories.submit(signed, "Tumbling", "At the council: sitting with "
                + "the young people at the youth council changed how I open every single meeting now.", "New words.",
                "More new words.", true))).isInstanceOf(InvalidInputException.class);
        as("callum", () -> stories.submit(signed, "Tumbling", "I opened with a question about him.",
                "He stayed longer than usual.", "Questions open doors.", true));
        long id = jdbc.queryForObject("select id from story where attempt_id = ?", Long.class, signed);
        // Noor knows his name from his signed answer; Kaisa does not know him.
        assertThat(as("noor", () -> stories.waiting())).noneMatch(s -> s.id() == id);
        assertNoAnonymousStoryRepeatsANamedText();

        // Approve what you saw: Kaisa opens the queue and reads revision A...
        StoryView seen = as("kaisa", () -> stories.waiting()).stream().filter(s -> s.id() == id).findFirst().orElseThrow();
        // ...Callum rewrites it (revision B, which Kaisa has not read)...
        as("callum", () -> stories.submit(signed, "Tumbling down", "I named the station.", "He was hurt.",
                "Names travel.", true));
        // ...and her approval or return of A does nothing.
        assertThatThrownBy(() -> as("kaisa", () -> stories.approve(id, seen.revision())))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().getFirst().messageKey()).isEqualTo("story.changed-since-opened"));
        assertThatThrownBy(() -> as("kaisa", () -> stories.giveBack(id, "Fine.", seen.revision())))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().getFirst().messageKey()).isEqualTo("story.changed-since-opened"));
        assertThat(status(id)).isEqualTo("SUBMITTED");
        assertThat(jdbc.queryForObject("select reviewed_by_id from story where id = ?", Long.class, id)).isNull();
        assertThat(as("sanna", () -> stories.approved(null, null))).noneMatch(s -> s.id() == id);
        // What she reads now, she may approve.
        StoryView now = as("kaisa", () -> stories.waiting()).stream().filter(s -> s.id() == id).findFirst().orElseThrow();
        assertThat(now.title()).isEqualTo("Tumbling down");
        as("kaisa", () -> stories.approve(id, now.revision()));
        assertThat(status(id)).isEqualTo("APPROVED");
    }

    @Test
    void a_curator_who_knows_the_writer_from_a_set_a_team_or_a_signed_answer_never_reviews_their_anonymous_story() {
        // Kaisa sits in Tuula's set (Tuula facilitates it) and in her team.
        long kaisas = attempt("kaisa", WHOLE);
        as("kaisa", () -> stories.submit(kaisas, "Not yet", "I kept it for next month.", "Nothing yet.", "Small steps.",
                true));
        long kaisaStory = jdbc.queryForObject("select id from story where attempt_id = ?", Long.class, kaisas);
        for (String knows : List.of("tuula")) {
            assertThat(as(knows, () -> stories.waiting())).as(knows).noneMatch(s -> s.id() == kaisaStory);
            assertThatThrownBy(() -> as(knows, () -> stories.approve(kaisaStory, version(kaisaStory)))).as(knows)
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> as(knows, () -> stories.giveBack(kaisaStory, "Too short?", version(kaisaStory))))
                    .as(knows).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(status(kaisaStory)).isEqualTo("SUBMITTED");

        // Olga signs an answer on Noor's module: Noor knows her name from it, Tuula and Kaisa do not know her.
        long olgas = attempt("olga", ASSUMPTIONS);
        int reflection = jdbc.queryForObject("select min(position) from attempt_step where attempt_id = ? "
                + "and answer is not null", Integer.class, olgas);
        as("olga", () -> learning.share(olgas, reflection, Sharing.SIGNED));
        as("olga", () -> stories.submit(olgas, "The old file", "I read the file last.", "We talked.", "Files wait.", true));
        long olgaStory = jdbc.queryForObject("select id from story where attempt_id = ?", Long.class, olgas);
        assertThat(as("noor", () -> stories.waiting())).noneMatch(s -> s.id() == olgaStory);
        assertThatThrownBy(() -> as("noor", () -> stories.approve(olgaStory, version(olgaStory))))
                .isInstanceOf(AccessDeniedException.class);

        // Some curator can still review each: Noor reviews Kaisa's, Kaisa reviews Olga's.
        StoryView kaisa = as("noor", () -> stories.waiting()).stream().filter(s -> s.id() == kaisaStory).findFirst()
                .orElseThrow();
        as("noor", () -> stories.approve(kaisaStory, kaisa.revision()));
        StoryView olga = as("kaisa", () -> stories.waiting()).stream().filter(s -> s.id() == olgaStory).findFirst()
                .orElseThrow();
        as("kaisa", () -> stories.giveBack(olgaStory, "Could you say what you read instead?", olga.revision()));
        assertThat(status(kaisaStory)).isEqualTo("APPROVED");
        assertThat(status(olgaStory)).isEqualTo("RETURNED");
        assertNoAnonymousStoryRepeatsANamedText();
    }

    @Test
    void words_told_anonymously_first_are_never_shown_with_the_name_afterwards() {
        // Leo tells his report back anonymously, word for word: nobody had read it with his name.
        long leos = attempt("leo", WHOLE);
        StoryService.Draft draft = as("leo", () -> stories.draft(leos));
        assertThat(draft.startsEmpty()).isFalse();
        as("leo", () -> stories.submit(leos, "Between visits", draft.tried(), draft.happened(), "I slow down now.",
                true));
        long leo = personId("leo");

        // Sharing that report back with his set afterwards would put his name to the story's words.
        long set = jdbc.queryForObject("select min(id) from learning_set", Long.class);
        List<Long> everyone = as("leo", () -> sets.consent(set)).audience().stream()
                .map(org.encounter.identity.PersonRef::id).toList();
        assertThatThrownBy(() -> as("leo", () -> sets.share(set, everyone)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().getFirst().messageKey())
                        .isEqualTo("learning.words-told-anonymously"));
        assertThat(jdbc.queryForObject("select count(*) from set_share where sharer_id = ?", Integer.class, leo))
                .isZero();

        // So would signing the answer for the authors, or signed feedback repeating it.
        int reportBack = jdbc.queryForObject("select min(position) from attempt_step where attempt_id = ?"
                + " and tried is not null", Integer.class, leos);
        assertThatThrownBy(() -> as("leo", () -> learning.share(leos, reportBack, Sharing.SIGNED)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().getFirst().messageKey())
                        .isEqualTo("learning.words-told-anonymously"));
        assertThat(jdbc.queryForObject("select count(*) from attempt_step where attempt_id = ? and shared = 'SIGNED'",
                Integer.class, leos)).isZero();
        assertThatThrownBy(() -> as("leo", () -> learning.giveFeedback(leos, 4, draft.tried(), true)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().getFirst().messageKey())
                        .isEqualTo("learning.words-told-anonymously"));
        assertThat(jdbc.queryForObject("select count(*) from module_feedback where attempt_id = ?", Integer.class,
                leos)).isZero();

        // Without his name, or in other words, it goes.
        as("leo", () -> learning.share(leos, reportBack, Sharing.ANONYMOUS));
        as("leo", () -> learning.giveFeedback(leos, 4, "Short and useful.", true));
        assertNoAnonymousStoryRepeatsANamedText();
    }

    @Test
    void in_the_demo_world_no_anonymous_story_repeats_a_named_text() {
        assertNoAnonymousStoryRepeatsANamedText();
    }

    private String status(long story) {
        return jdbc.queryForObject("select status from story where id = ?", String.class, story);
    }

    private long version(long story) {
        return jdbc.queryForObject("select version from story where id = ?", Long.class, story);
    }

    /**
     * Every anonymous story against every text shown with its writer's name to every other person: meeting pages of
     * their sets, signed answers and feedback on the modules they write, and named stories they can read.
     */
    private void assertNoAnonymousStoryRepeatsANamedText() {
        List<Map<String, Object>> anonymous = jdbc.queryForList("""
                select s.title, s.tried, s.happened, s.learned, p.email, p.display_name from story s
                join person p on p.id = s.writer_id where s.anonymous = true""");
        List<String> people = jdbc.queryForList("select email from person where email like ?", String.class,
                "%" + DOMAIN);
        for (String reader : people) {
            Map<String, List<String>> named = as(reader, () -> reachable(reader));
            for (Map<String, Object> story : anonymous) {
                if (story.get("email").equals(reader)) {
                    continue;
                }
                List<String> shown = named.getOrDefault((String) story.get("display_name"), List.of());
                for (String field : List.of("title", "tried", "happened", "learned")) {
                    String text = (String) story.get(field);
                    assertThat(shown).as("%s reads %s's words: %s", reader, story.get("display_name"), text)
                            .noneMatch(n -> SameWords.normal(n).equals(SameWords.normal(text))
                                    || SameWords.repeats(text, n));
                }
            }
        }
    }

    /** Text by writer's display name, as this reader's screens show it with that name. */
    private Map<String, List<String>> reachable(String reader) {
        Map<String, List<String>> named = new HashMap<>();
        for (SetService.Summary set : sets.mine()) {
            for (SetService.MeetingInfo meeting : sets.detail(set.id()).meetings()) {
                for (MeetingService.Shared shared : meetings.page(set.id(), meeting.id()).shared()) {
                    MeetingService.SharedText c = shared.commitment();
                    if (c != null) {
                        add(named, shared.member().displayName(), c.action(), c.tried(), c.happened());
                    }
                }
            }
        }
        for (ModuleSummary module : modules.myModules()) {
            AuthorFeedback feedback = authorFeedback.forModule(module.id());
            feedback.feedback().stream().filter(f -> f.signedBy() != null)
                    .forEach(f -> add(named, f.signedBy(), f.comment()));
            feedback.shared().stream().filter(s -> s.signedBy() != null).forEach(s -> {
                add(named, s.signedBy(), s.text());
                Stream.of(s.text().split("\n\n")).forEach(part -> add(named, s.signedBy(), part));
            });
        }
        List<StoryView> readable = new ArrayList<>(stories.approved(null, null));
        if (jdbc.queryForObject("select count(*) from person_role r join person p on p.id = r.person_id "
                + "where p.email = ? and r.role = 'CURATOR'", Integer.class, reader) > 0) {
            readable.addAll(stories.waiting());
        }
        readable.stream().filter(s -> s.writerName() != null)
                .forEach(s -> add(named, s.writerName(), s.title(), s.tried(), s.happened(), s.learned()));
        return named;
    }

    private static void add(Map<String, List<String>> named, String name, String... texts) {
        Stream.of(texts).filter(t -> t != null && !t.isBlank())
                .forEach(t -> named.computeIfAbsent(name, k -> new ArrayList<>()).add(t));
    }
}
