package org.encounter.stories;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.encounter.RecordingExport;
import org.encounter.ServiceTest;
import org.encounter.base.PersonalData.ErasureChoices;
import org.encounter.base.StoryOffered;
import org.encounter.base.SystemAccess;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A writer's stories in their export (anonymous ones too: they are the writer's) and after their erasure; a curator's
 * notes after theirs. Each test writes its stories through the app and rolls everything back.
 */
@TestPropertySource(properties = "encounter.demo.learning=true")
class StoriesPersonalDataTest extends ServiceTest {

    private static final String ANONYMOUS_TITLE = "A bench by the river";
    private static final String NAMED_TITLE = "What the visit taught me";
    private static final String NOTE = "Name the street too, please.";

    @Autowired StoriesPersonalData data;
    @Autowired StoryService stories;
    @Autowired ApplicationEventPublisher events;
    @Autowired PlatformTransactionManager transactions;
    @PersistenceContext EntityManager em;

    /** Jussi's two stories: an anonymous one of his module, approved by Noor; a named exchange one Kaisa returned. */
    private record Written(long anonymous, long named) {
    }

    @Test
    void the_export_holds_named_and_anonymous_stories_with_the_notes_to_the_writer_and_never_who_reviewed() {
        inRollback(() -> {
            Written written = writeJussisStories();
            RecordingExport export = export("jussi");
            List<Map<String, Object>> mine = export.of("story");
            assertThat(mine).extracting(s -> s.get("title")).containsExactlyInAnyOrder(ANONYMOUS_TITLE, NAMED_TITLE);
            assertThat(mine).filteredOn(s -> s.get("title").equals(ANONYMOUS_TITLE)).singleElement().satisfies(s -> {
                assertThat(s.get("anonymous")).isEqualTo(true);
                assertThat(s.get("status")).isEqualTo("APPROVED");
                assertThat(s.get("module")).isEqualTo("See the whole person");
                assertThat(s.get("tried")).isEqualTo("I sat down beside him first.");
                assertThat(s.get("approvedAt")).isNotNull();
            });
            assertThat(mine).filteredOn(s -> s.get("title").equals(NAMED_TITLE)).singleElement().satisfies(s -> {
                assertThat(s.get("anonymous")).isEqualTo(false);
                assertThat(s.get("status")).isEqualTo("RETURNED");
                assertThat(s.get("module")).isEqualTo("Leadership Exchange: Test round");
                assertThat(s.get("curatorComment")).isEqualTo(NOTE);
            });
            // Who reviewed, or who knows the writer, is not his to read.
            assertThat(export.text()).doesNotContain("Kaisa", "Noor", "Sanna");
            assertThat(mine).allSatisfy(s -> assertThat(s).doesNotContainKeys("reviewedBy", "curator", "insiders"));
            assertThat(export.of("curatorNote")).isEmpty();

            // Kaisa's note is hers: in her export, without Jussi's story.
            RecordingExport kaisas = export("kaisa");
            assertThat(kaisas.of("curatorNote")).singleElement().satisfies(n -> {
                assertThat(n.get("text")).isEqualTo(NOTE);
                assertThat(n.get("status")).isEqualTo("RETURNED");
            });
            assertThat(kaisas.text()).doesNotContain(NAMED_TITLE, "I visited the station", "Jussi");
            assertThat(written.named()).isPositive();
        });
    }

    @Test
    void erasure_deletes_the_writers_stories_named_and_anonymous_and_where_they_are_an_insider() {
        inRollback(() -> {
            Written written = writeJussisStories();
            long sannas = offer("sanna", "exchange-pair:erasure-test-2", "Quiet at the desk", true,
                    Set.of(personId("jussi")));
            em.flush();
            assertThat(jdbc.queryForObject("select count(*) from story_insider where person_id = ?", Integer.class,
                    personId("jussi"))).isPositive();

            erase("jussi", new ErasureChoices(false, false, false));
            erase("jussi", new ErasureChoices(false, false, false));

            assertThat(jdbc.queryForObject("select count(*) from story where id in (?, ?) or writer_id = ?",
                    Integer.class, written.anonymous(), written.named(), personId("jussi"))).isZero();
            assertThat(jdbc.queryForObject("select count(*) from story where title in (?, ?)", Integer.class,
                    ANONYMOUS_TITLE, NAMED_TITLE)).isZero();
            assertThat(jdbc.queryForObject("select count(*) from story_insider where person_id = ?", Integer.class,
                    personId("jussi"))).isZero();
            // Sanna's story is hers: it stays, only Jussi no longer counts as knowing her.
            assertThat(jdbc.queryForObject("select writer_id from story where id = ?", Long.class, sannas))
                    .isEqualTo(personId("sanna"));
        });
    }

    @Test
    void an_anonymous_story_kept_at_the_writers_choice_stays_published_and_leads_to_no_one() {
        inRollback(() -> {
            Written written = writeJussisStories();
            jdbc.update("insert into story_insider (story_id, person_id) values (?, ?)", written.anonymous(),
                    personId("sanna"));

            erase("jussi", new ErasureChoices(true, false, false));
            erase("jussi", new ErasureChoices(true, false, false));

            assertThat(jdbc.queryForObject("select count(*) from story where id = ?", Integer.class, written.named()))
                    .as("a named story never stays").isZero();
            Map<String, Object> kept = jdbc.queryForMap("select * from story where id = ?", written.anonymous());
            assertThat(kept.get("writer_id")).isNull();
            assertThat(kept.get("attempt_id")).isNull();
            assertThat(kept.get("source")).isNull();
            assertThat(kept.get("link")).isNull();
            assertThat(kept.get("status")).isEqualTo("APPROVED");
            assertThat(kept.get("title")).isEqualTo(ANONYMOUS_TITLE);
            assertThat(jdbc.queryForObject("select count(*) from story_insider where story_id = ?", Integer.class,
                    written.anonymous())).isZero();

            // Still read where it was read, by no one's name, and nobody's own.
            em.clear();
            for (String reader : List.of("mikko", "noor", "sanna")) {
                assertThat(as(reader, () -> stories.approved(null, null)))
                        .filteredOn(s -> s.id() == written.anonymous()).singleElement().satisfies(s -> {
                            assertThat(s.writerName()).isNull();
                            assertThat(s.mine()).isFalse();
                            assertThat(s.moduleTitle()).isEqualTo("See the whole person");
                        });
            }
            assertThat(as("noor", () -> stories.waiting())).noneMatch(s -> s.id() == written.anonymous());
        });
    }

    @Test
    void an_erased_curators_notes_are_blanked_and_their_decisions_stay() {
        inRollback(() -> {
            Written written = writeJussisStories();
            erase("kaisa", new ErasureChoices(false, false, false));
            Map<String, Object> returned = jdbc.queryForMap("select * from story where id = ?", written.named());
            assertThat(returned.get("status")).isEqualTo("RETURNED");
            assertThat(returned.get("curator_comment")).isNull();
            assertThat(returned.get("reviewed_by_id")).isEqualTo(personId("kaisa"));
            assertThat(returned.get("writer_id")).isEqualTo(personId("jussi"));
            assertThat(jdbc.queryForObject("select count(*) from story where curator_comment = ?", Integer.class,
                    NOTE)).isZero();
            assertThat(export("kaisa").of("curatorNote")).isEmpty();
        });
    }

    private Written writeJussisStories() {
        long attempt = jdbc.queryForObject("""
                select a.id from attempt a join module m on m.id = a.module_id join person p on p.id = a.learner_id
                where p.email = ? and m.title = 'See the whole person' and a.status = 'COMPLETED'""", Long.class,
                "jussi" + DOMAIN);
        // Another test may have written Jussi's story of this report back already: this one starts afresh.
        jdbc.update("delete from story where attempt_id = ?", attempt);
        StoryView anonymous = as("jussi", () -> stories.submit(attempt, ANONYMOUS_TITLE,
                "I sat down beside him first.", "He told me about the river.", "Sit first, talk later.", true));
        as("noor", () -> stories.approve(anonymous.id(), revision("noor", anonymous.id())));

        long named = offer("jussi", "exchange-pair:erasure-test-1", NAMED_TITLE, false, Set.of(personId("sanna")));
        as("kaisa", () -> stories.giveBack(named, NOTE, revision("kaisa", named)));
        em.flush();
        return new Written(anonymous.id(), named);
    }

    /** A story offered from an exchange, as the exchange feature offers it, in the writer's own request. */
    private long offer(String who, String source, String title, boolean anonymous, Set<Long> insiders) {
        long partnership = jdbc.queryForObject("select id from partnership where name = 'One Aurajoki'", Long.class);
        as(who, () -> events.publishEvent(new StoryOffered(personId(who), source, partnership,
                "Leadership Exchange: Test round", title, "I visited the station with " + who + ".",
                "We found the same worries.", "Visit more often.", anonymous, "exchange/pair/0", List.of(), insiders)));
        em.flush();
        return jdbc.queryForObject("select id from story where source = ?", Long.class, source);
    }

    private long revision(String curator, long id) {
        return as(curator, () -> stories.waiting()).stream().filter(s -> s.id() == id).findFirst().orElseThrow()
                .revision();
    }

    private RecordingExport export(String who) {
        RecordingExport export = new RecordingExport();
        try {
            data.export(personId(who), export);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return export;
    }

    private void erase(String who, ErasureChoices choices) {
        em.flush();
        SystemAccess.run(() -> {
            data.erase(personId(who), choices);
            return null;
        });
    }

    private void inRollback(Runnable work) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            status.setRollbackOnly();
            work.run();
        });
    }
}
