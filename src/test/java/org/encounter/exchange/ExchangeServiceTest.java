package org.encounter.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.encounter.ServiceTest;
import org.encounter.TestClock;
import org.encounter.base.Dates;
import org.encounter.base.InvalidInputException;
import org.encounter.base.RecordNotFound;
import org.encounter.identity.PartnershipService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * The Leadership Exchange played against its services by the demo world's people: Kirsi coordinates One Aurajoki;
 * Sanna (the city, managed by Mikko), Jussi (the city) and Elina and Matti (the wellbeing services county, nobody
 * manages them) apply. Each rule of the issue is played here, the bad input and the insiders' attempts included.
 */
class ExchangeServiceTest extends ServiceTest {

    private static final String CITY = "City of Aurajoki Youth and Community Services";
    private static final String COUNTY = "Aurajoki Wellbeing Services County";

    @Autowired ExchangeRounds rounds;
    @Autowired ExchangeApplications applications;
    @Autowired ExchangeMatchings matchings;
    @Autowired ExchangeAgreements agreements;
    @Autowired ExchangeOverview overview;
    @Autowired ExchangeCalendar calendar;
    @Autowired ExchangeReminders reminders;
    @Autowired PartnershipService partnerships;
    @Autowired TestClock clock;
    @Autowired Dates dates;

    @AfterEach
    void putTheDemoWorldBack() {
        clock.reset();
        jdbc.update("delete from notification where kind like 'exchange-%'");
        jdbc.update("delete from certificate where programme_reference like 'exchange-pair:%'");
        jdbc.update("delete from exchange_attendance");
        jdbc.update("delete from exchange_visit");
        jdbc.update("delete from exchange_goal");
        jdbc.update("delete from exchange_pair");
        jdbc.update("delete from exchange_application");
        jdbc.update("delete from exchange_round");
        jdbc.update("delete from team_member where person_id = ? and team_id = (select id from team where name ="
                + " 'Youth Services')", personId("matti"));
        jdbc.update("delete from partnership_coordinator where partnership_id in"
                + " (select id from partnership where name = 'Northvale Circle')");
        jdbc.update("delete from partnership_member where partnership_id in"
                + " (select id from partnership where name = 'Northvale Circle')");
        jdbc.update("delete from partnership where name = 'Northvale Circle'");
    }

    private long oneAurajoki() {
        return jdbc.queryForObject("select id from partnership where name = 'One Aurajoki'", Long.class);
    }

    private long organisation(String name) {
        return jdbc.queryForObject("select id from organisation where name = ?", Long.class, name);
    }

    private RoundForm form(int visitsEachWay) {
        LocalDate today = dates.today();
        return new RoundForm("Spring exchange", today.minusDays(1), today.plusDays(7), today.plusDays(8),
                today.plusDays(120), visitsEachWay, null, null, null, Set.of(organisation(CITY), organisation(COUNTY)));
    }

    private long openRound(int visitsEachWay) {
        return as("kirsi", () -> rounds.open(oneAurajoki(), form(visitsEachWay))).id();
    }

    private static ApplicationForm application(Sector sector, String wants, String offers, Set<Long> avoid) {
        return new ApplicationForm(sector, Level.SENIOR, wants, offers, Set.of(Theme.YOUNG_PEOPLE),
                Set.of(Theme.MENTAL_HEALTH), Set.of("fi", "en"), Set.of(), Set.of(DayOfWeek.TUESDAY), null, avoid,
                Set.of(), Set.of(Shown.WANTS, Shown.OFFERS));
    }

    private long apply(String who, long round, Sector sector) {
        return as(who, () -> applications.apply(round, application(sector, "working with young people",
                "a youth council partnership", Set.of()))).id();
    }

    private long applied(String who, long round, Sector sector) {
        long id = apply(who, round, sector);
        if ("sanna".equals(who) || "jussi".equals(who)) {
            as("mikko", () -> applications.confirm(id, true));
        }
        return id;
    }

    /** Sanna and Elina apply and are confirmed, the matching pairs them, Kirsi publishes: the pair's id. */
    private long publishedPair(long round) {
        applied("sanna", round, Sector.YOUTH);
        applied("elina", round, Sector.HEALTH);
        assertThat(as("kirsi", () -> matchings.run(round)).proposed()).isEqualTo(1);
        as("kirsi", () -> matchings.publish(round));
        return jdbc.queryForObject("select id from exchange_pair where round_id = ?", Long.class, round);
    }

    private long acceptedPair(long round) {
        long pair = publishedPair(round);
        as("sanna", () -> agreements.answer(pair, true, null));
        as("elina", () -> agreements.answer(pair, true, null));
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

    private long count(String table, long round) {
        return jdbc.queryForObject("select count(*) from " + table + " where round_id = ?", Long.class, round);
    }

    // 1. Rounds

    @Test
    void a_coordinator_opens_a_round_for_member_organisations_only_and_another_partnerships_coordinator_meets_not_found() {
        long round = openRound(2);
        assertThat(as("kirsi", () -> rounds.round(round)).organisations()).containsValues(CITY, COUNTY);
        long northvale = organisation("Northvale District Council");
        RoundForm outsider = new RoundForm("Reaching out", form(2).applicationsOpen(), form(2).applicationsClose(),
                form(2).startsOn(), form(2).endsOn(), 2, null, null, null, Set.of(organisation(CITY), northvale));
        assertThat(message(() -> as("kirsi", () -> rounds.open(oneAurajoki(), outsider))))
                .isEqualTo("exchange.round.members-only");
        RoundForm backwards = new RoundForm("Backwards", dates.today(), dates.today().minusDays(3),
                dates.today().plusDays(1), dates.today(), 0, null, null, null, Set.of(organisation(CITY)));
        assertThatThrownBy(() -> as("kirsi", () -> rounds.open(oneAurajoki(), backwards)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::field)
                        .contains("applicationsClose", "endsOn", "visitsEachWay", "organisations"));

        // Nils coordinates a partnership of his own: One Aurajoki's round is not his to see or act on.
        as("admin", () -> partnerships.create("Northvale Circle", personId("nils")));
        assertThat(as("nils", () -> rounds.rounds())).isEmpty();
        assertThatThrownBy(() -> as("nils", () -> rounds.round(round))).isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> as("nils", () -> matchings.run(round))).isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> as("nils", () -> matchings.pool(round))).isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> as("nils", () -> overview.figures(round))).isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> as("nils", () -> rounds.change(round, form(3)))).isInstanceOf(RecordNotFound.class);
        assertThat(jdbc.queryForObject("select visits_each_way from exchange_round where id = ?", Integer.class, round))
                .isEqualTo(2);
        // Plain staff and an organisation admin are no coordinators at all.
        assertThatThrownBy(() -> as("sanna", () -> rounds.round(round))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("riikka", () -> matchings.pool(round))).isInstanceOf(AccessDeniedException.class);
    }

    // 2. Applications

    @Test
    void a_leader_applies_once_inside_the_window_and_their_manager_confirms() {
        long round = openRound(2);
        assertThat(as("sanna", () -> applications.openRounds())).extracting(ExchangeApplications.OpenRound::id)
                .containsExactly(round);
        long sanna = apply("sanna", round, Sector.YOUTH);
        assertThat(as("sanna", () -> applications.mine()).get(0).status()).isEqualTo(ApplicationStatus.AWAITING_MANAGER);
        assertThat(jdbc.queryForObject("select count(*) from notification where kind = 'exchange-confirm' and"
                + " person_id = ?", Long.class, personId("mikko"))).isEqualTo(1);

        // Fiona manages another team: Sanna's application is not hers to see or confirm.
        assertThat(as("fiona", () -> applications.toConfirm())).isEmpty();
        assertThatThrownBy(() -> as("fiona", () -> applications.confirm(sanna, true)))
                .isInstanceOf(RecordNotFound.class);
        assertThat(as("mikko", () -> applications.toConfirm())).extracting(ExchangeApplications.ToConfirm::person)
                .containsExactly("Sanna Nieminen");
        as("mikko", () -> applications.confirm(sanna, true));
        assertThat(as("sanna", () -> applications.mine()).get(0).status()).isEqualTo(ApplicationStatus.CONFIRMED);

        // Elina has no manager: there is nobody to ask, so applying confirms her.
        apply("elina", round, Sector.HEALTH);
        assertThat(as("elina", () -> applications.mine()).get(0).status()).isEqualTo(ApplicationStatus.CONFIRMED);
    }

    @Test
    void applying_twice_or_outside_the_window_is_refused_and_stores_nothing() throws Exception {
        long round = openRound(2);
        apply("sanna", round, Sector.YOUTH);
        assertThat(message(() -> apply("sanna", round, Sector.YOUTH))).isEqualTo("exchange.apply.twice");
        assertThat(count("exchange_application", round)).isEqualTo(1);

        // Two tabs send Jussi's application at the same moment: one is stored, the other is told.
        CountDownLatch start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(2);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Callable<String> task = () -> {
                start.await();
                try {
                    apply("jussi", round, Sector.YOUTH);
                    return "stored";
                } catch (InvalidInputException e) {
                    return e.errors().get(0).messageKey();
                }
            };
            results.add(pool.submit(task));
        }
        start.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : results) {
            outcomes.add(f.get());
        }
        pool.shutdown();
        assertThat(outcomes).containsExactlyInAnyOrder("stored", "exchange.apply.twice");
        assertThat(count("exchange_application", round)).isEqualTo(2);

        // The window closes a week from now.
        clock.advance(Duration.ofDays(8));
        assertThat(message(() -> apply("elina", round, Sector.HEALTH))).isEqualTo("exchange.apply.closed");
        assertThat(count("exchange_application", round)).isEqualTo(2);
    }

    @Test
    void a_leader_of_an_organisation_outside_the_round_cannot_apply_nor_avoid_people_they_could_not_pick() {
        LocalDate today = dates.today();
        long countyOnly = as("kirsi", () -> rounds.open(oneAurajoki(), new RoundForm("County and police", today,
                today.plusDays(3), today.plusDays(4), today.plusDays(60), 1, null, null, null,
                Set.of(organisation(COUNTY), organisation("Aurajoki Police Department"))))).id();
        assertThat(as("sanna", () -> applications.openRounds())).isEmpty();
        assertThatThrownBy(() -> apply("sanna", countyOnly, Sector.YOUTH)).isInstanceOf(RecordNotFound.class);

        long round = openRound(2);
        long nils = personId("nils");
        assertThat(message(() -> as("elina", () -> applications.apply(round, application(Sector.HEALTH, "a", "b",
                Set.of(nils)))))).isEqualTo("exchange.apply.avoid-people");
        assertThat(count("exchange_application", round)).isZero();
    }

    // 3. Matching

    @Test
    void an_empty_pool_is_refused_and_a_pool_nobody_can_be_matched_in_is_explained() {
        long round = openRound(2);
        assertThat(message(() -> as("kirsi", () -> matchings.run(round)))).isEqualTo("exchange.match.empty");
        applied("sanna", round, Sector.YOUTH);
        applied("jussi", round, Sector.YOUTH);

        ExchangeMatchings.Run run = as("kirsi", () -> matchings.run(round));

        assertThat(run.proposed()).isZero();
        assertThat(run.unmatched()).isEqualTo(2);
        assertThat(as("kirsi", () -> matchings.pool(round))).extracting(ExchangeMatchings.PoolEntry::unmatchedReason)
                .containsOnly("exchange.unmatched.no-partner");
    }

    @Test
    void the_matching_never_pairs_a_manager_with_their_report_nor_someone_on_an_avoid_list() {
        long round = openRound(2);
        applied("mikko", round, Sector.YOUTH);
        applied("matti", round, Sector.HEALTH);
        // Matti moved to the county but still sits in the city's Youth Services team, which Mikko manages.
        jdbc.update("insert into team_member (team_id, person_id) values ((select id from team where name ="
                + " 'Youth Services'), ?)", personId("matti"));
        assertThat(as("kirsi", () -> matchings.run(round)).proposed()).isZero();
        assertThat(as("kirsi", () -> matchings.pool(round))).extracting(ExchangeMatchings.PoolEntry::unmatchedReason)
                .containsOnly("exchange.unmatched.no-partner");
        List<ExchangeMatchings.PoolEntry> pool = as("kirsi", () -> matchings.pool(round));
        assertThat(message(() -> as("kirsi", () -> matchings.pairByHand(round, pool.get(0).applicationId(),
                pool.get(1).applicationId())))).isEqualTo("exchange.match.not-allowed");

        // Elina asks not to be paired with Sanna: with Sanna the only other person she could meet, nobody pairs.
        long second = openRound(1);
        applied("sanna", second, Sector.YOUTH);
        as("elina", () -> applications.apply(second, application(Sector.HEALTH, "young people", "health",
                Set.of(personId("sanna")))));
        assertThat(as("kirsi", () -> matchings.run(second)).proposed()).isZero();
    }

    @Test
    void the_coordinator_sees_each_pair_with_its_reasons_and_can_exclude_fix_dissolve_and_pair_by_hand() {
        long round = openRound(2);
        long sanna = applied("sanna", round, Sector.YOUTH);
        long jussi = applied("jussi", round, Sector.YOUTH);
        long elina = applied("elina", round, Sector.HEALTH);
        long matti = applied("matti", round, Sector.HEALTH);

        assertThat(as("kirsi", () -> matchings.run(round)).proposed()).isEqualTo(2);
        List<ExchangeMatchings.PairRow> pairs = as("kirsi", () -> matchings.pairs(round));
        assertThat(pairs).allSatisfy(p -> {
            assertThat(p.first().organisation()).isNotEqualTo(p.second().organisation());
            assertThat(p.reasons()).extracting(Reason::key).contains("exchange.reason.sectors");
        });

        // Kirsi swaps partners, fixes one pair, leaves Jussi out and runs again: the fixed pair stays.
        as("kirsi", () -> matchings.swap(round, pairs.get(0).id(), pairs.get(1).id()));
        long fixed = jdbc.queryForObject("select id from exchange_pair where round_id = ? and (first_id = ? or"
                + " second_id = ?)", Long.class, round, sanna, sanna);
        as("kirsi", () -> matchings.exclude(round, jussi, true));
        assertThat(as("kirsi", () -> matchings.run(round)).proposed()).isZero();
        assertThat(jdbc.queryForList("select id from exchange_pair where round_id = ?", Long.class, round))
                .containsExactly(fixed);
        assertThat(as("kirsi", () -> matchings.pool(round))).filteredOn(p -> p.applicationId() == jussi)
                .extracting(ExchangeMatchings.PoolEntry::unmatchedReason).containsExactly("exchange.unmatched.excluded");

        as("kirsi", () -> matchings.dissolve(round, fixed));
        as("kirsi", () -> matchings.pairByHand(round, sanna, elina));
        assertThat(message(() -> as("kirsi", () -> matchings.pairByHand(round, jussi, matti))))
                .isEqualTo("exchange.match.not-in-pool");
        assertThat(jdbc.queryForObject("select count(*) from exchange_pair where round_id = ? and fixed", Long.class,
                round)).isEqualTo(1);
    }

    // 4. Acceptance

    @Test
    void both_see_the_partner_as_they_chose_and_a_decline_reaches_only_the_coordinator() {
        long round = openRound(2);
        long pair = publishedPair(round);

        ExchangeAgreements.Detail seenBySanna = as("sanna", () -> agreements.pair(pair));
        assertThat(seenBySanna.partner().name()).isEqualTo("Elina Lindholm");
        assertThat(seenBySanna.partner().wants()).isEqualTo("working with young people");
        assertThat(seenBySanna.partner().level()).isNull();
        assertThat(seenBySanna.partner().languages()).isEmpty();

        // Nobody else reaches the pair, the leaders' managers included; nobody answers for someone else.
        for (String outsider : List.of("jussi", "mikko", "matti")) {
            assertThatThrownBy(() -> as(outsider, () -> agreements.pair(pair))).isInstanceOf(RecordNotFound.class);
            assertThatThrownBy(() -> as(outsider, () -> agreements.answer(pair, true, null)))
                    .isInstanceOf(RecordNotFound.class);
        }
        assertThat(jdbc.queryForObject("select count(*) from exchange_pair where id = ? and first_answer is null and"
                + " second_answer is null", Long.class, pair)).isEqualTo(1);

        assertThat(message(() -> as("sanna", () -> agreements.answer(pair, false, " ")))).isEqualTo(
                "exchange.decline.reason");
        as("elina", () -> agreements.answer(pair, true, null));
        as("sanna", () -> agreements.answer(pair, false, "I will be on leave in the spring"));

        assertThat(as("kirsi", () -> matchings.pairs(round)).get(0).first().declineReason()
                + as("kirsi", () -> matchings.pairs(round)).get(0).second().declineReason())
                .contains("I will be on leave in the spring");
        assertThat(as("elina", () -> agreements.pair(pair)).status()).isEqualTo(PairStatus.DECLINED);
        assertThat(as("elina", () -> agreements.pair(pair)).toString()).doesNotContain("leave in the spring");
        assertThat(jdbc.queryForObject("select count(*) from notification where kind = 'exchange-declined' and"
                + " person_id = ?", Long.class, personId("kirsi"))).isEqualTo(1);
        assertThat(jdbc.queryForList("select args from notification where kind like 'exchange-%' and person_id <> ?",
                String.class, personId("kirsi"))).noneMatch(a -> a != null && a.contains("leave"));
        // Both go back to the pool.
        assertThat(as("kirsi", () -> matchings.pool(round))).allSatisfy(p -> assertThat(p.pairId()).isNull());
    }

    // 5–7. The agreement, visits, reflections and completion

    @Test
    void a_visit_outside_the_exchange_period_is_refused_and_stores_nothing() {
        long round = openRound(1);
        long pair = acceptedPair(round);
        assertThat(message(() -> as("sanna", () -> agreements.planVisit(pair, true, dates.today(), "Youth centre",
                "A day with the street team")))).isEqualTo("exchange.visit.outside-period");
        assertThat(message(() -> as("sanna", () -> agreements.planVisit(pair, true, dates.today().plusDays(121),
                "Youth centre", "A day with the street team")))).isEqualTo("exchange.visit.outside-period");
        assertThat(jdbc.queryForObject("select count(*) from exchange_visit", Long.class)).isZero();
        assertThat(message(() -> as("sanna", () -> agreements.setGoals(pair, List.of(
                new ExchangeAgreements.GoalInput("Only one goal", 2)))))).isEqualTo("exchange.goals.count");
    }

    @Test
    void the_pair_agrees_goals_plans_and_makes_visits_reflects_privately_and_both_earn_a_certificate() {
        long round = openRound(1);
        long pair = acceptedPair(round);
        as("sanna", () -> agreements.setGoals(pair, List.of(new ExchangeAgreements.GoalInput("Understand health triage",
                2), new ExchangeAgreements.GoalInput("Build a referral route", 1))));
        as("elina", () -> agreements.setGoals(pair, List.of(new ExchangeAgreements.GoalInput("See street youth work", 1),
                new ExchangeAgreements.GoalInput("Meet the youth council", 2))));
        // Each sees the partner's goals, never the partner's ratings.
        assertThat(as("elina", () -> agreements.pair(pair)).partnerGoals()).extracting(ExchangeAgreements.Goal::text,
                ExchangeAgreements.Goal::startRating).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Understand health triage", null),
                org.assertj.core.groups.Tuple.tuple("Build a referral route", null));

        LocalDate first = dates.today().plusDays(10);
        long sannaHosts = as("sanna", () -> agreements.planVisit(pair, true, first, "Aurajoki youth centre",
                "The evening street team"));
        long elinaHosts = as("sanna", () -> agreements.planVisit(pair, false, first.plusDays(30), "County health centre",
                "The triage desk"));
        String ics = new String(as("elina", () -> calendar.visit(sannaHosts)), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(ics).contains("BEGIN:VEVENT", "DTSTART;VALUE=DATE:" + first.toString().replace("-", ""),
                "Aurajoki youth centre");
        assertThatThrownBy(() -> as("jussi", () -> calendar.visit(sannaHosts))).isInstanceOf(RecordNotFound.class);

        // Not before the day.
        assertThat(message(() -> as("sanna", () -> agreements.recordDone(sannaHosts)))).isEqualTo("exchange.visit.not-yet");
        clock.advance(Duration.ofDays(11));
        as("sanna", () -> agreements.recordDone(sannaHosts));
        as("elina", () -> agreements.recordDone(sannaHosts));
        // Elina was the guest: her reflection is hers; Sanna, the host, cannot write one.
        assertThat(message(() -> as("sanna", () -> agreements.reflect(sannaHosts, "host notes", false))))
                .isEqualTo("exchange.reflection.guest-only");
        as("elina", () -> agreements.reflect(sannaHosts, "The street team knew every young person by name", false));
        assertThat(as("sanna", () -> agreements.pair(pair)).visits()).filteredOn(v -> v.id() == sannaHosts)
                .extracting(ExchangeAgreements.Visit::reflection).containsOnlyNulls();
        assertThat(as("elina", () -> agreements.pair(pair)).visits()).filteredOn(v -> v.id() == sannaHosts)
                .extracting(ExchangeAgreements.Visit::reflection)
                .containsExactly("The street team knew every young person by name");
        as("elina", () -> agreements.reflect(sannaHosts, "The street team knew every young person by name", true));
        assertThat(as("sanna", () -> agreements.pair(pair)).visits()).filteredOn(v -> v.id() == sannaHosts)
                .extracting(ExchangeAgreements.Visit::reflection)
                .containsExactly("The street team knew every young person by name");

        // End ratings open only once the agreed visits are done.
        Map<Long, Integer> sannaEnd = endRatings(pair, "sanna", 4);
        assertThat(message(() -> as("sanna", () -> agreements.rateAtEnd(pair, sannaEnd)))).isEqualTo(
                "exchange.goals.not-yet");
        clock.advance(Duration.ofDays(30));
        as("sanna", () -> agreements.recordDone(elinaHosts));
        as("elina", () -> agreements.recordDone(elinaHosts));
        as("sanna", () -> agreements.rateAtEnd(pair, sannaEnd));
        assertThat(as("sanna", () -> agreements.pair(pair)).status()).isEqualTo(PairStatus.ACCEPTED);
        as("elina", () -> agreements.rateAtEnd(pair, endRatings(pair, "elina", 5)));

        assertThat(as("sanna", () -> agreements.pair(pair)).status()).isEqualTo(PairStatus.COMPLETED);
        assertThat(jdbc.queryForList("select partner_organisation from certificate where programme_reference = ?"
                + " order by learner_id", String.class, "exchange-pair:" + pair)).containsExactlyInAnyOrder(CITY, COUNTY);

        // The coordinator follows it in figures: no reflection, no goal, no person's rating anywhere.
        ExchangeOverview.Figures figures = as("kirsi", () -> overview.figures(round));
        assertThat(figures.completed()).isEqualTo(1);
        assertThat(figures.visitsDone()).isEqualTo(2);
        assertThat(figures.averageChange()).as("two leaders are fewer than a cohort of five").isNull();
        String seenByCoordinator = as("kirsi", () -> matchings.pairs(round)).toString()
                + as("kirsi", () -> matchings.pool(round)) + figures
                + new String(as("kirsi", () -> overview.csv(round, k -> k)), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(seenByCoordinator).doesNotContain("street team knew", "health triage", "referral route");
    }

    private Map<Long, Integer> endRatings(long pair, String who, int rating) {
        Map<Long, Integer> ratings = new java.util.HashMap<>();
        as(who, () -> agreements.pair(pair)).myGoals().forEach(g -> ratings.put(g.id(), rating));
        return ratings;
    }

    @Test
    void reminders_come_the_day_before_a_visit_for_a_missing_reflection_and_for_end_ratings_once_each() {
        long round = openRound(1);
        long pair = acceptedPair(round);
        LocalDate day = dates.today().plusDays(10);
        long visit = as("sanna", () -> agreements.planVisit(pair, true, day, "Youth centre", "Street team"));
        clock.advance(Duration.ofDays(9));
        reminders.remindAll();
        reminders.remindAll();
        assertThat(jdbc.queryForList("select person_id from notification where kind = 'exchange-visit-tomorrow'",
                Long.class)).containsExactlyInAnyOrder(personId("sanna"), personId("elina"));
        clock.advance(Duration.ofDays(2));
        reminders.remindAll();
        assertThat(jdbc.queryForList("select person_id from notification where kind = 'exchange-reflection-due'",
                Long.class)).containsExactly(personId("elina"));
        assertThat(jdbc.queryForObject("select count(*) from notification where kind = 'exchange-goals-due'",
                Long.class)).isEqualTo(2);
        as("elina", () -> agreements.reflect(visit, "Noted", false));
    }

    @Test
    void the_rating_change_is_released_only_in_whole_cohorts_of_five() {
        List<ExchangePair> pairs = new ArrayList<>();
        List<ExchangeGoal> goals = new ArrayList<>();
        for (long i = 1; i <= 3; i++) {
            ExchangePair p = new ExchangePair(1, 2 * i, 2 * i + 1, 1, List.of(), false);
            org.springframework.test.util.ReflectionTestUtils.setField(p, "id", i);
            p.publish(java.time.Instant.EPOCH);
            p.answer(2 * i, true, null, java.time.Instant.EPOCH);
            p.answer(2 * i + 1, true, null, java.time.Instant.EPOCH);
            p.complete(java.time.Instant.EPOCH.plusSeconds(i));
            pairs.add(p);
            for (long a : new long[] {2 * i, 2 * i + 1}) {
                ExchangeGoal g = new ExchangeGoal(i, a, 0, "goal", 1);
                g.rateAtEnd(a == 7 ? 5 : 3);
                goals.add(g);
            }
        }
        ExchangeOverview.Change change = ExchangeOverview.change(pairs, goals);
        assertThat(change.rated()).isEqualTo(6);
        assertThat(change.released()).isEqualTo(5);
        // The sixth leader (application 7, the last to complete, with +4) is not in the figure yet.
        assertThat(change.average()).isEqualTo(2.0);
        assertThat(ExchangeOverview.change(pairs.subList(0, 2), goals).average()).isNull();
    }
}
