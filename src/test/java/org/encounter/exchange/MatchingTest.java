package org.encounter.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.encounter.exchange.Applicant.applicant;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.BiPredicate;
import org.encounter.exchange.Matching.Outcome;
import org.encounter.exchange.Matching.Proposal;
import org.junit.jupiter.api.Test;

class MatchingTest {

    private static final BiPredicate<Long, Long> NOBODY_MANAGES = (a, b) -> false;

    private final Matching matching = new Matching();

    @Test
    void two_people_from_one_organisation_are_never_paired() {
        Candidate a = applicant(1).organisation(7).build();
        Candidate b = applicant(2).organisation(7).sector(Sector.HEALTH).build();

        assertThat(Matching.allowed(a, b, NOBODY_MANAGES)).isFalse();
        assertThat(matching.match(List.of(a, b), NOBODY_MANAGES).pairs()).isEmpty();
    }

    @Test
    void a_manager_and_the_person_they_manage_are_never_paired_whichever_way_round() {
        Candidate a = applicant(1).build();
        Candidate b = applicant(2).build();
        BiPredicate<Long, Long> aManagesB = (m, p) -> m == a.personId() && p == b.personId();
        BiPredicate<Long, Long> bManagesA = (m, p) -> m == b.personId() && p == a.personId();

        assertThat(Matching.allowed(a, b, aManagesB)).isFalse();
        assertThat(Matching.allowed(a, b, bManagesA)).isFalse();
        assertThat(Matching.allowed(b, a, aManagesB)).isFalse();
        assertThat(matching.match(List.of(a, b), aManagesB).pairs()).isEmpty();
        assertThat(matching.match(List.of(a, b), bManagesA).pairs()).isEmpty();
    }

    @Test
    void someone_who_asked_not_to_meet_a_person_is_not_paired_with_them_whoever_asked() {
        Candidate asks = applicant(1).avoidsPerson(1002).build();
        Candidate other = applicant(2).build();

        assertThat(Matching.allowed(asks, other, NOBODY_MANAGES)).isFalse();
        assertThat(Matching.allowed(other, asks, NOBODY_MANAGES)).isFalse();
        assertThat(matching.match(List.of(asks, other), NOBODY_MANAGES).pairs()).isEmpty();
    }

    @Test
    void someone_who_asked_not_to_meet_an_organisation_is_not_paired_with_its_people_whoever_asked() {
        Candidate asks = applicant(1).avoidsOrganisation(102).build();
        Candidate other = applicant(2).build();

        assertThat(Matching.allowed(asks, other, NOBODY_MANAGES)).isFalse();
        assertThat(Matching.allowed(other, asks, NOBODY_MANAGES)).isFalse();
        assertThat(matching.match(List.of(other, asks), NOBODY_MANAGES).pairs()).isEmpty();
    }

    @Test
    void one_person_with_two_applications_is_not_paired_with_themself() {
        Candidate a = applicant(1).person(9).build();
        Candidate b = applicant(2).person(9).build();

        assertThat(Matching.allowed(a, b, NOBODY_MANAGES)).isFalse();
        assertThat(Matching.allowed(a, a, NOBODY_MANAGES)).isFalse();
    }

    @Test
    void people_from_different_organisations_with_no_objection_are_paired() {
        Outcome outcome = matching.match(List.of(applicant(1).build(), applicant(2).build()), NOBODY_MANAGES);

        assertThat(outcome.pairs()).hasSize(1);
        assertThat(outcome.pairs().getFirst().score()).isPositive();
        assertThat(outcome.unmatched()).isEmpty();
    }

    @Test
    void a_partner_from_another_sector_is_preferred_when_all_else_is_equal() {
        Candidate publicLeader = applicant(1).sector(Sector.PUBLIC).build();
        Candidate samePublic = applicant(2).sector(Sector.PUBLIC).build();
        Candidate health = applicant(3).sector(Sector.HEALTH).build();

        assertThat(Affinity.score(publicLeader, health)).isGreaterThan(Affinity.score(publicLeader, samePublic));
        Outcome outcome = matching.match(List.of(publicLeader, samePublic, health), NOBODY_MANAGES);
        assertThat(outcome.pairs()).singleElement()
                .satisfies(p -> assertThat(List.of(p.first(), p.second())).contains(health));
        assertThat(outcome.pairs().getFirst().reasons().getFirst())
                .isEqualTo(new Reason("exchange.reason.sectors", List.of("PUBLIC", "HEALTH")));
    }

    @Test
    void a_pair_that_meets_both_ways_beats_one_that_meets_one_way() {
        Candidate a = applicant(1).wants(Theme.YOUNG_PEOPLE).offers(Theme.BUDGETS).build();
        Candidate bothWays = applicant(2).offers(Theme.YOUNG_PEOPLE).wants(Theme.BUDGETS).build();
        Candidate oneWay = applicant(3).offers(Theme.YOUNG_PEOPLE).wants(Theme.DIGITAL).build();

        assertThat(Affinity.score(a, bothWays)).isGreaterThan(Affinity.score(a, oneWay));
        Outcome outcome = matching.match(List.of(a, oneWay, bothWays), NOBODY_MANAGES);
        assertThat(outcome.pairs()).singleElement().satisfies(p -> {
            assertThat(p.first()).isEqualTo(a);
            assertThat(p.second()).isEqualTo(bothWays);
        });
    }

    @Test
    void free_text_that_meets_both_ways_beats_text_that_meets_one_way() {
        Candidate a = applicant(1).wants("budgets under pressure").offers("digital services").build();
        Candidate bothWays = applicant(2).offers("our budgets").wants("digital inclusion").build();
        Candidate oneWay = applicant(3).offers("our budgets").wants("housing").build();

        assertThat(Affinity.score(a, bothWays)).isGreaterThan(Affinity.score(a, oneWay));
        assertThat(Affinity.score(a, oneWay)).isGreaterThan(Affinity.score(a, applicant(4).build()));
    }

    @Test
    void the_reasons_name_the_shared_themes_once_and_quote_the_texts_that_met() {
        Candidate a = applicant(1).sector(Sector.POLICE).wants("working with young people")
                .wants(Theme.YOUNG_PEOPLE, Theme.CO_DESIGN).offers(Theme.CO_DESIGN).speaks("fi", "en").build();
        Candidate b = applicant(2).sector(Sector.YOUTH).offers("youth council partnership with young people")
                .offers(Theme.YOUNG_PEOPLE, Theme.CO_DESIGN).wants(Theme.CO_DESIGN).speaks("fi", "sv")
                .travelsTo(101L).build();

        Proposal p = matching.match(List.of(b, a), NOBODY_MANAGES).pairs().getFirst();

        assertThat(p.reasons()).containsExactly(
                Reason.of("exchange.reason.sectors", "POLICE", "YOUTH"),
                Reason.of("exchange.reason.theme", "YOUNG_PEOPLE"),
                Reason.of("exchange.reason.theme", "CO_DESIGN"),
                Reason.of("exchange.reason.text", "working with young people",
                        "youth council partnership with young people"),
                Reason.of("exchange.reason.language", "fi"));
    }

    @Test
    void travel_both_ways_and_a_shared_sector_are_given_as_reasons() {
        Candidate a = applicant(1).travelsTo(102L).build();
        Candidate b = applicant(2).travelsTo(101L).build();

        assertThat(matching.match(List.of(a, b), NOBODY_MANAGES).pairs().getFirst().reasons()).containsExactly(
                Reason.of("exchange.reason.same-sector", "PUBLIC"),
                Reason.of("exchange.reason.language", "en"),
                Reason.of("exchange.reason.travel"));
    }

    @Test
    void a_long_text_is_quoted_as_a_short_excerpt_around_the_word_that_met() {
        String wants = "Our authority is reorganising its services and before anything else I want to understand"
                + " how other places run a youth council that people actually attend, and what it costs";
        Candidate a = applicant(1).wants(wants).build();
        Candidate b = applicant(2).offers("We have run a youth council for ten years").build();

        Reason text = Affinity.reasons(a, b).stream().filter(r -> r.key().equals("exchange.reason.text"))
                .findFirst().orElseThrow();
        String excerpt = text.args().getFirst();
        assertThat(excerpt).hasSizeLessThanOrEqualTo(Words.SNIPPET).contains("youth council")
                .startsWith("…").endsWith("…");
        assertThat(wants).contains(excerpt.substring(1, excerpt.length() - 1));
    }

    @Test
    void someone_alone_in_the_pool_is_told_nobody_else_applied() {
        Outcome outcome = matching.match(List.of(applicant(1).build()), NOBODY_MANAGES);

        assertThat(outcome.pairs()).isEmpty();
        assertThat(outcome.unmatched()).singleElement()
                .satisfies(u -> assertThat(u.reason().key()).isEqualTo("exchange.unmatched.alone"));
    }

    @Test
    void a_pool_from_one_organisation_leaves_everyone_without_a_possible_partner() {
        List<Candidate> pool = List.of(applicant(1).organisation(5).build(), applicant(2).organisation(5).build(),
                applicant(3).organisation(5).build());

        Outcome outcome = matching.match(pool, NOBODY_MANAGES);

        assertThat(outcome.pairs()).isEmpty();
        assertThat(outcome.unmatched()).hasSize(3)
                .allSatisfy(u -> assertThat(u.reason().key()).isEqualTo("exchange.unmatched.no-partner"));
    }

    @Test
    void of_three_compatible_people_the_one_left_over_is_told_their_partners_were_taken() {
        Outcome outcome = matching.match(List.of(applicant(1).build(), applicant(2).build(),
                applicant(3).sector(Sector.HEALTH).build()), NOBODY_MANAGES);

        assertThat(outcome.pairs()).hasSize(1);
        assertThat(outcome.unmatched()).singleElement()
                .satisfies(u -> assertThat(u.reason().key()).isEqualTo("exchange.unmatched.taken"));
    }

    @Test
    void an_empty_pool_gives_an_empty_outcome() {
        Outcome outcome = matching.match(List.of(), NOBODY_MANAGES);

        assertThat(outcome.pairs()).isEmpty();
        assertThat(outcome.unmatched()).isEmpty();
    }

    @Test
    void proposals_come_best_first() {
        // 3-4 share a theme across sectors; 1-2 meet across sectors only; the crossings 1-4 and 2-3 total less.
        List<Candidate> pool = List.of(applicant(1).build(), applicant(2).sector(Sector.HEALTH).build(),
                applicant(3).wants(Theme.DIGITAL).build(),
                applicant(4).sector(Sector.HEALTH).offers(Theme.DIGITAL).build());

        List<Proposal> pairs = matching.match(pool, NOBODY_MANAGES).pairs();

        assertThat(pairs).hasSize(2);
        assertThat(pairs.get(0).score()).isGreaterThan(pairs.get(1).score());
        assertThat(pairs.get(0).second().applicationId()).isEqualTo(4);
    }

    @Test
    void the_same_pool_in_any_order_gives_the_same_outcome() {
        Random random = new Random(42);
        List<Candidate> pool = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            // Few organisations and no themes: many equal scores, the case where ties must not follow input order.
            pool.add(applicant(i).organisation(random.nextInt(4)).sector(Sector.values()[random.nextInt(2)])
                    .build());
        }
        Outcome first = matching.match(pool, NOBODY_MANAGES);
        for (int i = 0; i < 5; i++) {
            Collections.shuffle(pool, random);
            assertThat(matching.match(pool, NOBODY_MANAGES)).isEqualTo(first);
        }
    }
}
