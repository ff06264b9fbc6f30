package org.encounter.exchange.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.encounter.KaribuTest;
import org.encounter.ServiceTest;
import org.encounter.TestClock;
import org.encounter.base.Dates;
import org.encounter.exchange.ApplicationForm;
import org.encounter.exchange.ExchangeAgreements;
import org.encounter.exchange.ExchangeApplications;
import org.encounter.exchange.ExchangeMatchings;
import org.encounter.exchange.ExchangeRounds;
import org.encounter.exchange.Level;
import org.encounter.exchange.RoundForm;
import org.encounter.exchange.Sector;
import org.encounter.exchange.Shown;
import org.encounter.exchange.Theme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The leaders' and managers' Leadership Exchange pages on the demo world: a round of One Aurajoki (opened by Kirsi)
 * between the city (Sanna, managed by Mikko) and the wellbeing services county (Elina, whom nobody manages).
 */
class ExchangeLeaderViewsTest extends KaribuTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;
    @Autowired Dates dates;
    @Autowired ExchangeRounds rounds;
    @Autowired ExchangeApplications applications;
    @Autowired ExchangeMatchings matchings;
    @Autowired ExchangeAgreements agreements;

    private static int counter;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private long organisation(String name) {
        return jdbc.queryForObject("select id from organisation where name = ?", Long.class, name);
    }

    /** A round open for applications today, its exchange period starting in eight days. */
    private long round() {
        long partnership = jdbc.queryForObject("select id from partnership where name = 'One Aurajoki'", Long.class);
        LocalDate today = dates.today();
        RoundForm form = new RoundForm("Exchange " + (++counter) + " " + System.nanoTime(), today.minusDays(1),
                today.plusDays(7), today.plusDays(8), today.plusDays(60), 1, clock.instant().plus(Duration.ofDays(8)), null,
                "Aurajoki City Hall",
                Set.of(organisation("City of Aurajoki Youth and Community Services"),
                        organisation("Aurajoki Wellbeing Services County")));
        return as("kirsi", () -> rounds.open(partnership, form).id());
    }

    private ApplicationForm form(long roundId, Sector sector, String wants, Set<Shown> shown) {
        Set<Long> organisations = jdbc.queryForList("select organisation_id from exchange_round_organisation"
                + " where round_id = ?", Long.class, roundId).stream().collect(java.util.stream.Collectors.toSet());
        return new ApplicationForm(sector, Level.SENIOR, wants, "A day in a busy team", Set.of(Theme.CO_DESIGN),
                Set.of(Theme.YOUNG_PEOPLE), Set.of("fi", "sv", "en"), organisations,
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), null, Set.of(), Set.of(), shown);
    }

    private long applicationOf(String who, long roundId) {
        return jdbc.queryForObject("select a.id from exchange_application a join person p on p.id = a.person_id"
                + " where a.round_id = ? and p.email = ?", Long.class, roundId, who + ServiceTest.DOMAIN);
    }

    /** Sanna (confirmed by Mikko) and Elina, who shows only her level, paired and asked to answer. */
    private long publishedPair(long roundId) {
        as("sanna", () -> applications.apply(roundId, form(roundId, Sector.YOUTH, "How a county plans care",
                EnumSet.allOf(Shown.class))));
        as("mikko", () -> {
            applications.confirm(applicationOf("sanna", roundId), true);
            return null;
        });
        as("elina", () -> applications.apply(roundId, form(roundId, Sector.HEALTH, "ELINA-PRIVATE-WANTS",
                EnumSet.of(Shown.LEVEL))));
        as("kirsi", () -> {
            matchings.run(roundId);
            return matchings.publish(roundId);
        });
        return jdbc.queryForObject("select id from exchange_pair where round_id = ?", Long.class, roundId);
    }

    /** The text of the page's view (the UI's own element leaves out the router's content). */
    private static String page() {
        return _find(com.vaadin.flow.component.orderedlayout.VerticalLayout.class, spec -> spec.withClasses("view"))
                .stream().map(v -> v.getElement().getTextRecursively()).collect(java.util.stream.Collectors.joining("\n"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_leader_sees_an_open_round_and_applies_through_the_form() {
        long roundId = round();
        signInAs("sanna" + ServiceTest.DOMAIN);
        UI.getCurrent().navigate(ExchangeView.class);
        _click(_get(Button.class, spec -> spec.withId("exchange-apply-" + roundId)));
        assertThat(_find(ExchangeApplyView.class)).hasSize(1);

        _click(_get(Button.class, spec -> spec.withId("apply-send")));
        TextArea wants = _get(TextArea.class, spec -> spec.withId("apply-wants"));
        assertThat(wants.isInvalid()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from exchange_application where round_id = ?", Integer.class,
                roundId)).isZero();

        _setValue(_get(Select.class, spec -> spec.withId("apply-sector")), Sector.YOUTH);
        _setValue(_get(Select.class, spec -> spec.withId("apply-level")), Level.MIDDLE);
        _setValue(wants, "How the police meet young people at night");
        _setValue(_get(TextArea.class, spec -> spec.withId("apply-offers")), "Youth work on the street");
        _setValue(_get(CheckboxGroup.class, spec -> spec.withId("apply-languages")), Set.of("fi", "en"));
        _setValue(_get(CheckboxGroup.class, spec -> spec.withId("apply-availability")),
                Set.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY));
        _click(_get(Button.class, spec -> spec.withId("apply-send")));

        assertThat(_find(ExchangeView.class)).hasSize(1);
        assertThat(_find(com.vaadin.flow.component.html.Paragraph.class,
                spec -> spec.withId("exchange-applied-" + roundId))).hasSize(1);
        assertThat(page()).contains("Olet hakenut", "Odottaa esihenkilösi vahvistusta");
        assertThat(jdbc.queryForObject("select status from exchange_application where round_id = ?", String.class,
                roundId)).isEqualTo("AWAITING_MANAGER");
    }

    @Test
    void a_manager_sees_the_application_to_confirm_and_confirms_it() {
        long roundId = round();
        as("sanna", () -> applications.apply(roundId, form(roundId, Sector.YOUTH, "Night work",
                EnumSet.allOf(Shown.class))));
        long application = applicationOf("sanna", roundId);
        signInAs("mikko" + ServiceTest.DOMAIN);
        UI.getCurrent().navigate(ExchangeView.class);
        assertThat(_get(Div.class, spec -> spec.withId("exchange-to-confirm")).getElement().getTextRecursively())
                .contains("Sanna Nieminen");
        _click(_get(Button.class, spec -> spec.withId("exchange-confirm-" + application)));
        assertThat(jdbc.queryForObject("select status from exchange_application where id = ?", String.class,
                application)).isEqualTo("CONFIRMED");
        assertThat(_find(Button.class, spec -> spec.withId("exchange-confirm-" + application))).isEmpty();
    }

    @Test
    void the_pair_page_shows_the_partners_profile_without_a_field_they_did_not_show() {
        long pair = publishedPair(round());
        signInAs("sanna" + ServiceTest.DOMAIN);
        UI.getCurrent().navigate(ExchangeView.class);
        _click(_get(Button.class, spec -> spec.withId("exchange-open-" + pair)));
        String partner = _get(Div.class, spec -> spec.withId("pair-partner")).getElement().getTextRecursively();
        assertThat(partner).contains("Elina Lindholm", "Aurajoki Wellbeing Services County");
        assertThat(page()).contains("Elina Lindholm").doesNotContain("ELINA-PRIVATE-WANTS");
        assertThat(_find(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("pair-partner-wants")))
                .isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("pair-accept"))).hasSize(1);
        assertThat(_get(Div.class, spec -> spec.withId("pair-round-meetings")).getElement().getTextRecursively())
                .contains("Ryhmän tapaamispaikka: Aurajoki City Hall");
        tearDownVaadin();

        // Elina sees what Sanna chose to show: all of it.
        signInAs("elina" + ServiceTest.DOMAIN);
        UI.getCurrent().navigate("exchange/pair/" + pair);
        assertThat(_get(Div.class, spec -> spec.withId("pair-partner")).getElement().getTextRecursively())
                .contains("Sanna Nieminen", "How a county plans care");
    }

    @Test
    void a_declined_pair_shows_neither_who_nor_why_to_the_partner() {
        long pair = publishedPair(round());
        signInAs("elina" + ServiceTest.DOMAIN);
        UI.getCurrent().navigate("exchange/pair/" + pair);
        TextArea reason = _get(TextArea.class, spec -> spec.withId("pair-reason"));
        _click(_get(Button.class, spec -> spec.withId("pair-decline")));
        assertThat(reason.isInvalid()).isTrue();
        _setValue(reason, "DECLINE-REASON: we already work together");
        _click(_get(Button.class, spec -> spec.withId("pair-decline")));
        assertThat(jdbc.queryForObject("select status from exchange_pair where id = ?", String.class, pair))
                .isEqualTo("DECLINED");
        tearDownVaadin();

        signInAs("sanna" + ServiceTest.DOMAIN);
        UI.getCurrent().navigate("exchange/pair/" + pair);
        assertThat(page()).contains("Tämä pari ei toteudu. Koordinaattori on yhteydessä.")
                .doesNotContain("DECLINE-REASON", "Elina", "Lindholm");
        assertThat(_find(Button.class, spec -> spec.withId("pair-accept"))).isEmpty();
    }

    @Test
    void only_the_guest_can_reflect_and_the_host_does_not_see_an_unshared_reflection() {
        long roundId = round();
        long pair = publishedPair(roundId);
        as("sanna", () -> {
            agreements.answer(pair, true, null);
            return null;
        });
        as("elina", () -> {
            agreements.answer(pair, true, null);
            return null;
        });
        LocalDate day = dates.today().plusDays(8);
        long visit = as("sanna", () -> agreements.planVisit(pair, true, day, "Youth centre", "An evening shift"));
        clock.advance(Duration.ofDays(9));

        signInAs("elina" + ServiceTest.DOMAIN);
        UI.getCurrent().navigate("exchange/pair/" + pair);
        assertThat(_find(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withText("Lägg till i kalendern")))
                .hasSize(1);
        _setValue(_get(TextArea.class, spec -> spec.withId("visit-reflection-" + visit)), "GUEST-ONLY-THOUGHTS");
        _click(_get(Button.class, spec -> spec.withId("visit-reflect-" + visit)));
        assertThat(jdbc.queryForObject("select reflection from exchange_visit where id = ?", String.class, visit))
                .isEqualTo("GUEST-ONLY-THOUGHTS");
        tearDownVaadin();

        signInAs("sanna" + ServiceTest.DOMAIN);
        UI.getCurrent().navigate("exchange/pair/" + pair);
        assertThat(_find(Div.class, spec -> spec.withId("visit-" + visit))).hasSize(1);
        assertThat(_find(TextArea.class, spec -> spec.withId("visit-reflection-" + visit))).isEmpty();
        assertThat(page()).contains("Youth centre").doesNotContain("GUEST-ONLY-THOUGHTS");
        assertThat(_find(Button.class, spec -> spec.withId("visit-done-" + visit))).hasSize(1);
    }
}
