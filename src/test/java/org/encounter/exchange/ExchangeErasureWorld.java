package org.encounter.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Sanna's Leadership Exchange, written straight into the tables (inside a test's transaction, rolled back after),
 * four rounds of One Aurajoki. In the first she and Matti completed their exchange (goals rated, a visit each way
 * reflected on, report backs written); in the second she and Elina have agreed and are half way (Elina's reflection on
 * Sanna's visit unshared, a visit to come), and Jussi asked not to be paired with her; in the third Leo declined her,
 * with a reason; in the fourth she has only applied.
 */
final class ExchangeErasureWorld {

    static final String CITY = "City of Aurajoki Youth and Community Services";
    static final String COUNTY = "Aurajoki Wellbeing Services County";

    private final JdbcTemplate jdbc;
    private final ToLongFunction<String> personId;

    ExchangeErasureWorld(JdbcTemplate jdbc, ToLongFunction<String> personId) {
        this.jdbc = jdbc;
        this.personId = personId;
    }

    private long personId(String who) {
        return personId.applyAsLong(who);
    }

    /** Everything Sanna wrote in the exchange, one text per column; each test adds a nano-time so none repeats. */
    record World(long completedRound, long openRound, long declinedRound, long appliedRound, long completedPair,
                 long openPair, long declinedPair, List<String> sannasWords, String tag) {
    }

    private long id() {
        return jdbc.queryForObject("select last_insert_id()", Long.class);
    }

    private long organisation(String name) {
        return jdbc.queryForObject("select id from organisation where name = ?", Long.class, name);
    }

    private long round(String name) {
        long partnership = jdbc.queryForObject("select id from partnership where name = 'One Aurajoki'", Long.class);
        jdbc.update("""
                insert into exchange_round (partnership_id, name, applications_open, applications_close, starts_on,
                       ends_on, visits_each_way, place, created_by_id, created_at)
                values (?, ?, current_date - interval 90 day, current_date - interval 60 day,
                        current_date - interval 45 day, current_date + interval 75 day, 1, 'Aurajoki City Hall', ?,
                        now(6))""", partnership, name, personId("kirsi"));
        long round = id();
        for (String o : List.of(CITY, COUNTY)) {
            jdbc.update("insert into exchange_round_organisation (round_id, organisation_id) values (?, ?)", round,
                    organisation(o));
        }
        return round;
    }

    private long apply(long round, String who, String organisation, String wants, String offers, String note) {
        jdbc.update("""
                insert into exchange_application (round_id, person_id, organisation_id, sector, level, wants, offers,
                       want_themes, offer_themes, languages, availability, availability_note, shown, status,
                       manager_id, manager_answered_at, created_at)
                values (?, ?, ?, 'YOUTH', 'SENIOR', ?, ?, 'POLICING', 'YOUNG_PEOPLE', 'en,fi', 'TUESDAY', ?,
                        'LEVEL,WANTS,OFFERS', 'CONFIRMED', ?, now(6), now(6))""", round, personId(who),
                organisation(organisation), wants, offers, note, personId("mikko"));
        return id();
    }

    private long pair(long round, long first, long second, String status, String reasons) {
        jdbc.update("""
                insert into exchange_pair (round_id, first_id, second_id, score, reasons, status, first_answer,
                       second_answer, published_at, accepted_at, completed_at)
                values (?, ?, ?, 10, ?, ?, 'ACCEPTED', ?, now(6), ?, ?)""", round, first, second, reasons, status,
                status.equals("DECLINED") ? "DECLINED" : "ACCEPTED",
                status.equals("DECLINED") ? null : java.time.LocalDateTime.now(),
                status.equals("COMPLETED") ? java.time.LocalDateTime.now() : null);
        return id();
    }

    private void goal(long pair, long application, int position, String text, Integer start, Integer end) {
        jdbc.update("insert into exchange_goal (pair_id, application_id, position, text, start_rating, end_rating)"
                + " values (?, ?, ?, ?, ?, ?)", pair, application, position, text, start, end);
    }

    private long visit(long pair, long host, int daysFromToday, String place, String shadow, boolean done,
                       String reflection, boolean shared) {
        jdbc.update("""
                insert into exchange_visit (pair_id, host_id, visit_date, place, shadow, host_done_at, guest_done_at,
                       reflection, reflection_shared, reflected_at, created_at)
                values (?, ?, current_date + interval ? day, ?, ?, ?, ?, ?, ?, ?, now(6))""", pair, host,
                daysFromToday, place, shadow, done ? java.time.LocalDateTime.now() : null,
                done ? java.time.LocalDateTime.now() : null, reflection, shared,
                reflection == null ? null : java.time.LocalDateTime.now());
        return id();
    }

    private void reportBack(long pair, long application, String tried, String happened, String learned) {
        jdbc.update("""
                insert into exchange_report_back (pair_id, application_id, tried, happened, learned, created_at,
                       updated_at) values (?, ?, ?, ?, ?, now(6), now(6))""", pair, application, tried, happened,
                learned);
    }

    /**
     * Builds the world on an exchange emptied first: other tests leave rounds of their own (Sanna in open pairs among
     * them), and this test's transaction is rolled back, so the emptying never reaches anyone else.
     */
    World build() {
        for (String table : List.of("exchange_report_back", "exchange_attendance", "exchange_visit", "exchange_goal",
                "exchange_pair", "exchange_avoid_person", "exchange_avoid_organisation", "exchange_travel",
                "exchange_application", "exchange_round_organisation", "exchange_round")) {
            jdbc.update("delete from " + table);
        }
        String tag = " #" + System.nanoTime();
        List<String> words = new ArrayList<>();
        java.util.function.UnaryOperator<String> hers = text -> {
            words.add(text + tag);
            return text + tag;
        };
        // 1. Completed with Matti.
        long completedRound = round("Completed round" + tag);
        long sanna1 = apply(completedRound, "sanna", CITY, hers.apply("Sanna wants to see a night shift"),
                hers.apply("Sanna offers street youth work"), hers.apply("Sanna is free after four"));
        long matti = apply(completedRound, "matti", COUNTY, "Matti wants family work", "Matti offers clinics", null);
        long completedPair = pair(completedRound, sanna1, matti, "COMPLETED", "exchange.reason.sectors\tYOUTH\tHEALTH"
                + "\nexchange.reason.text\tSanna wants to see a night shift" + tag + "\tMatti offers clinics");
        goal(completedPair, sanna1, 0, hers.apply("Sanna's goal: say no to a form"), 2, 4);
        goal(completedPair, sanna1, 1, hers.apply("Sanna's goal: ask first"), 1, 3);
        goal(completedPair, matti, 0, "Matti's goal: listen longer", 2, 5);
        goal(completedPair, matti, 1, "Matti's goal: bring a young person", 3, 4);
        visit(completedPair, sanna1, -30, hers.apply("Sanna's youth centre"), hers.apply("Sanna's evening drop-in"),
                true, "Matti's shared reflection on Sanna's drop-in", true);
        visit(completedPair, matti, -20, "Matti's clinic", "Matti's morning round", true,
                hers.apply("Sanna's private reflection on the clinic"), false);
        reportBack(completedPair, sanna1, hers.apply("Sanna tried asking first"), hers.apply("Sanna saw it work"),
                hers.apply("Sanna learned to wait"));
        reportBack(completedPair, matti, "Matti tried longer visits", "Matti saw trust", "Matti learned patience");
        jdbc.update("insert into exchange_attendance (round_id, meeting, person_id, present) values (?, 'BRIEFING', ?,"
                + " true)", completedRound, personId("sanna"));
        // 2. Agreed with Elina, half way; Jussi avoids her.
        long openRound = round("Open round" + tag);
        long sanna2 = apply(openRound, "sanna", CITY, hers.apply("Sanna wants ward rounds"),
                hers.apply("Sanna offers a youth council evening"), null);
        long elina = apply(openRound, "elina", COUNTY, "Elina wants youth work", "Elina offers ward rounds", null);
        long jussi = apply(openRound, "jussi", CITY, "Jussi wants anything", "Jussi offers coffee", null);
        jdbc.update("insert into exchange_avoid_person (application_id, person_id) values (?, ?)", jussi,
                personId("sanna"));
        jdbc.update("insert into exchange_avoid_person (application_id, person_id) values (?, ?)", sanna2,
                personId("leo"));
        jdbc.update("insert into exchange_travel (application_id, organisation_id) values (?, ?)", sanna2,
                organisation(COUNTY));
        long openPair = pair(openRound, sanna2, elina, "ACCEPTED", "exchange.reason.sectors\tYOUTH\tHEALTH");
        goal(openPair, sanna2, 0, hers.apply("Sanna's open goal"), 2, null);
        goal(openPair, elina, 0, "Elina's goal: see the street", 3, null);
        visit(openPair, sanna2, -10, hers.apply("Sanna's street corner"), hers.apply("Sanna's outreach"), true,
                "Elina's unshared reflection on the street", false);
        visit(openPair, elina, 10, "Elina's ward", "Elina's ward round", false, null, false);
        // 3. Leo declined her.
        long declinedRound = round("Declined round" + tag);
        long sanna3 = apply(declinedRound, "sanna", CITY, hers.apply("Sanna wants to learn policing"),
                hers.apply("Sanna offers a set"), null);
        long leo = apply(declinedRound, "leo", CITY, "Leo wants things", "Leo offers things", null);
        long declinedPair = pair(declinedRound, sanna3, leo, "DECLINED", "exchange.reason.sectors\tYOUTH\tYOUTH");
        jdbc.update("update exchange_pair set second_reason = ? where id = ?", "Leo's reason: we share an office",
                declinedPair);
        // 4. Only applied.
        long appliedRound = round("Applied round" + tag);
        apply(appliedRound, "sanna", CITY, hers.apply("Sanna wants a fourth go"), hers.apply("Sanna offers more"),
                null);
        return new World(completedRound, openRound, declinedRound, appliedRound, completedPair, openPair,
                declinedPair, words, tag);
    }
}
