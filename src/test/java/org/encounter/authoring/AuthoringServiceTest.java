package org.encounter.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import org.encounter.ServiceTest;
import org.encounter.base.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;

class AuthoringServiceTest extends ServiceTest {

    @Autowired ModuleService modules;
    @Autowired ReviewService review;
    @Autowired CoAuthorService coAuthors;
    @Autowired PublishedModules published;

    /** A complete module by Emma with Noor as co-author, ready for review. */
    private long readyModule(String title) {
        long id = as("emma", () -> modules.create(title, "en"));
        as("emma", () -> {
            modules.updateDetails(id, null, new ModuleDetails(title, "What it is like to be asked only about problems.",
                    "Youth workers", 20, "en", List.of("youth", "listening"),
                    List.of("I see the person in front of me as a whole.")));
            StepView story = modules.addStep(id, StepType.STORY);
            modules.updateStep(story.id(), story.version(), new StepContent(StepType.STORY, "My first meeting",
                    "They read my file before they *looked* at me.", null, null, null, null, null, List.of()));
            StepView reflect = modules.addStep(id, StepType.REFLECTION);
            modules.updateStep(reflect.id(), reflect.version(), new StepContent(StepType.REFLECTION, null,
                    "When did you last read a file before meeting the person?", null, null, null, null, null, List.of()));
            coAuthors.addExisting(id, personId("noor"));
        });
        return id;
    }

    /** The revision a person reads when they open the module (the review view passes it back with a decision). */
    private String seen(String who, long id) {
        return as(who, () -> modules.draft(id)).revision();
    }

    @Test
    void only_authors_may_create_and_only_a_modules_authors_may_edit_it() {
        assertThatThrownBy(() -> as("sanna", () -> modules.create("Mine", "en"))).isInstanceOf(AccessDeniedException.class);
        long id = readyModule("Only authors edit");
        StepView step = as("emma", () -> modules.draft(id)).steps().getFirst();
        assertThatThrownBy(() -> as("ruby", () -> modules.updateStep(step.id(), step.version(), step.content())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("sanna", () -> modules.draft(id))).isInstanceOf(AccessDeniedException.class);
        // A curator sees nothing of a draft that was not submitted.
        assertThatThrownBy(() -> as("kaisa", () -> modules.draft(id))).isInstanceOf(AccessDeniedException.class);
        // A co-author may edit.
        StepView edited = as("noor", () -> modules.updateStep(step.id(), step.version(),
                new StepContent(StepType.STORY, "My first meeting", "Edited by Noor.", null, null, null, null, null, List.of())));
        assertThat(edited.updatedBy()).isEqualTo("Noor");
        // Only the owner manages co-authors.
        assertThatThrownBy(() -> as("noor", () -> coAuthors.remove(id, personId("emma"))))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void the_review_workflow_allows_each_transition_only_to_its_people() {
        long id = readyModule("Workflow rules");
        assertThatThrownBy(() -> as("kaisa", () -> review.publish(id, "unseen"))).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors().getFirst().messageKey()).isEqualTo("module.wrong-status"));
        as("emma", () -> review.submit(id));
        assertThat(status(id)).isEqualTo("IN_REVIEW");
        // Authors cannot publish, not even an author who is also a curator (Noor).
        assertThatThrownBy(() -> as("emma", () -> review.publish(id, seen("kaisa", id)))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("noor", () -> review.publish(id, seen("kaisa", id)))).isInstanceOf(AccessDeniedException.class);
        // Nobody edits while it is in review.
        StepView step = as("emma", () -> modules.draft(id)).steps().getFirst();
        assertThatThrownBy(() -> as("emma", () -> modules.updateStep(step.id(), step.version(), step.content())))
                .isInstanceOf(InvalidInputException.class);

        assertThatThrownBy(() -> as("kaisa", () -> review.requestChanges(id, " ", seen("kaisa", id)))).isInstanceOf(InvalidInputException.class);
        as("kaisa", () -> review.comment(id, step.id(), "Could you say how it felt?"));
        as("kaisa", () -> review.requestChanges(id, "Please add how it felt.", seen("kaisa", id)));
        assertThat(status(id)).isEqualTo("CHANGES_REQUESTED");
        as("emma", () -> review.comment(id, step.id(), "Added a sentence."));
        as("emma", () -> modules.updateStep(step.id(), step.version(), new StepContent(StepType.STORY, "My first meeting",
                "They read my file first. I felt like a case.", null, null, null, null, null, List.of())));
        as("emma", () -> review.submit(id));
        int number = as("tuula", () -> review.publish(id, seen("tuula", id)));
        assertThat(number).isEqualTo(1);
        assertThat(status(id)).isEqualTo("PUBLISHED");

        assertThat(as("emma", () -> review.history(id))).extracting(TransitionView::to, TransitionView::actor)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ModuleStatus.IN_REVIEW, "Emma"),
                        org.assertj.core.groups.Tuple.tuple(ModuleStatus.CHANGES_REQUESTED, "Kaisa Salo"),
                        org.assertj.core.groups.Tuple.tuple(ModuleStatus.IN_REVIEW, "Emma"),
                        org.assertj.core.groups.Tuple.tuple(ModuleStatus.PUBLISHED, "Tuula Heikkinen"));
        assertThat(as("emma", () -> review.comments(id))).extracting(CommentView::author, CommentView::stepId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Kaisa Salo", step.id()),
                        org.assertj.core.groups.Tuple.tuple("Emma", step.id()));

        assertThatThrownBy(() -> as("emma", () -> review.archive(id))).isInstanceOf(AccessDeniedException.class);
        as("kaisa", () -> review.archive(id));
        assertThat(status(id)).isEqualTo("ARCHIVED");
    }

    @Test
    void a_curator_who_opened_one_text_cannot_publish_or_send_back_another() {
        long id = readyModule("Approve what you saw");
        as("emma", () -> review.submit(id));
        // Tuula opens the module in review: revision A.
        String a = seen("tuula", id);
        // Meanwhile Kaisa asks for changes, Emma rewrites the story step and sends it again: revision B.
        as("kaisa", () -> review.requestChanges(id, "Say how it felt.", seen("kaisa", id)));
        StepView step = as("emma", () -> modules.draft(id)).steps().getFirst();
        as("emma", () -> modules.updateStep(step.id(), step.version(), new StepContent(StepType.STORY,
                "My first meeting", "Words Tuula never read.", null, null, null, null, null, List.of())));
        as("emma", () -> review.submit(id));
        int transitions = transitions(id);

        assertThatThrownBy(() -> as("tuula", () -> review.publish(id, a))).isInstanceOfSatisfying(
                InvalidInputException.class,
                e -> assertThat(e.errors().getFirst().messageKey()).isEqualTo("review.changed-since-opened"));
        assertThatThrownBy(() -> as("tuula", () -> review.requestChanges(id, "Looks fine to me, but…", a)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().getFirst().messageKey()).isEqualTo("review.changed-since-opened"));
        assertThatThrownBy(() -> as("tuula", () -> review.publish(id, null))).isInstanceOf(InvalidInputException.class);
        // Nothing happened: still in review, nothing published, no transition recorded.
        assertThat(status(id)).isEqualTo("IN_REVIEW");
        assertThat(jdbc.queryForObject("select count(*) from module_version where module_id = ?", Integer.class, id))
                .isZero();
        assertThat(transitions(id)).isEqualTo(transitions);

        // A credit changed while in review is a change too.
        String b = seen("tuula", id);
        as("noor", () -> coAuthors.setMyCredit(id, "N. of the youth council"));
        assertThatThrownBy(() -> as("tuula", () -> review.publish(id, b))).isInstanceOf(InvalidInputException.class);

        // What she reads now is what she publishes.
        as("tuula", () -> review.publish(id, seen("tuula", id)));
        PublishedModule v1 = as("sanna", () -> published.current(id)).orElseThrow();
        assertThat(v1.steps().getFirst().body()).isEqualTo("Words Tuula never read.");
        assertThat(v1.credits()).contains("N. of the youth council");
    }

    private int transitions(long id) {
        return jdbc.queryForObject("select count(*) from module_transition where module_id = ?", Integer.class, id);
    }

    @Test
    void a_published_version_never_changes_and_keeps_serving_until_the_next_is_published() {
        long id = readyModule("Versions stay");
        as("emma", () -> review.submit(id));
        as("kaisa", () -> review.publish(id, seen("kaisa", id)));
        PublishedModule v1 = as("sanna", () -> published.current(id)).orElseThrow();
        assertThat(v1.number()).isEqualTo(1);
        assertThat(v1.credits()).containsExactly("Emma", "Noor");
        assertThat(v1.steps()).hasSize(2);

        as("emma", () -> review.startNewDraft(id));
        StepView step = as("emma", () -> modules.draft(id)).steps().getFirst();
        as("emma", () -> modules.updateStep(step.id(), step.version(), new StepContent(StepType.STORY, "Changed",
                "A new telling.", null, null, null, null, null, List.of())));
        as("emma", () -> modules.addStep(id, StepType.DISCUSSION));

        // Learners still get version 1 while the next draft is written.
        assertThat(as("sanna", () -> published.current(id)).orElseThrow().versionId()).isEqualTo(v1.versionId());
        assertThat(as("sanna", () -> published.version(v1.versionId())).orElseThrow()).isEqualTo(v1);

        // Content in the database is frozen: Hibernate never writes to a version.
        String frozen = jdbc.queryForObject("select content from module_version where id = ?", String.class, v1.versionId());
        assertThat(frozen).contains("They read my file before they *looked* at me.").doesNotContain("A new telling.");
    }

    @Test
    void a_stale_save_is_refused_with_the_other_persons_text_and_nothing_is_overwritten() {
        long id = readyModule("Concurrent edits");
        StepView loaded = as("emma", () -> modules.draft(id)).steps().getFirst();
        as("noor", () -> modules.updateStep(loaded.id(), loaded.version(), new StepContent(StepType.STORY,
                "My first meeting", "Noor's words.", null, null, null, null, null, List.of())));

        assertThatThrownBy(() -> as("emma", () -> modules.updateStep(loaded.id(), loaded.version(),
                new StepContent(StepType.STORY, "My first meeting", "Emma's words.", null, null, null, null, null, List.of()))))
                .isInstanceOfSatisfying(StepConflictException.class, e -> {
                    assertThat(e.current().content().body()).isEqualTo("Noor's words.");
                    assertThat(e.current().updatedBy()).isEqualTo("Noor");
                });
        assertThat(jdbc.queryForObject("select body from module_step where id = ?", String.class, loaded.id()))
                .isEqualTo("Noor's words.");
    }

    @Test
    void two_simultaneous_saves_of_one_step_let_exactly_one_through() throws Exception {
        long id = readyModule("Simultaneous edits");
        StepView loaded = as("emma", () -> modules.draft(id)).steps().getFirst();
        CyclicBarrier start = new CyclicBarrier(2);
        AtomicInteger refused = new AtomicInteger();
        List<CompletableFuture<Void>> saves = List.of("emma", "noor").stream().map(who -> CompletableFuture.runAsync(() -> {
            try {
                start.await();
                as(who, () -> modules.updateStep(loaded.id(), loaded.version(), new StepContent(StepType.STORY,
                        "My first meeting", who + " was here", null, null, null, null, null, List.of())));
            } catch (StepConflictException | OptimisticLockingFailureException e) {
                refused.incrementAndGet();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })).toList();
        CompletableFuture.allOf(saves.toArray(CompletableFuture[]::new)).get();
        assertThat(refused.get()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select body from module_step where id = ?", String.class, loaded.id()))
                .isIn("emma was here", "noor was here");
    }

    @Test
    void a_module_cannot_go_to_review_incomplete_and_bad_input_stores_nothing() {
        long id = as("ruby", () -> modules.create("Half done", "en"));
        assertThatThrownBy(() -> as("ruby", () -> review.submit(id))).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).extracting(InvalidInputException.FieldError::messageKey)
                        .contains("module.ready.no-steps", "module.ready.no-statements"));
        assertThatThrownBy(() -> as("ruby", () -> modules.updateDetails(id, null, new ModuleDetails("x".repeat(121),
                null, null, 0, "en", List.of(), List.of("a", "b", "c", "d")))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::field)
                        .contains("title", "estimatedMinutes", "statements"));
        StepView media = as("ruby", () -> modules.addStep(id, StepType.MEDIA));
        assertThatThrownBy(() -> as("ruby", () -> modules.updateStep(media.id(), media.version(), new StepContent(
                StepType.MEDIA, null, null, null, "https://evil.example/v.mp4", null, null, null, List.of()))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().getFirst().messageKey()).isEqualTo("step.video-not-allowed"));
        assertThat(jdbc.queryForObject("select title from module where id = ?", String.class, id)).isEqualTo("Half done");
        assertThat(jdbc.queryForObject("select video_url from module_step where id = ?", String.class, media.id())).isNull();
    }

    @Test
    void a_co_author_joins_by_a_single_use_link_and_the_owner_can_remove_them() {
        long id = readyModule("Join by link");
        String link = as("emma", () -> coAuthors.createLink(id));
        String token = link.substring(link.lastIndexOf('/') + 1);
        assertThat(as("eetu", () -> coAuthors.join(token))).isEqualTo(id);
        assertThat(as("eetu", () -> modules.draft(id)).authors()).extracting(AuthorView::displayName)
                .contains("Emma", "Noor", "Eetu");
        assertThatThrownBy(() -> as("ruby", () -> coAuthors.join(token))).isInstanceOfSatisfying(
                InvalidInputException.class, e -> assertThat(e.errors().getFirst().messageKey()).isEqualTo("coauthor.link-used"));
        as("eetu", () -> coAuthors.setMyCredit(id, "Young people of the Youth Council"));
        as("emma", () -> coAuthors.remove(id, personId("eetu")));
        assertThatThrownBy(() -> as("eetu", () -> modules.draft(id))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("emma", () -> coAuthors.remove(id, personId("emma")))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void the_demo_world_has_three_published_modules_using_every_step_type_one_in_review_and_one_draft() {
        List<Long> publishedIds = jdbc.queryForList("select m.id from module m join module_version v on v.id = m.latest_version_id"
                + " where m.title in ('See the whole person', 'When our assumptions came tumbling down', 'Walk in another''s shoes')",
                Long.class);
        assertThat(publishedIds).hasSize(3);
        for (long id : publishedIds) {
            PublishedModule module = as("sanna", () -> published.current(id)).orElseThrow();
            assertThat(module.steps()).extracting(StepContent::type).containsExactlyInAnyOrder(StepType.values());
            assertThat(module.credits()).hasSize(2);
            assertThat(module.statements()).isNotEmpty();
        }
        long inReview = jdbc.queryForObject("select id from module where title = 'Nobody asked what I wanted'", Long.class);
        assertThat(status(inReview)).isEqualTo("IN_REVIEW");
        assertThat(as("kaisa", () -> review.comments(inReview))).hasSizeGreaterThanOrEqualTo(2);
        long draft = jdbc.queryForObject("select id from module where title = 'Waiting rooms'", Long.class);
        assertThat(status(draft)).isEqualTo("DRAFT");
        assertThat(as("emma", () -> modules.draft(draft)).authors()).extracting(AuthorView::owner)
                .containsExactly(true, false, false);
        assertThat(jdbc.queryForObject("select count(*) from module_image", Long.class)).isGreaterThanOrEqualTo(1);
    }

    private String status(long id) {
        return jdbc.queryForObject("select status from module where id = ?", String.class, id);
    }
}
