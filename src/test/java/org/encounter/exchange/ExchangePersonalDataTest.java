package org.encounter.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.encounter.RecordingExport;
import org.encounter.ServiceTest;
import org.encounter.base.NotifyPerson;
import org.encounter.base.PersonalData;
import org.encounter.base.SystemAccess;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Leadership Exchange's part of Sanna's export and erasure, on {@link ExchangeErasureWorld} built in each test's
 * transaction and rolled back at its end, so the shared database is unchanged.
 */
@RecordApplicationEvents
class ExchangePersonalDataTest extends ServiceTest {

    static final String CITY = ExchangeErasureWorld.CITY;
    static final String COUNTY = ExchangeErasureWorld.COUNTY;
    static final PersonalData.ErasureChoices ACCEPTING = new PersonalData.ErasureChoices(false, false, true);
    static final PersonalData.ErasureChoices REFUSING = new PersonalData.ErasureChoices(false, false, false);

    @Autowired ExchangePersonalData data;
    @Autowired ExchangeAgreements agreements;
    @Autowired ExchangeMatchings matchings;
    @Autowired ExchangeOverview overview;
    @Autowired PlatformTransactionManager transactions;
    @Autowired ApplicationEvents events;

    private void rolledBack(Consumer<ExchangeErasureWorld.World> test) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            status.setRollbackOnly();
            test.accept(new ExchangeErasureWorld(jdbc, this::personId).build());
        });
    }

    private RecordingExport export(String who) {
        RecordingExport out = new RecordingExport();
        try {
            data.export(personId(who), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private void erase(String who, PersonalData.ErasureChoices choices) {
        SystemAccess.run(() -> {
            data.erase(personId(who), choices);
            return null;
        });
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    /** Every text column of the exchange's tables, as one text per row. */
    private List<String> exchangeTexts() {
        List<String> texts = new ArrayList<>();
        jdbc.query("""
                select table_name, column_name from information_schema.columns
                 where table_schema = database() and table_name like 'exchange%'
                   and data_type in ('char', 'varchar', 'text', 'mediumtext', 'longtext')""", rs -> {
            texts.addAll(jdbc.queryForList("select `" + rs.getString(2) + "` from `" + rs.getString(1) + "` where `"
                    + rs.getString(2) + "` is not null", String.class));
        });
        return texts;
    }

    @Test
    void the_export_holds_her_own_words_and_of_her_partners_only_the_name_and_organisation_she_saw() {
        rolledBack(w -> {
            RecordingExport out = export("sanna");
            String text = out.text();
            assertThat(w.sannasWords()).allSatisfy(words -> assertThat(text).contains(words));
            assertThat(out.of("exchangeApplication")).hasSize(4).anySatisfy(a -> {
                assertThat(a.get("round")).isEqualTo("Open round" + w.tag());
                assertThat(a.get("organisation")).isEqualTo(CITY);
                assertThat(a.get("avoidPeople")).isEqualTo(List.of(jdbc.queryForObject(
                        "select display_name from person where email = ?", String.class, "leo" + DOMAIN)));
                assertThat(a.get("travelsTo")).isEqualTo(List.of(COUNTY));
                assertThat(a.get("manager")).isEqualTo("Mikko Laine");
                assertThat(a.get("wantThemes")).isEqualTo(List.of("POLICING"));
            });
            assertThat(out.of("exchangePair")).hasSize(3).anySatisfy(p -> {
                assertThat(p.get("partner")).isEqualTo("Matti Koskinen");
                assertThat(p.get("partnerOrganisation")).isEqualTo(COUNTY);
                assertThat(p.get("status")).isEqualTo("COMPLETED");
            });
            assertThat(out.of("exchangeGoal")).hasSize(3).anySatisfy(g -> {
                assertThat(g.get("startRating")).isEqualTo(2);
                assertThat(g.get("endRating")).isEqualTo(4);
            });
            assertThat(out.of("exchangeVisit")).hasSize(4);
            assertThat(out.of("exchangeReportBack")).singleElement()
                    .satisfies(r -> assertThat(r.get("learned")).isEqualTo("Sanna learned to wait" + w.tag()));
            assertThat(out.of("exchangeAttendance")).singleElement()
                    .satisfies(a -> assertThat(a.get("briefing")).isEqualTo(true));
            // Nothing of what her partners wrote or rated: goals, reflections shared or not, report backs, reasons.
            assertThat(text).doesNotContain("Matti's goal", "Elina's goal", "Elina's unshared reflection",
                    "Matti's shared reflection", "Matti tried", "Leo's reason", "Matti wants", "Elina offers");
            assertThat(out.of("exchangeGoal")).noneSatisfy(g -> assertThat(g.get("endRating")).isEqualTo(5));
        });
    }

    @Test
    void an_open_exchange_blocks_erasure_until_she_accepts_that_it_ends() {
        rolledBack(w -> {
            assertThat(data.erasureBlocker(personId("sanna"), REFUSING))
                    .contains("privacy.erasure.open-exchange");
            assertThat(data.erasureBlocker(personId("sanna"), ACCEPTING)).isEmpty();
            assertThatThrownBy(() -> erase("sanna", REFUSING)).isInstanceOf(IllegalStateException.class);
            // A proposal the coordinator has not published is no one's exchange yet; a finished one blocks nothing.
            jdbc.update("update exchange_pair set status = 'PROPOSED' where id = ?", w.openPair());
            assertThat(data.erasureBlocker(personId("sanna"), REFUSING)).isEmpty();
            jdbc.update("update exchange_pair set status = 'PUBLISHED' where id = ?", w.openPair());
            assertThat(data.erasureBlocker(personId("sanna"), REFUSING)).isPresent();
            assertThat(data.erasureBlocker(personId("matti"), REFUSING)).isEmpty();
            assertThat(data.erasureBlocker(personId("mikko"), REFUSING)).isEmpty();
        });
    }

    @Test
    void erasure_ends_the_open_pair_tells_the_partner_only_that_it_ended_and_leaves_none_of_her_words() {
        rolledBack(w -> {
            long sanna = personId("sanna");
            erase("sanna", ACCEPTING);

            // The open pair ended; the visit to come is gone; Elina keeps her goal, rating and reflection.
            assertThat(jdbc.queryForObject("select status from exchange_pair where id = ?", String.class, w.openPair()))
                    .isEqualTo("ENDED");
            assertThat(count("select count(*) from exchange_visit where pair_id = ?", w.openPair())).isOne();
            assertThat(count("select count(*) from exchange_goal where pair_id = ? and text = ? and start_rating = 3",
                    w.openPair(), "Elina's goal: see the street")).isOne();
            assertThat(count("select count(*) from exchange_goal g join exchange_application a on a.id ="
                    + " g.application_id where a.person_id = ? and g.pair_id = ?", sanna, w.openPair())).isZero();
            assertThat(count("select count(*) from exchange_visit where reflection = ?",
                    "Elina's unshared reflection on the street")).isOne();
            // Elina is told that the exchange ended, and nothing else: no reason, no name.
            List<NotifyPerson> told = events.stream(NotifyPerson.class).toList();
            assertThat(told).singleElement().satisfies(n -> {
                assertThat(n.personId()).isEqualTo(personId("elina"));
                assertThat(n.kind()).isEqualTo("exchange-ended");
                assertThat(n.messageKey()).isEqualTo("notify.exchange-ended");
                assertThat(n.args()).containsExactly("Open round" + w.tag());
                assertThat(n.link()).isEqualTo("exchange/pair/" + w.openPair());
            });
            assertThat(told.getFirst().toString()).doesNotContain("Sanna", "Nieminen", "erase");

            // The completed pair stays for Matti, with his goals, ratings, reflection and report back; hers keep
            // only the ratings the released figure was computed from.
            assertThat(jdbc.queryForObject("select status from exchange_pair where id = ?", String.class,
                    w.completedPair())).isEqualTo("COMPLETED");
            assertThat(count("select count(*) from exchange_goal where pair_id = ? and text like 'Matti%'",
                    w.completedPair())).isEqualTo(2);
            assertThat(jdbc.queryForList("select concat(start_rating, '-', end_rating) from exchange_goal g"
                    + " join exchange_application a on a.id = g.application_id where a.person_id = ? and text = ''"
                    + " order by position", String.class, sanna)).containsExactly("2-4", "1-3");
            assertThat(count("select count(*) from exchange_report_back where pair_id = ?", w.completedPair()))
                    .isOne();
            assertThat(count("select count(*) from exchange_visit where reflection = ?",
                    "Matti's shared reflection on Sanna's drop-in")).isOne();
            // The declined pair stays for the coordinator's counts, with Leo's reason (his words).
            assertThat(count("select count(*) from exchange_pair where id = ? and second_reason is not null",
                    w.declinedPair())).isOne();
            // Her applications: deleted, or emptied and withdrawn where a pair that stays holds them.
            assertThat(count("select count(*) from exchange_application where person_id = ?", sanna)).isEqualTo(3);
            assertThat(count("select count(*) from exchange_application where person_id = ? and round_id = ?", sanna,
                    w.appliedRound())).isZero();
            assertThat(jdbc.queryForList("select status from exchange_application where person_id = ? order by"
                    + " round_id", String.class, sanna)).containsExactly("CONFIRMED", "WITHDRAWN", "WITHDRAWN");
            assertThat(count("select count(*) from exchange_travel t join exchange_application a on a.id ="
                    + " t.application_id where a.person_id = ?", sanna)).isZero();
            // Nobody's "do not pair me with" names her.
            assertThat(count("select count(*) from exchange_avoid_person where person_id = ?", sanna)).isZero();
            // None of her words is left in any text column of the exchange.
            List<String> texts = exchangeTexts();
            for (String words : w.sannasWords()) {
                assertThat(texts).as(words).noneMatch(t -> t.contains(words));
            }

            // Again: nothing changes, nobody is told twice.
            erase("sanna", ACCEPTING);
            assertThat(events.stream(NotifyPerson.class)).hasSize(1);
            assertThat(count("select count(*) from exchange_application where person_id = ?", sanna)).isEqualTo(3);
            assertThat(count("select count(*) from exchange_goal where pair_id = ?", w.completedPair())).isEqualTo(4);
        });
    }

    @Test
    void the_partners_and_the_coordinators_screens_still_read_a_pair_whose_partner_was_erased() {
        rolledBack(w -> {
            erase("sanna", ACCEPTING);
            ExchangeAgreements.Detail completed = as("matti", () -> agreements.pair(w.completedPair()));
            assertThat(completed.partner().name()).isEqualTo(jdbc.queryForObject(
                    "select display_name from person where id = ?", String.class, personId("sanna")));
            assertThat(completed.partner().wants()).isNull();
            assertThat(completed.partnerGoals()).isEmpty();
            assertThat(completed.myGoals()).hasSize(2);
            assertThat(completed.visits()).hasSize(2).allSatisfy(v -> assertThat(v.place()).isEmpty());
            assertThat(as("elina", () -> agreements.pair(w.openPair())).status()).isEqualTo(PairStatus.ENDED);
            assertThat(as("elina", () -> agreements.mine())).anySatisfy(p -> assertThat(p.id())
                    .isEqualTo(w.openPair()));
            assertThat(as("kirsi", () -> matchings.pairs(w.openRound()))).hasSize(1);
            assertThat(as("kirsi", () -> matchings.pool(w.openRound()))).hasSize(3);
            ExchangeOverview.Figures figures = as("kirsi", () -> overview.figures(w.completedRound()));
            assertThat(figures.completed()).isOne();
            assertThat(figures.ratedLeaders()).isEqualTo(2);
            assertThat(figures.briefingPresent()).isOne();
        });
    }
}
