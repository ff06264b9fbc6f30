package org.encounter.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.encounter.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** The demo world's exchange round, as the coordinator and the leaders meet it. */
@TestPropertySource(properties = "encounter.demo.learning=true")
class ExchangeDemoWorldTest extends ServiceTest {

    @Autowired ExchangeRounds rounds;
    @Autowired ExchangeOverview overview;
    @Autowired ExchangeAgreements agreements;

    @Test
    void one_aurajoki_has_a_round_of_twelve_leaders_from_four_organisations_with_five_accepted_pairs() {
        var round = as("kirsi", () -> rounds.rounds()).stream()
                .filter(r -> r.name().startsWith("One Aurajoki exchange")).findFirst().orElseThrow();
        assertThat(round.organisations()).hasSize(4);
        assertThat(jdbc.queryForObject("select count(distinct organisation_id) from exchange_application where"
                + " round_id = ?", Integer.class, round.id())).isEqualTo(4);
        ExchangeOverview.Figures figures = as("kirsi", () -> overview.figures(round.id()));
        assertThat(figures.applications()).isEqualTo(12);
        assertThat(figures.accepted()).isEqualTo(5);
        assertThat(figures.completed()).isEqualTo(1);
        assertThat(figures.declined()).isEqualTo(1);
        assertThat(figures.briefingPresent()).isEqualTo(8);
    }

    @Test
    void the_visits_are_in_every_state_and_the_completed_pair_holds_certificates() {
        // Planned, tomorrow, made but recorded by one side only, made by both, reflected on and shared.
        assertThat(jdbc.queryForObject("select count(*) from exchange_visit where visit_date > current_date + 1",
                Integer.class)).isPositive();
        assertThat(jdbc.queryForObject("select count(*) from exchange_visit where host_done_at is not null and"
                + " guest_done_at is null", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from exchange_visit where reflection_shared", Integer.class))
                .isPositive();
        assertThat(jdbc.queryForList("select p.email from certificate c join person p on p.id = c.learner_id"
                + " where c.programme_reference like 'exchange-pair:%' order by p.email", String.class))
                .containsExactly("fiona" + DOMAIN, "pekka" + DOMAIN);
        // Tiina sees Kaisa's visit as made by her host and waiting for her own word.
        long pair = jdbc.queryForObject("select p.id from exchange_pair p join exchange_application a on a.id ="
                + " p.second_id join person x on x.id = a.person_id where x.email = ?", Long.class, "tiina" + DOMAIN);
        List<ExchangeAgreements.Visit> seen = as("tiina", () -> agreements.pair(pair)).visits();
        assertThat(seen).singleElement().satisfies(v -> {
            assertThat(v.doneByPartner()).isTrue();
            assertThat(v.doneByMe()).isFalse();
        });
    }
}
