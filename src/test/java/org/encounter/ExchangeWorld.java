package org.encounter;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
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
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An exchange round of One Aurajoki for the tests that try every page and method ({@link AccessWorld} reads it):
 * Sanna (city) and Elina (wellbeing services county) in an accepted pair, Jussi (city) and Matti (wellbeing services
 * county) in a proposal. The demo world has no round, so the first test that needs one opens it, as its people would.
 */
final class ExchangeWorld {

    static final String ROUND = "Exchange across One Aurajoki";

    private ExchangeWorld() {
    }

    /** Opens the round unless it is there; {@code as} runs an action as a demo person (by login). */
    static void ensure(JdbcTemplate jdbc, ApplicationContext context, BiConsumer<String, Runnable> as) {
        if (jdbc.queryForObject("select count(*) from exchange_round where name = ?", Integer.class, ROUND) > 0) {
            return;
        }
        ExchangeRounds rounds = context.getBean(ExchangeRounds.class);
        ExchangeApplications applications = context.getBean(ExchangeApplications.class);
        ExchangeMatchings matchings = context.getBean(ExchangeMatchings.class);
        ExchangeAgreements agreements = context.getBean(ExchangeAgreements.class);
        LocalDate today = context.getBean(Dates.class).today();
        long[] round = new long[1];
        as.accept("kirsi", () -> {
            long partnership = rounds.partnerships().getFirst().id();
            Set<Long> members = Set.copyOf(rounds.organisations(partnership).stream()
                    .map(ExchangeRounds.Choice::id).toList());
            round[0] = rounds.open(partnership, new RoundForm(ROUND, today.minusDays(1), today.plusDays(7),
                    today.plusDays(14), today.plusDays(60), 2, null, null, null, members)).id();
        });
        long sanna = apply(as, "sanna", () -> applications.apply(round[0], form(Sector.YOUTH)).id());
        long jussi = apply(as, "jussi", () -> applications.apply(round[0], form(Sector.YOUTH)).id());
        long elina = apply(as, "elina", () -> applications.apply(round[0], form(Sector.HEALTH)).id());
        long matti = apply(as, "matti", () -> applications.apply(round[0], form(Sector.HEALTH)).id());
        as.accept("mikko", () -> {
            applications.confirm(sanna, true);
            applications.confirm(jussi, true);
        });
        as.accept("kirsi", () -> {
            matchings.pairByHand(round[0], sanna, elina);
            matchings.publish(round[0]);
        });
        long pair = jdbc.queryForObject("select id from exchange_pair where round_id = ?", Long.class, round[0]);
        as.accept("sanna", () -> agreements.answer(pair, true, null));
        as.accept("elina", () -> agreements.answer(pair, true, null));
        LocalDate starts = jdbc.queryForObject("select starts_on from exchange_round where id = ?", LocalDate.class,
                round[0]);
        as.accept("sanna", () -> agreements.planVisit(pair, true, starts.plusDays(1), "Aurajoki youth centre",
                "An evening with the street team"));
        as.accept("kirsi", () -> matchings.pairByHand(round[0], jussi, matti));
    }

    private static long apply(BiConsumer<String, Runnable> as, String who, Supplier<Long> action) {
        long[] id = new long[1];
        as.accept(who, () -> id[0] = action.get());
        return id[0];
    }

    private static ApplicationForm form(Sector sector) {
        return new ApplicationForm(sector, Level.MIDDLE, "How another service works with young people",
                "How my own service works from the inside", Set.of(Theme.YOUNG_PEOPLE), Set.of(Theme.MENTAL_HEALTH),
                Set.of("fi"), Set.of(), Set.of(DayOfWeek.TUESDAY), null, Set.of(), Set.of(), Set.of(Shown.LEVEL));
    }
}
