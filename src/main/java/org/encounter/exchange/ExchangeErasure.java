package org.encounter.exchange;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.encounter.base.Dates;
import org.encounter.base.NotifyPerson;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A leader's erasure from the exchange, in SQL inside the erasure's one transaction, safe to run again.
 *
 * <ul>
 * <li>A pair the partner was asked to join and that has not finished (published or accepted) ends; the partner is
 * told only that the exchange has ended. A proposal the coordinator has not published is dissolved, as the
 * coordinator would: neither of the two has seen it.</li>
 * <li>Pairs that stay — completed (the partner's certificate and history), ended or declined (the coordinator's
 * counts) — lose the person's words: their decline reason, the matching's snippets of both applications, their
 * reflections, the visits' places and what was shadowed (no visit records who wrote them), their report back and
 * their goals. A completed pair keeps the ratings of the goals without their text: the round's rating change, released
 * to the coordinator in cohorts, is computed from them, and deleting one leader's would move a released figure by one
 * person the coordinator knows.</li>
 * <li>Their application is deleted, or emptied and withdrawn while a pair that stays holds it; the partner's goals,
 * ratings, reflections and report back stay theirs.</li>
 * <li>Every other leader's "do not pair me with" row naming them goes.</li>
 * </ul>
 */
@Component
class ExchangeErasure {

    private static final String TEXT_REASON = "exchange.reason.text";

    private record Pair(long id, long roundId, long first, long second, PairStatus status) {

        long partnerOf(Set<Long> mine) {
            return mine.contains(first) ? second : first;
        }

        long mineOf(Set<Long> mine) {
            return mine.contains(first) ? first : second;
        }

        boolean open() {
            return status == PairStatus.PUBLISHED || status == PairStatus.ACCEPTED;
        }
    }

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final EntityManager entityManager;
    private final Dates dates;

    ExchangeErasure(JdbcTemplate jdbc, ApplicationEventPublisher events, EntityManager entityManager, Dates dates) {
        this.jdbc = jdbc;
        this.events = events;
        this.entityManager = entityManager;
        this.dates = dates;
    }

    /** The pairs the person is in that their partner knows of and that have not finished. */
    long openPairs(long personId) {
        return jdbc.queryForObject("""
                select count(*) from exchange_pair p
                  join exchange_application a on a.id in (p.first_id, p.second_id)
                 where a.person_id = ? and p.status in ('PUBLISHED', 'ACCEPTED')""", Long.class, personId);
    }

    void erase(long personId, boolean endOpenExchange) {
        // What this transaction changed through JPA reaches the database before the SQL below reads it.
        entityManager.flush();
        Set<Long> mine = new HashSet<>(jdbc.queryForList("select id from exchange_application where person_id = ?",
                Long.class, personId));
        List<Pair> pairs = pairs(mine);
        if (!endOpenExchange && pairs.stream().anyMatch(Pair::open)) {
            throw new IllegalStateException("the person is in an open exchange and did not accept that it ends");
        }
        jdbc.update("delete from exchange_avoid_person where person_id = ?", personId);
        Set<Long> held = new HashSet<>();
        for (Pair p : pairs) {
            if (p.status() == PairStatus.PROPOSED) {
                jdbc.update("delete from exchange_pair where id = ?", p.id());
                continue;
            }
            if (p.open()) {
                end(p, p.partnerOf(mine));
            }
            forget(p, p.mineOf(mine));
            held.add(p.mineOf(mine));
        }
        for (long application : mine) {
            if (held.contains(application)) {
                empty(application);
            } else {
                jdbc.update("delete from exchange_application where id = ?", application);
            }
        }
    }

    private List<Pair> pairs(Set<Long> applications) {
        List<Pair> pairs = new ArrayList<>();
        for (long application : applications) {
            jdbc.query("select id, round_id, first_id, second_id, status from exchange_pair"
                    + " where first_id = ? or second_id = ? order by id", rs -> {
                        pairs.add(new Pair(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                                PairStatus.valueOf(rs.getString(5))));
                    }, application, application);
        }
        return pairs;
    }

    /** The pair ends; visits that were only planned will not happen; the partner hears that it ended, and no more. */
    private void end(Pair p, long partnerApplication) {
        jdbc.update("update exchange_pair set status = 'ENDED', version = version + 1 where id = ?", p.id());
        jdbc.update("""
                delete from exchange_visit where pair_id = ? and visit_date > ?
                   and host_done_at is null and guest_done_at is null and reflection is null""", p.id(), dates.today());
        long partner = jdbc.queryForObject("select person_id from exchange_application where id = ?", Long.class,
                partnerApplication);
        String round = jdbc.queryForObject("select name from exchange_round where id = ?", String.class, p.roundId());
        events.publishEvent(new NotifyPerson(partner, "exchange-ended", "exchange-pair:" + p.id(),
                "notify.exchange-ended", List.of(round), "exchange/pair/" + p.id()));
    }

    /** Everything of the person's own in a pair that stays. */
    private void forget(Pair p, long own) {
        String side = own == p.first() ? "first_reason" : "second_reason";
        jdbc.update("update exchange_pair set " + side + " = null, version = version + 1 where id = ? and " + side
                + " is not null", p.id());
        String reasons = jdbc.queryForObject("select reasons from exchange_pair where id = ?", String.class, p.id());
        String kept = withoutTexts(reasons);
        if (!kept.equals(reasons)) {
            jdbc.update("update exchange_pair set reasons = ?, version = version + 1 where id = ?", kept, p.id());
        }
        jdbc.update("""
                update exchange_visit set reflection = null, reflection_shared = false, reflected_at = null,
                       version = version + 1
                 where pair_id = ? and host_id <> ?
                   and (reflection is not null or reflection_shared or reflected_at is not null)""", p.id(), own);
        jdbc.update("update exchange_visit set place = '', shadow = '', version = version + 1"
                + " where pair_id = ? and (place <> '' or shadow <> '')", p.id());
        if (p.status() == PairStatus.COMPLETED) {
            jdbc.update("update exchange_goal set text = '', version = version + 1"
                    + " where pair_id = ? and application_id = ? and text <> ''", p.id(), own);
        } else {
            jdbc.update("delete from exchange_goal where pair_id = ? and application_id = ?", p.id(), own);
        }
        jdbc.update("delete from exchange_report_back where pair_id = ? and application_id = ?", p.id(), own);
    }

    /**
     * The matching's reasons without those quoting the applications' words (one reason per line, its i18n key first).
     */
    static String withoutTexts(String reasons) {
        if (reasons == null || reasons.isBlank()) {
            return reasons == null ? "" : reasons;
        }
        return String.join("\n", reasons.lines().filter(line -> !line.equals(TEXT_REASON)
                && !line.startsWith(TEXT_REASON + "\t")).toList());
    }

    /** An application a pair that stays still holds: nothing they wrote or chose remains, and it is matched no more. */
    private void empty(long application) {
        jdbc.update("""
                update exchange_application
                   set wants = '', offers = '', want_themes = '', offer_themes = '', languages = '', availability = '',
                       availability_note = null, shown = '', unmatched_reason = null,
                       status = case when exists (select 1 from exchange_pair p where p.status = 'COMPLETED'
                                and (p.first_id = exchange_application.id or p.second_id = exchange_application.id))
                                then status else 'WITHDRAWN' end,
                       version = version + 1
                 where id = ?""", application);
        jdbc.update("delete from exchange_travel where application_id = ?", application);
        jdbc.update("delete from exchange_avoid_organisation where application_id = ?", application);
        jdbc.update("delete from exchange_avoid_person where application_id = ?", application);
    }
}
