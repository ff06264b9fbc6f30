package org.encounter.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.encounter.ServiceTest;
import org.encounter.TestClock;
import org.encounter.base.Dates;
import org.encounter.base.InvalidInputException;
import org.encounter.base.RecordNotFound;
import org.encounter.stories.StoryService;
import org.encounter.stories.StoryStatus;
import org.encounter.stories.StoryView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * A Leadership Exchange's report back and its story of change, played by the demo world's people: Sanna (the city)
 * and Elina (the county) complete a pair in Kirsi's One Aurajoki round; Kaisa of the city curates; Jussi, Matti and
 * Pekka read in member organisations; Nils of Northvale is outside the partnership.
 */
class ExchangeStoryTest extends ServiceTest {

    private static final String CITY = "City of Aurajoki Youth and Community Services";
    private static final String COUNTY = "Aurajoki Wellbeing Services County";
    private static final String ABOUT = "Leadership Exchange: Spring exchange";

    @Autowired ExchangeRounds rounds;
    @Autowired ExchangeApplications applications;
    @Autowired ExchangeMatchings matchings;
    @Autowired ExchangeAgreements agreements;
    @Autowired ExchangeOverview overview;
    @Autowired ExchangeReportBacks reportBacks;
    @Autowired StoryService stories;
    @Autowired TestClock clock;
    @Autowired Dates dates;

    @AfterEach
    void putTheDemoWorldBack() {
        clock.reset();
        jdbc.update("delete from story where source like 'exchange-pair:%'");
        jdbc.update("delete from notification where kind like 'exchange-%' or kind like 'story-%'");
        jdbc.update("delete from certificate where programme_reference like 'exchange-pair:%'");
        jdbc.update("update partnership_member set left_at = null where organisation_id = ?", organisation(COUNTY));
        jdbc.update("delete from exchange_attendance");
        jdbc.update("delete from exchange_report_back");
        jdbc.update("delete from exchange_visit");
        jdbc.update("delete from exchange_goal");
        jdbc.update("delete from exchange_pair");
        jdbc.update("delete from exchange_application");
        jdbc.update("delete from exchange_round");
    }

    private long oneAurajoki() {
        return jdbc.queryForObject("select id from partnership where name = 'One Aurajoki'", Long.class);
    }

    private long organisation(String name) {
        return jdbc.queryForObject("select id from organisation where name = ?", Long.class, name);
    }

    private long openRound() {
        LocalDate today = dates.today();
        RoundForm form = new RoundForm("Spring exchange", today.minusDays(1), today.plusDays(7), today.plusDays(8),
                today.plusDays(120), 1, null, null, null, Set.of(organisation(CITY), organisation(COUNTY)));
        return as("kirsi", () -> rounds.open(oneAurajoki(), form)).id();
    }

    private void apply(String who, long round, Sector sector) {
        long id = as(who, () -> applications.apply(round, new ApplicationForm(sector, Level.SENIOR,
                "working with young people", "a youth council partnership", Set.of(Theme.YOUNG_PEOPLE),
                Set.of(Theme.MENTAL_HEALTH), Set.of("fi", "en"), Set.of(), Set.of(DayOfWeek.TUESDAY), null, Set.of(),
                Set.of(), Set.of(Shown.WANTS, Shown.OFFERS)))).id();
        if ("sanna".equals(who)) {
            as("mikko", () -> applications.confirm(id, true));
        }
    }

    /** Sanna and Elina paired, accepted, with goals set: the pair's id. */
    private long acceptedPair(long round) {
        apply("sanna", round, Sector.YOUTH);
        apply("elina", round, Sector.HEALTH);
        as("kirsi", () -> matchings.run(round));
        as("kirsi", () -> matchings.publish(round));
        long pair = jdbc.queryForObject("select id from exchange_pair where round_id = ?", Long.class, round);
        as("sanna", () -> agreements.answer(pair, true, null));
        as("elina", () -> agreements.answer(pair, true, null));
        as("sanna", () -> agreements.setGoals(pair, List.of(new ExchangeAgreements.GoalInput("Understand health triage",
                2), new ExchangeAgreements.GoalInput("Build a referral route", 1))));
        as("elina", () -> agreements.setGoals(pair, List.of(new ExchangeAgreements.GoalInput("See street youth work", 1),
                new ExchangeAgreements.GoalInput("Meet the youth council", 2))));
        return pair;
    }

    /** One visit each way, both recorded, every goal rated at the end: the pair completes. */
    private void complete(long pair) {
        LocalDate day = dates.today().plusDays(10);
        long sannaHosts = as("sanna", () -> agreements.planVisit(pair, true, day, "Youth centre", "Street team"));
        long elinaHosts = as("sanna", () -> agreements.planVisit(pair, false, day.plusDays(1), "Health centre",
                "Triage desk"));
        clock.advance(Duration.ofDays(12));
        for (long visit : List.of(sannaHosts, elinaHosts)) {
            as("sanna", () -> agreements.recordDone(visit));
            as("elina", () -> agreements.recordDone(visit));
        }
        // Elina shares her reflection on Sanna's visit with Sanna: words Sanna has read with Elina's name.
        as("elina", () -> agreements.reflect(sannaHosts, "Every young person was known by name", true));
        for (String who : List.of("sanna", "elina")) {
            Map<Long, Integer> ratings = new HashMap<>();
            as(who, () -> agreements.pair(pair)).myGoals().forEach(g -> ratings.put(g.id(), 4));
            as(who, () -> agreements.rateAtEnd(pair, ratings));
        }
        assertThat(as("sanna", () -> agreements.pair(pair)).status()).isEqualTo(PairStatus.COMPLETED);
    }

    private long completedPair() {
        long pair = acceptedPair(openRound());
        complete(pair);
        return pair;
    }

    private String message(Runnable action) {
        try {
            action.run();
        } catch (InvalidInputException e) {
            return e.errors().get(0).messageKey();
        }
        throw new AssertionError("not refused");
    }

    private StoryView waitingFor(String curator, String title) {
        return as(curator, () -> stories.waiting()).stream().filter(s -> s.title().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError(curator + " does not see " + title + " waiting"));
    }

    private boolean reads(String who, long storyId) {
        return as(who, () -> stories.approved(null, null)).stream().anyMatch(s -> s.id() == storyId);
    }

    @Test
    void a_completed_partners_report_back_becomes_a_story_that_travels_with_the_partnership() {
        long pair = completedPair();
        as("sanna", () -> reportBacks.write(pair, "I sat at the triage desk for a day.",
                "We agreed a referral route for young people in crisis.", "Ask the other service what they need."));
        assertThat(as("sanna", () -> reportBacks.mine(pair))).hasValueSatisfying(r -> assertThat(r.tried())
                .isEqualTo("I sat at the triage desk for a day."));
        // Her partner has none of her own, and does not read Sanna's.
        assertThat(as("elina", () -> reportBacks.mine(pair))).isEmpty();

        as("sanna", () -> reportBacks.offerAsStory(pair, "A day at the triage desk", false));
        assertThat(jdbc.queryForMap("select status, about, source, attempt_id, module_id from story where title = ?",
                "A day at the triage desk")).containsEntry("status", "SUBMITTED").containsEntry("about", ABOUT)
                .containsEntry("source", "exchange-pair:" + pair).containsEntry("attempt_id", null)
                .containsEntry("module_id", null);
        assertThat(as("sanna", () -> stories.mine())).singleElement().satisfies(s -> {
            assertThat(s.moduleTitle()).isEqualTo(ABOUT);
            assertThat(s.editLink()).isEqualTo("exchange/pair/" + pair);
        });

        // Kaisa, a curator of the city, sees it waiting, with what it is about, and returns it: the notice leads back
        // to the pair page, where Sanna offers it again.
        StoryView waiting = waitingFor("kaisa", "A day at the triage desk");
        assertThat(waiting.moduleTitle()).isEqualTo(ABOUT);
        assertThat(waiting.writerName()).isEqualTo("Sanna Nieminen");
        as("kaisa", () -> stories.giveBack(waiting.id(), "Say which centre, please.", waiting.revision()));
        assertThat(jdbc.queryForObject("select link from notification where kind = 'story-returned' and person_id = ?",
                String.class, personId("sanna"))).isEqualTo("exchange/pair/" + pair);
        as("sanna", () -> reportBacks.write(pair, "I sat at the county triage desk for a day.",
                "We agreed a referral route for young people in crisis.", "Ask the other service what they need."));
        as("sanna", () -> reportBacks.offerAsStory(pair, "A day at the triage desk", false));
        assertThat(jdbc.queryForObject("select count(*) from story where source = ?", Integer.class,
                "exchange-pair:" + pair)).isEqualTo(1);
        StoryView again = waitingFor("kaisa", "A day at the triage desk");
        assertThat(again.tried()).isEqualTo("I sat at the county triage desk for a day.");
        as("kaisa", () -> stories.approve(again.id(), again.revision()));
        assertThat(as("sanna", () -> stories.mine()).getFirst().status()).isEqualTo(StoryStatus.APPROVED);

        // Readers of the partnership's organisations read it; Nils of Northvale does not.
        for (String reader : List.of("jussi", "matti", "pekka", "kaisa", "sanna")) {
            assertThat(reads(reader, again.id())).as(reader).isTrue();
        }
        assertThat(reads("nils", again.id())).isFalse();
        // It is no module's: not under a module or a theme, not among an author's.
        long module = jdbc.queryForObject("select coalesce(min(id), 0) from module", Long.class);
        assertThat(as("jussi", () -> stories.approved(module, null))).noneMatch(s -> s.id() == again.id());
        assertThat(as("jussi", () -> stories.approved(null, "Listening"))).noneMatch(s -> s.id() == again.id());
        assertThat(as("emma", () -> stories.fromMyModules())).noneMatch(s -> s.id() == again.id());
        // Once the county leaves the partnership, its people no longer meet it.
        jdbc.update("update partnership_member set left_at = ? where organisation_id = ? and partnership_id = ?",
                java.sql.Timestamp.from(clock.instant()), organisation(COUNTY), oneAurajoki());
        assertThat(reads("matti", again.id())).isFalse();
        assertThat(reads("jussi", again.id())).isTrue();
        // Approved is final.
        assertThat(message(() -> as("sanna", () -> reportBacks.offerAsStory(pair, "Changed", false))))
                .isEqualTo("story.already-approved");
    }

    @Test
    void the_report_back_is_its_writers_alone_and_waits_for_the_pairs_completion() {
        long round = openRound();
        long pair = acceptedPair(round);
        assertThat(message(() -> as("sanna", () -> reportBacks.write(pair, "a", "b", "c"))))
                .isEqualTo("exchange.report-back.not-completed");
        assertThat(message(() -> as("sanna", () -> reportBacks.offerAsStory(pair, "Too soon", false))))
                .isEqualTo("exchange.report-back.not-completed");
        complete(pair);
        assertThat(message(() -> as("sanna", () -> reportBacks.offerAsStory(pair, "No report yet", false))))
                .isEqualTo("exchange.report-back.first");
        assertThatThrownBy(() -> as("sanna", () -> reportBacks.write(pair, "", "b", "c")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> as("sanna", () -> reportBacks.write(pair, "a".repeat(2001), "b", "c")))
                .isInstanceOf(InvalidInputException.class);
        as("sanna", () -> reportBacks.write(pair, "I shadowed the night nurse.", "Secret words of the report.",
                "Listen longer."));
        assertThatThrownBy(() -> as("sanna", () -> reportBacks.offerAsStory(pair, "x".repeat(121), false)))
                .isInstanceOf(InvalidInputException.class);
        assertThat(jdbc.queryForObject("select count(*) from story where source like 'exchange-pair:%'", Integer.class))
                .isZero();

        // Nobody outside the pair reaches it: Jussi (another leader) and Kirsi (the coordinator) meet "not found".
        for (String outsider : List.of("jussi", "kirsi")) {
            assertThatThrownBy(() -> as(outsider, () -> reportBacks.mine(pair))).isInstanceOf(RecordNotFound.class);
            assertThatThrownBy(() -> as(outsider, () -> reportBacks.write(pair, "a", "b", "c")))
                    .isInstanceOf(RecordNotFound.class);
            assertThatThrownBy(() -> as(outsider, () -> reportBacks.offerAsStory(pair, "Mine now", false)))
                    .isInstanceOf(RecordNotFound.class);
            assertThatThrownBy(() -> as(outsider, () -> agreements.pair(pair))).isInstanceOf(RecordNotFound.class);
        }
        // Kirsi follows the round in figures: the report back is in none of what her services show.
        String seenByCoordinator = as("kirsi", () -> matchings.pairs(round)).toString()
                + as("kirsi", () -> matchings.pool(round)) + as("kirsi", () -> overview.figures(round))
                + new String(as("kirsi", () -> overview.csv(round, k -> k)), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(seenByCoordinator).doesNotContain("Secret words", "night nurse");
        // Someone without the learner's role is refused outright.
        assertThatThrownBy(() -> as("emma", () -> reportBacks.mine(pair))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void an_anonymous_exchange_story_may_not_repeat_words_its_writer_showed_with_their_name() {
        long pair = completedPair();
        // Sanna's goal was read by Elina with Sanna's name.
        as("sanna", () -> reportBacks.write(pair, "Understand health triage.", "Referrals got faster.",
                "Ask what they need."));
        assertThatThrownBy(() -> as("sanna", () -> reportBacks.offerAsStory(pair, "Triage", true)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::field, InvalidInputException.FieldError::messageKey)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("tried", "story.words-shown-named")));
        assertThat(jdbc.queryForObject("select count(*) from story where source like 'exchange-pair:%'", Integer.class))
                .isZero();

        // In new words it goes, anonymously; her partner and the coordinator know her there and never review it.
        as("sanna", () -> reportBacks.write(pair, "I spent a morning beside the nurses.", "Referrals got faster.",
                "Ask what they need."));
        as("sanna", () -> reportBacks.offerAsStory(pair, "Beside the nurses", true));
        long story = jdbc.queryForObject("select id from story where source = ?", Long.class, "exchange-pair:" + pair);
        assertThat(jdbc.queryForList("select person_id from story_insider where story_id = ?", Long.class, story))
                .containsExactlyInAnyOrder(personId("elina"), personId("kirsi"));
        // Kaisa knows Sanna (her team): the anonymous story is not hers to review.
        assertThat(as("kaisa", () -> stories.waiting())).noneMatch(s -> s.id() == story);
        assertThatThrownBy(() -> as("kaisa", () -> stories.approve(story, 0))).isInstanceOf(AccessDeniedException.class);
        // Noor (another curator of the city) does not: she sees it without a name and approves it.
        StoryView anonymous = waitingFor("noor", "Beside the nurses");
        assertThat(anonymous.writerName()).isNull();
        assertThat(anonymous.toString()).doesNotContain("Sanna");

        // Her own named exchange story's words cannot come back anonymously in a second one either: a named offer
        // stays named.
        jdbc.update("delete from story where id = ?", story);
        as("sanna", () -> reportBacks.offerAsStory(pair, "Beside the nurses", false));
        assertThat(message(() -> as("sanna", () -> reportBacks.offerAsStory(pair, "Beside the nurses", true))))
                .isEqualTo("story.was-named");
    }
}
