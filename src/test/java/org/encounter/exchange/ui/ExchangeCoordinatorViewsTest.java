package org.encounter.exchange.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.encounter.KaribuTest;
import org.encounter.ServiceTest;
import org.encounter.base.Dates;
import org.encounter.base.RecordNotFound;
import org.encounter.exchange.ApplicationForm;
import org.encounter.exchange.ExchangeAgreements;
import org.encounter.exchange.ExchangeApplications;
import org.encounter.exchange.ExchangeMatchings;
import org.encounter.exchange.ExchangeMatchings.PairRow;
import org.encounter.exchange.ExchangeOverview;
import org.encounter.exchange.ExchangeRounds;
import org.encounter.exchange.ExchangeRounds.RoundSummary;
import org.encounter.exchange.Level;
import org.encounter.exchange.PairStatus;
import org.encounter.exchange.RoundForm;
import org.encounter.exchange.Sector;
import org.encounter.exchange.Shown;
import org.encounter.exchange.Theme;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * The coordinator's exchange pages on the demo world: Kirsi coordinates One Aurajoki; Sanna (city, managed by Mikko)
 * and Elina (wellbeing services county, nobody manages her) apply; Nils administers Northvale, outside it.
 */
class ExchangeCoordinatorViewsTest extends KaribuTest {

    @Autowired ExchangeRounds rounds;
    @Autowired ExchangeApplications applications;
    @Autowired ExchangeMatchings matchings;
    @Autowired ExchangeOverview overview;
    @Autowired ExchangeAgreements agreements;
    @Autowired Dates dates;

    private static ApplicationForm application(Sector sector, Theme wants, Theme offers) {
        return new ApplicationForm(sector, Level.MIDDLE, "How another service meets the young people we both serve",
                "How my own service works from the inside", Set.of(wants), Set.of(offers), Set.of("fi"), Set.of(),
                Set.of(DayOfWeek.TUESDAY), null, Set.of(), Set.of(), Set.of(Shown.LEVEL));
    }

    private long applyAs(String who, long roundId, ApplicationForm form) {
        return as(who, () -> applications.apply(roundId, form).id());
    }

    private void confirmAsMikko(long applicationId) {
        as("mikko", () -> {
            applications.confirm(applicationId, true);
            return null;
        });
    }

    /** A round of One Aurajoki whose application window includes today, opened through the service. */
    private long round(String name) {
        LocalDate today = dates.today();
        long partnership = rounds.partnerships().getFirst().id();
        Set<Long> all = Set.copyOf(rounds.organisations(partnership).stream().map(ExchangeRounds.Choice::id).toList());
        return rounds.open(partnership, new RoundForm(name, today.minusDays(1), today.plusDays(7), today.plusDays(14),
                today.plusDays(60), 2, null, null, null, all)).id();
    }

    private void openRoundPage(long roundId) {
        UI.getCurrent().navigate("exchange/rounds/" + roundId);
    }

    @SuppressWarnings("unchecked")
    private static Grid<PairRow> pairsGrid() {
        return _get(Grid.class, spec -> spec.withId("round-pairs"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_coordinator_opens_a_round_through_the_form_and_finds_it_in_the_list() {
        signInAs("kirsi" + ServiceTest.DOMAIN);
        UI.getCurrent().navigate(ExchangeRoundsView.class);
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Vaihtokierrokset · Encounter");
        LocalDate today = dates.today();
        _setValue(_get(TextField.class, spec -> spec.withId("round-name")), "Spring exchange (form)");
        _setValue(_get(DatePicker.class, spec -> spec.withId("round-applications-open")), today);
        _setValue(_get(DatePicker.class, spec -> spec.withId("round-applications-close")), today.plusDays(10));
        _setValue(_get(DatePicker.class, spec -> spec.withId("round-starts-on")), today.plusDays(20));
        // The exchange ends before it starts: the message is at its field and nothing is stored.
        _setValue(_get(DatePicker.class, spec -> spec.withId("round-ends-on")), today.plusDays(15));
        _click(_get(Button.class, spec -> spec.withId("round-save")));
        DatePicker ends = _get(DatePicker.class, spec -> spec.withId("round-ends-on"));
        assertThat(ends.isInvalid()).isTrue();
        assertThat(ends.getErrorMessage()).isEqualTo("Vaihdon täytyy päättyä alkamisensa jälkeen.");
        assertThat(rounds.rounds()).extracting(RoundSummary::name).doesNotContain("Spring exchange (form)");

        _setValue(ends, today.plusDays(80));
        _click(_get(Button.class, spec -> spec.withId("round-save")));
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Spring exchange (form) · Encounter");
        RoundSummary opened = rounds.rounds().stream().filter(r -> r.name().equals("Spring exchange (form)"))
                .findFirst().orElseThrow();
        // Every current member of One Aurajoki was ticked; Northvale is not a member.
        assertThat(opened.organisations().values()).containsExactlyInAnyOrder(
                "City of Aurajoki Youth and Community Services", "Aurajoki Wellbeing Services County",
                "Aurajoki Police Department", "Aurajoki Youth Council");
        assertThat(opened.form().visitsEachWay()).isEqualTo(2);

        UI.getCurrent().navigate(ExchangeRoundsView.class);
        Grid<RoundSummary> grid = _get(Grid.class, spec -> spec.withId("exchange-rounds-grid"));
        assertThat(_findAll(grid)).extracting(RoundSummary::name).contains("Spring exchange (form)");
    }

    @Test
    void the_coordinator_matches_publishes_records_attendance_and_downloads_the_round() {
        signInAs("kirsi" + ServiceTest.DOMAIN);
        long roundId = round("Autumn exchange (matching)");
        long sanna = applyAs("sanna", roundId, application(Sector.YOUTH, Theme.MENTAL_HEALTH, Theme.YOUNG_PEOPLE));
        confirmAsMikko(sanna);
        applyAs("elina", roundId, application(Sector.HEALTH, Theme.YOUNG_PEOPLE, Theme.MENTAL_HEALTH));

        openRoundPage(roundId);
        _click(_get(Button.class, spec -> spec.withId("round-run")));
        assertThat(NotificationsKt.getNotifications()).extracting(n -> n.getElement().getProperty("text"))
                .contains("Yksi pari ehdotettu");
        assertThat(_find(Paragraph.class, spec -> spec.withId("round-nobody-paired"))).isEmpty();
        Grid<PairRow> pairs = pairsGrid();
        assertThat(_findAll(pairs)).hasSize(1);
        assertThat(String.join(" ", _getFormattedRow(pairs, 0))).contains("Sanna Nieminen", "Elina Lindholm");
        Component reasons = _getCellComponent(pairs, 0, "reasons");
        assertThat(reasons.getChildren().count()).isPositive();
        assertThat(reasons.getElement().getTextRecursively()).isNotBlank();

        _click(_get(Button.class, spec -> spec.withId("round-publish")));
        PairRow pair = matchings.pairs(roundId).getFirst();
        assertThat(pair.status()).isEqualTo(PairStatus.PUBLISHED);

        for (String who : List.of("sanna", "elina")) {
            as(who, () -> {
                agreements.answer(pair.id(), true, null);
                return null;
            });
        }
        openRoundPage(roundId);
        @SuppressWarnings("unchecked")
        Grid<ExchangeOverview.Attendee> attendance = _get(Grid.class, spec -> spec.withId("round-attendance"));
        assertThat(_findAll(attendance)).extracting(ExchangeOverview.Attendee::name)
                .containsExactly("Elina Lindholm", "Sanna Nieminen");
        _setValue((Checkbox) _getCellComponent(attendance, 1, "briefing"), true);
        assertThat(overview.attendees(roundId)).filteredOn(a -> a.name().equals("Sanna Nieminen"))
                .extracting(ExchangeOverview.Attendee::briefing).containsExactly(true);
        assertThat(overview.figures(roundId).briefingPresent()).isEqualTo(1);

        String csv = new String(_get(ExchangeRoundView.class).csv(), StandardCharsets.UTF_8);
        assertThat(csv).contains("Sanna Nieminen", "Elina Lindholm", "Ensimmäinen osapuoli");
        assertThat(csv.lines().filter(l -> l.contains("Sanna Nieminen"))).singleElement().asString().contains("1");
        assertThat(csv.toLowerCase()).doesNotContain("reflection", "reflektio", "pohdint",
                "how another service meets");
    }

    @Test
    void when_nobody_can_be_paired_the_coordinator_reads_why_not_an_error() {
        signInAs("kirsi" + ServiceTest.DOMAIN);
        long roundId = round("Winter exchange (one organisation)");
        openRoundPage(roundId);
        // An empty pool is refused with its message.
        _click(_get(Button.class, spec -> spec.withId("round-run")));
        assertThat(NotificationsKt.getNotifications()).extracting(n -> n.getElement().getProperty("text"))
                .contains("Hakijoita ei vielä ole: parien muodostus tarvitsee vahvistettuja hakemuksia");
        NotificationsKt.clearNotifications();

        // Two leaders of the same organisation (both of the city, both managed by Mikko).
        confirmAsMikko(applyAs("sanna", roundId, application(Sector.YOUTH, Theme.MENTAL_HEALTH, Theme.YOUNG_PEOPLE)));
        confirmAsMikko(applyAs("jussi", roundId, application(Sector.HEALTH, Theme.YOUNG_PEOPLE, Theme.MENTAL_HEALTH)));
        openRoundPage(roundId);
        _click(_get(Button.class, spec -> spec.withId("round-run")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("round-nobody-paired")).isVisible()).isTrue();
        assertThat(_get(Paragraph.class, spec -> spec.withId("round-nobody-paired")).getText())
                .startsWith("Ketään ei voitu yhdistää pariksi");
        assertThat(NotificationsKt.getNotifications()).extracting(n -> n.getElement().getProperty("text"))
                .containsExactly("Pareja ei ehdotettu");
        assertThat(_findAll(pairsGrid())).isEmpty();
        assertThat(matchings.pool(roundId)).extracting(ExchangeMatchings.PoolEntry::unmatchedReason)
                .containsOnly("exchange.unmatched.no-partner");
    }


    @Test
    void the_coordinator_swaps_partners_leaves_someone_out_and_sees_who_declined_and_why() {
        signInAs("kirsi" + ServiceTest.DOMAIN);
        long roundId = round("Summer exchange (adjusting)");
        long sanna = applyAs("sanna", roundId, application(Sector.YOUTH, Theme.MENTAL_HEALTH, Theme.YOUNG_PEOPLE));
        long jussi = applyAs("jussi", roundId, application(Sector.YOUTH, Theme.HOUSING, Theme.COMMUNITY));
        confirmAsMikko(sanna);
        confirmAsMikko(jussi);
        applyAs("elina", roundId, application(Sector.HEALTH, Theme.YOUNG_PEOPLE, Theme.MENTAL_HEALTH));
        applyAs("matti", roundId, application(Sector.HEALTH, Theme.COMMUNITY, Theme.HOUSING));
        openRoundPage(roundId);
        _click(_get(Button.class, spec -> spec.withId("round-run")));
        List<PairRow> before = matchings.pairs(roundId);
        assertThat(before).hasSize(2).allSatisfy(p -> assertThat(p.first().organisation())
                .isEqualTo("City of Aurajoki Youth and Community Services"));

        // Both proposals selected, partners swapped: each city leader now has the other's partner, fixed.
        Grid<PairRow> pairs = pairsGrid();
        com.github.mvysny.kaributesting.v10.GridKt._selectAll(pairs);
        _click(_get(Button.class, spec -> spec.withId("round-swap")));
        List<PairRow> after = matchings.pairs(roundId);
        assertThat(after).hasSize(2).allSatisfy(p -> {
            assertThat(p.fixed()).isTrue();
            assertThat(p.reasons()).extracting(org.encounter.exchange.Reason::key)
                    .containsExactly("exchange.reason.by-hand");
        });
        for (PairRow p : before) {
            assertThat(after).noneMatch(a -> a.first().person().equals(p.first().person())
                    && a.second().person().equals(p.second().person()));
        }
        assertThat(_getCellComponent(pairsGrid(), 0, "reasons").getElement().getTextRecursively())
                .isEqualTo("Koordinaattorin muodostama pari");

        // Two of the same organisation cannot be paired by hand: the message says why.
        NotificationsKt.clearNotifications();
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.select.Select<ExchangeMatchings.PoolEntry> first = _get(
                com.vaadin.flow.component.select.Select.class, spec -> spec.withId("round-by-hand-first"));
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.select.Select<ExchangeMatchings.PoolEntry> second = _get(
                com.vaadin.flow.component.select.Select.class, spec -> spec.withId("round-by-hand-second"));
        _setValue(first, first.getListDataView().getItems().filter(p -> p.person().equals("Sanna Nieminen"))
                .findFirst().orElseThrow());
        _setValue(second, second.getListDataView().getItems().filter(p -> p.person().equals("Jussi Korhonen"))
                .findFirst().orElseThrow());
        _click(_get(Button.class, spec -> spec.withId("round-by-hand")));
        assertThat(NotificationsKt.getNotifications()).extracting(n -> n.getElement().getProperty("text"))
                .contains("Näitä kahta ei voi yhdistää pariksi: sama organisaatio, toinen on toisen esihenkilö tai"
                        + " toinen pyysi välttämään toista");

        // Matti is left out: his proposal is dissolved and the pool says why he is unmatched.
        @SuppressWarnings("unchecked")
        Grid<ExchangeMatchings.PoolEntry> pool = _get(Grid.class, spec -> spec.withId("round-pool"));
        int matti = _findAll(pool).stream().map(ExchangeMatchings.PoolEntry::person).toList().indexOf("Matti Koskinen");
        _click((Button) _getCellComponent(pool, matti, "left-out"));
        assertThat(matchings.pairs(roundId)).hasSize(1);
        pool = _get(Grid.class, spec -> spec.withId("round-pool"));
        assertThat(_getFormattedRow(pool, matti)).contains("Koordinaattori jätti pois parien muodostuksesta");

        // Published, then declined with a reason the coordinator may read.
        _click(_get(Button.class, spec -> spec.withId("round-publish")));
        PairRow left = matchings.pairs(roundId).getFirst();
        as(left.second().person().startsWith("Elina") ? "elina" : "matti", () -> {
            agreements.answer(left.id(), false, "Our busiest month");
            return null;
        });
        openRoundPage(roundId);
        assertThat(String.join(" ", _getFormattedRow(pairsGrid(), 0)))
                .contains(left.second().person() + " kieltäytyi: ”Our busiest month”");
    }
    @Test
    void an_organisation_admin_outside_the_partnership_and_a_leader_cannot_open_a_round() {
        signInAs("kirsi" + ServiceTest.DOMAIN);
        long roundId = round("Closed exchange (access)");
        tearDownVaadin();
        for (String who : List.of("nils", "elina")) {
            signInAs(who + ServiceTest.DOMAIN);
            assertThatThrownBy(() -> openRoundPage(roundId)).as(who).isInstanceOfAny(
                    MockAccessDeniedException.class, AccessDeniedException.class, RecordNotFound.class);
            tearDownVaadin();
        }
    }
}
