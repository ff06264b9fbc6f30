package org.encounter.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.encounter.ServiceTest;
import org.encounter.TestClock;
import org.encounter.authoring.ModuleService;
import org.encounter.authoring.ReviewService;
import org.encounter.authoring.StepContent;
import org.encounter.authoring.StepType;
import org.encounter.base.InvalidInputException;
import org.encounter.identity.PersonService;
import org.encounter.identity.TeamService;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@RecordApplicationEvents
class LearningServiceTest extends ServiceTest {

    static final ZoneId ZONE = ZoneId.of("Europe/Helsinki");

    @Autowired LearningService learning;
    @Autowired AssignmentService assignments;
    @Autowired AuthorFeedbackService authorFeedback;
    @Autowired ModuleService modules;
    @Autowired ReviewService review;
    @Autowired PersonService people;
    @Autowired TeamService teams;
    @Autowired TestClock clock;
    @Autowired ApplicationEvents events;
    @Autowired EntityManagerFactory emf;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private long module(String title) {
        return jdbc.queryForObject("select id from module where title = ?", Long.class, title);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    private static StepAnswer text(String answer) {
        return new StepAnswer(answer, null, null, null, null, null, null, null, false);
    }

    @Test
    void a_learner_goes_through_the_whole_action_learning_cycle_and_completion_is_announced_once() {
        long whole = module("See the whole person");
        long attempt = as("asa", () -> learning.start(whole));
        assertThat(as("asa", () -> learning.start(whole))).isEqualTo(attempt);
        as("asa", () -> learning.rate(attempt, false, 0, 2));
        as("asa", () -> learning.completeStep(attempt, 0, StepAnswer.empty()));
        as("asa", () -> learning.completeStep(attempt, 1, StepAnswer.empty()));
        assertThatThrownBy(() -> as("asa", () -> learning.completeStep(attempt, 2, text("  "))))
                .isInstanceOf(InvalidInputException.class);
        as("asa", () -> learning.saveAnswer(attempt, 2, text("I read the file first, every time.")));
        as("asa", () -> learning.completeStep(attempt, 2, text("I read the file first, every time.")));
        as("asa", () -> learning.completeStep(attempt, 3, new StepAnswer(null, 1, null, null, null, null, null, null, false)));
        PlayerState afterPlan = as("asa", () -> learning.completeStep(attempt, 4, new StepAnswer(null, null, null, null,
                null, null, "Ask what matters before opening the file", today().plusDays(3), false)));

        assertThat(afterPlan.status()).isEqualTo(AttemptStatus.AWAITING_REPORT_BACK);
        assertThat(afterPlan.reportBackOpen()).isFalse();
        assertThat(Duration.between(clock.instant(), afterPlan.reportBackOpensAt())).isBetween(Duration.ofDays(6),
                Duration.ofDays(7));
        assertThatThrownBy(() -> as("asa", () -> learning.completeStep(attempt, 5, new StepAnswer(null, null, "tried",
                "happened", null, null, null, null, false)))).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors().getFirst().messageKey()).isEqualTo("learning.report-back-not-open"));
        assertThatThrownBy(() -> as("asa", () -> learning.goTo(attempt, 5))).isInstanceOf(InvalidInputException.class);

        clock.advance(Duration.ofDays(8));
        as("asa", () -> learning.goTo(attempt, 5));
        // Whether they tried it must be said (either answer will do); nothing else is lost meanwhile.
        assertThatThrownBy(() -> as("asa", () -> learning.completeStep(attempt, 5, new StepAnswer(null, null,
                "I asked first.", "She told me about her band.", null, null, null, null, false))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().getFirst().messageKey()).isEqualTo("player.tried-it.required"));
        as("asa", () -> learning.completeStep(attempt, 5, new StepAnswer(null, 0, "I asked first.",
                "She told me about her band.", "People open up.", "Asking first.", null, null, false)));
        as("asa", () -> learning.rate(attempt, true, 0, 4));
        PlayerState done = as("asa", () -> learning.completeStep(attempt, 6, StepAnswer.empty()));

        assertThat(done.status()).isEqualTo(AttemptStatus.COMPLETED);
        assertThat(done.startRatings()).containsEntry(0, 2);
        assertThat(done.reportRatings()).containsEntry(0, 4);
        assertThat(events.stream(AttemptCompleted.class).filter(e -> e.attemptId() == attempt)).hasSize(1);
        // Once completed, its ratings are what impact counted: they can no longer change.
        assertThatThrownBy(() -> as("asa", () -> learning.rate(attempt, true, 0, 1)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> as("asa", () -> learning.completeStep(attempt, 6, StepAnswer.empty())))
                .isInstanceOf(InvalidInputException.class);
        assertThat(events.stream(AttemptCompleted.class).filter(e -> e.attemptId() == attempt)).hasSize(1);
        as("asa", () -> learning.giveFeedback(attempt, 5, "Made me think.", false));
        assertThat(as("asa", () -> learning.myLearning()).completed()).extracting(LearningItem::title)
                .contains("See the whole person");
    }

    @Test
    void a_step_cannot_be_skipped_and_having_tried_already_opens_the_report_back_after_the_minimum_gap() {
        long assumptions = module("When our assumptions came tumbling down");
        long attempt = as("leo", () -> learning.start(assumptions));
        assertThatThrownBy(() -> as("leo", () -> learning.completeStep(attempt, 3, StepAnswer.empty())))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().getFirst().messageKey()).isEqualTo("learning.step-not-open"));
        for (int i = 0; i < 4; i++) {
            int position = i;
            as("leo", () -> learning.completeStep(attempt, position, new StepAnswer("A thought", 0, null, null, null,
                    null, null, null, false)));
        }
        PlayerState state = as("leo", () -> learning.completeStep(attempt, 4, new StepAnswer(null, null, null, null,
                null, null, "Say my first impression out loud", today().plusMonths(2), true)));
        // The author's gap is 10 days; the planned date in two months does not count because Leo tried already.
        assertThat(Duration.between(clock.instant(), state.reportBackOpensAt())).isBetween(Duration.ofDays(9),
                Duration.ofDays(10));
    }

    @Test
    void a_learner_cannot_open_or_write_to_another_learners_attempt() {
        long shoes = module("Walk in another's shoes");
        long attempt = as("sanna", () -> learning.start(shoes));
        as("sanna", () -> learning.completeStep(attempt, 0, StepAnswer.empty()));
        assertThatThrownBy(() -> as("jussi", () -> learning.player(attempt))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("jussi", () -> learning.saveAnswer(attempt, 1, text("overwritten"))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("jussi", () -> learning.goTo(attempt, 0))).isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.queryForObject("select count(*) from attempt_step where attempt_id = ? and answer = 'overwritten'",
                Integer.class, attempt)).isZero();
        long draft = module("Waiting rooms");
        assertThatThrownBy(() -> as("jussi", () -> learning.start(draft))).isInstanceOfSatisfying(
                InvalidInputException.class, e -> assertThat(e.errors().getFirst().messageKey()).isEqualTo("learning.not-published"));
        assertThatThrownBy(() -> as("sanna", () -> learning.saveAnswer(attempt, 2, text("x".repeat(10_001)))))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void no_manager_author_curator_or_admin_service_returns_a_learners_private_text() {
        String secret = "My private thought 7f3a about a family I met";
        long whole = module("See the whole person");
        long attempt = as("jussi", () -> learning.start(whole));
        as("jussi", () -> learning.completeStep(attempt, 0, StepAnswer.empty()));
        as("jussi", () -> learning.completeStep(attempt, 1, StepAnswer.empty()));
        as("jussi", () -> learning.completeStep(attempt, 2, text(secret)));

        String seenByManager = as("mikko", () -> teams.myManagedTeams().toString() + learning.myLearning());
        String seenByAuthor = as("emma", () -> authorFeedback.forModule(whole).toString() + modules.draft(whole)
                + review.comments(whole));
        String seenByCurator = as("kaisa", () -> review.queue(PageRequest.of(0, 50)).toString() + modules.draft(whole));
        String seenByAdmin = as("admin", () -> people.page("", PageRequest.of(0, 100)).toString()
                + teams.page("", PageRequest.of(0, 100)));
        for (String seen : List.of(seenByManager, seenByAuthor, seenByCurator, seenByAdmin)) {
            assertThat(seen).doesNotContain("7f3a");
        }
        assertThatThrownBy(() -> as("emma", () -> learning.player(attempt))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("mikko", () -> learning.player(attempt))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("admin", () -> learning.player(attempt))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("sanna", () -> authorFeedback.forModule(whole))).isInstanceOf(AccessDeniedException.class);

        as("jussi", () -> learning.share(attempt, 2, Sharing.ANONYMOUS));
        AuthorFeedback anonymous = as("emma", () -> authorFeedback.forModule(whole));
        assertThat(anonymous.shared()).extracting(AuthorFeedback.Shared::text, AuthorFeedback.Shared::signedBy)
                .contains(org.assertj.core.groups.Tuple.tuple(secret, null));
        assertThat(anonymous.toString()).doesNotContain("Jussi");
        as("jussi", () -> learning.share(attempt, 2, Sharing.SIGNED));
        assertThat(as("emma", () -> authorFeedback.forModule(whole)).shared())
                .extracting(AuthorFeedback.Shared::signedBy).contains("Jussi Korhonen");
    }

    @Test
    void an_attempt_stays_on_the_version_it_started_when_a_new_version_is_published() {
        long shoes = module("Walk in another's shoes");
        long attempt = as("zoe", () -> learning.start(shoes));
        long startedOn = as("zoe", () -> learning.player(attempt)).module().versionId();

        as("ruby", () -> review.startNewDraft(shoes));
        var first = as("ruby", () -> modules.draft(shoes)).steps().getFirst();
        as("ruby", () -> modules.updateStep(first.id(), first.version(), new StepContent(StepType.STORY, "One Tuesday",
                "A new telling of the day.", null, null, null, null, null, List.of())));
        as("ruby", () -> review.submit(shoes));
        as("kaisa", () -> review.publish(shoes, modules.draft(shoes).revision()));

        PlayerState zoe = as("zoe", () -> learning.player(attempt));
        assertThat(zoe.module().versionId()).isEqualTo(startedOn);
        assertThat(zoe.module().steps().getFirst().body()).doesNotContain("A new telling");
        long newcomer = as("ahmed", () -> learning.start(shoes));
        assertThat(as("ahmed", () -> learning.player(newcomer)).module().versionId()).isNotEqualTo(startedOn);
    }

    @Test
    void a_manager_assigns_only_to_their_own_team_and_the_learner_sees_due_and_overdue() {
        long whole = module("See the whole person");
        long sanna = personId("sanna");
        as("mikko", () -> assignments.assign(whole, Set.of(sanna), today().plusDays(5)));
        assertThat(as("sanna", () -> learning.myLearning()).assigned()).extracting(LearningItem::title, LearningItem::overdue)
                .contains(org.assertj.core.groups.Tuple.tuple("See the whole person", false));
        assertThat(as("sanna", () -> learning.catalogue(null, null, null, null, true, PageRequest.of(0, 20))))
                .extracting(e -> e.module().title()).containsExactly("See the whole person");
        clock.advance(Duration.ofDays(7));
        assertThat(as("sanna", () -> learning.myLearning()).assigned()).extracting(LearningItem::overdue).contains(true);
        clock.reset();

        assertThatThrownBy(() -> as("mikko", () -> assignments.assign(whole, Set.of(personId("callum")), today().plusDays(5))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("sanna", () -> assignments.assign(whole, Set.of(sanna), today().plusDays(5))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("mikko", () -> assignments.assign(whole, Set.of(sanna), today().minusDays(1))))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void saving_an_answer_as_the_learner_types_takes_a_handful_of_sql_statements() {
        long assumptions = module("When our assumptions came tumbling down");
        long attempt = as("ahmed", () -> learning.start(assumptions));
        as("ahmed", () -> learning.saveAnswer(attempt, 2, text("first words")));
        var statistics = emf.unwrap(SessionFactory.class).getStatistics();
        long statements = as("ahmed", () -> {
            statistics.clear();
            learning.saveAnswer(attempt, 2, text("first words, and more"));
            return statistics.getPrepareStatementCount();
        });
        // Load the attempt, load the answer, update the answer, update the attempt's activity.
        assertThat(statements).isBetween(1L, 4L);
        assertThat(jdbc.queryForObject("select answer from attempt_step where attempt_id = ? and position = 2",
                String.class, attempt)).isEqualTo("first words, and more");
    }
}
