package org.encounter.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.encounter.ServiceTest;
import org.encounter.TestClock;
import org.encounter.authoring.PublishedModule;
import org.encounter.authoring.PublishedModules;
import org.encounter.authoring.StepType;
import org.encounter.identity.TeamService;
import org.encounter.learning.ImpactAnswered;
import org.encounter.learning.LearningService;
import org.encounter.learning.StepAnswer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The differencing attack on impact figures, played by a manager and by an author: read the figures, let one
 * more person complete (the matrix shows who and when), read them again. Released figures move only by whole
 * cohorts of five, so the second reading tells them nothing about that one person. Its own context (and
 * database): the attack completes modules that other tests expect open; the attack runs first.
 */
@TestPropertySource(properties = {"encounter.demo.learning=true", "encounter.test.context=impact-release"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImpactReleaseTest extends ServiceTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Helsinki");

    @Autowired ImpactService impact;
    @Autowired TeamProgressService progress;
    @Autowired LearningService learning;
    @Autowired PublishedModules published;
    @Autowired TeamService teams;
    @Autowired ApplicationEventPublisher events;
    @Autowired PlatformTransactionManager transactions;
    @Autowired TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    @Order(1)
    void one_more_completion_changes_no_figure_a_manager_or_an_author_can_read() {
        long youth = jdbc.queryForObject("select id from team where name = 'Youth Services'", Long.class);
        long whole = jdbc.queryForObject("select id from module where title = 'See the whole person'", Long.class);
        List<String> managerBefore = figures(as("mikko", () -> impact.forTeam(youth)), whole);
        List<String> authorBefore = figures(as("emma", () -> impact.forMyModules()), whole);
        List<String> adminBefore = figures(as("admin", () -> impact.everywhere()), whole);
        assertThat(managerBefore).contains("team:5:1.6", "team-tried:5:0.8");
        byte[] csvBefore = as("mikko", () -> impact.teamCsv(youth, Locale.ENGLISH));
        List<List<String>> rows = TeamProgressTest.parse(new String(csvBefore, 3, csvBefore.length - 3,
                java.nio.charset.StandardCharsets.UTF_8));
        assertThat(rows.getFirst()).containsExactly("Team", "Module", "Figure", "Team: people", "Team: figure",
                "Everyone: people", "Everyone: figure");
        assertThat(rows).contains(List.of("Youth Services", "See the whole person", "Tried the action they planned",
                "5", "0.80", "5", "0.80"));

        // Åsa, far from the team's average, completes: +4 and +3, and she tried her action.
        complete("asa", whole, 1, 5);
        assertThat(as("mikko", () -> progress.progress(youth, ProgressFilter.ALL)).cell(personId("asa"), whole)
                .orElseThrow().status()).isEqualTo(CellStatus.COMPLETED);

        // 6·avg₆ − 5·avg₅ would be her change; every figure is as it was, so the subtraction gives 0.
        assertThat(figures(as("mikko", () -> impact.forTeam(youth)), whole)).isEqualTo(managerBefore);
        assertThat(figures(as("emma", () -> impact.forMyModules()), whole)).isEqualTo(authorBefore);
        assertThat(figures(as("admin", () -> impact.everywhere()), whole)).isEqualTo(adminBefore);
        assertThat(as("mikko", () -> impact.teamCsv(youth, Locale.ENGLISH))).isEqualTo(csvBefore);
        // All that shows is that a newer answer waits, which the matrix showed anyway.
        ModuleImpact seen = module(as("mikko", () -> impact.forTeam(youth)), whole);
        assertThat(seen.statements().getFirst().team().waiting()).isEqualTo(1);
        assertThat(seen.statements().getFirst().everyone().waiting()).isEqualTo(2);

        // Three police officers complete too: everyone's cohort of five (Callum, Åsa, Olga, Zoë, Ahmed) is
        // released at once; the manager's team figure has not moved, and Fiona's team of four still shows none.
        complete("olga", whole, 3, 3);
        complete("zoe", whole, 2, 3);
        List<String> beforeLast = figures(as("emma", () -> impact.forMyModules()), whole);
        assertThat(beforeLast).isEqualTo(authorBefore);
        complete("ahmed", whole, 3, 2);
        ModuleImpact released = module(as("emma", () -> impact.forMyModules()), whole);
        ModuleImpact.Figure first = released.statements().getFirst().everyone();
        assertThat(first.people()).isEqualTo(10);
        assertThat(first.waiting()).isZero();
        // What moved is the sum of five answers: Callum +1, Åsa +4, Olga 0, Zoë +1, Ahmed −1 = +5.
        assertThat(Math.round(first.value() * 10 - 1.6 * 5)).isEqualTo(5);
        assertThat(figures(as("mikko", () -> impact.forTeam(youth)), whole)).contains("team:5:1.6", "team-tried:5:0.8");
        long policing = jdbc.queryForObject("select id from team where name = 'Community Policing'", Long.class);
        ModuleImpact theirs = module(as("fiona", () -> impact.forTeam(policing)), whole);
        assertThat(theirs.statements().getFirst().team()).isEqualTo(new ModuleImpact.Figure(0, null, 4));
    }

    @Test
    @Order(2)
    void each_answer_counts_in_one_team_only_and_released_figures_survive_the_person() {
        long whole = jdbc.queryForObject("select id from module where title = 'See the whole person'", Long.class);
        // Nobody can ask which team counts a person's answers: it is for server-side work only.
        assertThatThrownBy(() -> as("mikko", () -> teams.impactTeamOf(personId("sanna"))))
                .isInstanceOf(AccessDeniedException.class);
        // Released rows name no one; waiting answers go with the person.
        assertThat(jdbc.queryForList("select * from impact_released where module_id = ?", whole))
                .allSatisfy(row -> assertThat(row.keySet()).doesNotContain("learner_id"));
        Integer released = jdbc.queryForObject("select sum(people) from impact_released where module_id = ?",
                Integer.class, whole);
        jdbc.update("delete from impact_waiting where learner_id = ?", personId("callum"));
        assertThat(jdbc.queryForObject("select sum(people) from impact_released where module_id = ?", Integer.class,
                whole)).isEqualTo(released);
    }

    @Test
    @Order(3)
    void two_completions_at_once_release_one_cohort_not_the_same_answers_twice() throws Exception {
        long shoes = jdbc.queryForObject("select id from module where title = 'Walk in another''s shoes'", Long.class);
        for (String who : List.of("sanna", "tuula", "kaisa", "olga")) {
            jdbc.update("insert into impact_waiting (scope_team_id, module_id, figure, learner_id, answered_at, value)"
                    + " values (0, ?, 0, ?, now(6), 1)", shoes, personId(who));
        }
        jdbc.update("insert into impact_released (scope_team_id, module_id, figure, people, value_sum) values (0, ?, 0, 0, 0)",
                shoes);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        CountDownLatch snapshotTaken = new CountDownLatch(1);
        CountDownLatch sealed = new CountDownLatch(1);
        // Åsa's answer is the fifth and seals a cohort; Jussi's, a moment later, read the queue before that.
        Thread first = new Thread(() -> tx.executeWithoutResult(s -> {
            await(snapshotTaken);
            events.publishEvent(new ImpactAnswered(personId("asa"), shoes, clock.instant(), Map.of(0, 2), null));
            sealed.countDown();
            sleep(700);
        }));
        Thread second = new Thread(() -> tx.executeWithoutResult(s -> {
            jdbc.queryForObject("select count(*) from impact_waiting where module_id = ?", Integer.class, shoes);
            snapshotTaken.countDown();
            await(sealed);
            events.publishEvent(new ImpactAnswered(personId("jussi"), shoes, clock.instant(), Map.of(0, 3), null));
        }));
        first.start();
        second.start();
        first.join(60_000);
        second.join(60_000);
        assertThat(jdbc.queryForMap("select people, value_sum from impact_released where scope_team_id = 0"
                + " and module_id = ? and figure = 0", shoes)).containsEntry("people", 5).containsEntry("value_sum", 6);
        assertThat(jdbc.queryForList("select learner_id from impact_waiting where scope_team_id = 0 and module_id = ?"
                + " and figure = 0", Long.class, shoes)).containsExactly(personId("jussi"));
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static ModuleImpact module(List<ModuleImpact> modules, long moduleId) {
        return modules.stream().filter(x -> x.moduleId() == moduleId).findFirst().orElseThrow();
    }

    /** Every released figure of one module as "who:people:value", in a fixed order. */
    static List<String> figures(List<ModuleImpact> modules, long moduleId) {
        ModuleImpact m = module(modules, moduleId);
        List<String> out = new ArrayList<>();
        for (ModuleImpact.Statement s : m.statements()) {
            if (s.team() != null) {
                out.add(figure("team", s.team()));
            }
            out.add(figure("everyone", s.everyone()));
        }
        if (m.teamTried() != null) {
            out.add(figure("team-tried", m.teamTried()));
        }
        out.add(figure("everyone-tried", m.everyoneTried()));
        return out;
    }

    private static String figure(String who, ModuleImpact.Figure f) {
        return who + ":" + f.people() + ":" + (f.value() == null ? "-" : String.format(java.util.Locale.ROOT, "%.1f",
                f.value()));
    }

    /** The learner takes the module to the end (resuming an attempt they have), rating every statement. */
    void complete(String who, long moduleId, int start, int report) {
        PublishedModule module = as(who, () -> published.current(moduleId)).orElseThrow();
        long attempt = as(who, () -> learning.start(moduleId));
        for (int s = 0; s < module.statements().size(); s++) {
            int statement = s;
            as(who, () -> learning.rate(attempt, false, statement, start));
            as(who, () -> learning.rate(attempt, true, statement, report));
        }
        for (int i = 0; i < module.steps().size(); i++) {
            int position = i;
            StepType type = module.steps().get(i).type();
            if (type == StepType.REPORT_BACK) {
                clock.advance(Duration.ofDays(15));
            }
            StepAnswer answer = switch (type) {
                case REFLECTION -> new StepAnswer("A thought.", null, null, null, null, null, null, null, false);
                case PERSPECTIVE_CHECK -> new StepAnswer(null, 0, null, null, null, null, null, null, false);
                case ACTION_PLAN -> new StepAnswer(null, null, null, null, null, null, "Ask first.",
                        LocalDate.now(clock.withZone(ZONE)).plusDays(3), false);
                case REPORT_BACK -> new StepAnswer(null, 1, "I asked.", "They answered.", "Ask.", "Asking.", null,
                        null, false);
                default -> StepAnswer.empty();
            };
            as(who, () -> learning.completeStep(attempt, position, answer));
        }
    }
}
