package org.encounter.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.encounter.base.PersonalData;
import org.encounter.base.PersonalExport;
import org.encounter.identity.OrganisationNames;
import org.encounter.identity.PersonDirectory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the Leadership Exchange holds about a leader: their applications, the pairs they were published in, their
 * goals and ratings, the visits, their reflections and report backs, and the coordinator's record of who came to the
 * briefing and debrief. The export holds their own words only: of the partner, the name and organisation they saw,
 * never the partner's ratings, reflections (shared or not) or decline reason. Erasure is {@link ExchangeErasure}'s.
 */
@Component
class ExchangePersonalData implements PersonalData {

    static final String OPEN_EXCHANGE = "privacy.erasure.open-exchange";

    private final JdbcTemplate jdbc;
    private final Pages pages;
    private final PersonDirectory directory;
    private final OrganisationNames names;
    private final ExchangeErasure erasure;

    ExchangePersonalData(JdbcTemplate jdbc, PersonDirectory directory, OrganisationNames names,
                         ExchangeErasure erasure) {
        this.jdbc = jdbc;
        this.pages = new Pages(jdbc);
        this.directory = directory;
        this.names = names;
        this.erasure = erasure;
    }

    @Override
    public String section() {
        return "exchange";
    }

    @Override
    public List<Holding> holdings() {
        return List.of(
                Holding.of("exchange_round", "the round a coordinator opened for the partnership: its name and "
                        + "meeting place are the organisation's, not a person's", Treatment.NOT_PERSONAL,
                        "name", "place"),
                Holding.of("exchange_round", "which coordinator opened the round: the id stays, pointing at the "
                        + "anonymised person", Treatment.KEPT, "created_by_id"),
                Holding.of("exchange_application", "a leader's application: what they want and offer, when they can "
                        + "travel. Deleted, unless a pair that stays (a completed one, the partner's history; an "
                        + "ended or declined one, the coordinator's counts) holds it: then it is emptied of "
                        + "everything they wrote or chose and withdrawn", Treatment.ANONYMISED,
                        "person_id", "wants", "offers", "want_themes", "offer_themes", "languages", "availability",
                        "availability_note", "shown"),
                Holding.of("exchange_application", "the manager who confirmed someone's application: the id stays, "
                        + "pointing at the anonymised person", Treatment.KEPT, "manager_id"),
                Holding.codes("exchange_application", "sector", "level", "status", "unmatched_reason"),
                Holding.of("exchange_avoid_person", "people a leader asked not to be paired with: their own list, and "
                        + "every other leader's row naming them, go", Treatment.DELETED, "person_id"),
                Holding.of("exchange_pair", "why the matching paired two leaders (snippets of both applications) and "
                        + "each partner's decline reason: the person's reason and every snippet go; an open pair "
                        + "ends and the partner is told only that", Treatment.ANONYMISED,
                        "reasons", "first_reason", "second_reason"),
                Holding.codes("exchange_pair", "status", "first_answer", "second_answer"),
                Holding.of("exchange_goal", "a partner's goals, rated at the start and the end: deleted, except that "
                        + "a completed pair's ratings stay without their text, because the round's released rating "
                        + "change is computed from them and must not move by one known leader", Treatment.ANONYMISED,
                        "text"),
                Holding.of("exchange_visit", "who hosted a visit, where and what the guest shadowed, and the guest's "
                        + "reflection: the person's reflections go; the place and what was shadowed name no writer "
                        + "and go from every visit of their pairs; visits still to come of an ended pair are deleted",
                        Treatment.ANONYMISED, "host_id", "place", "shadow", "reflection"),
                Holding.of("exchange_report_back", "a partner's report back on a completed exchange",
                        Treatment.DELETED, "tried", "happened", "learned"),
                Holding.of("exchange_attendance", "who came to the round's briefing and debrief, as the coordinator "
                        + "recorded it: no text, the id stays for the coordinator's counts", Treatment.KEPT,
                        "person_id"),
                Holding.codes("exchange_attendance", "meeting"));
    }

    @Override
    public Optional<String> erasureBlocker(long personId, ErasureChoices choices) {
        return erasure.openPairs(personId) > 0 && !choices.endOpenExchange() ? Optional.of(OPEN_EXCHANGE)
                : Optional.empty();
    }

    @Override
    public void erase(long personId, ErasureChoices choices) {
        erasure.erase(personId, choices.endOpenExchange());
    }

    // Export

    @Override
    public void export(long personId, PersonalExport out) throws IOException {
        try {
            applications(personId, out);
            pairs(personId, out);
            goals(personId, out);
            visits(personId, out);
            reportBacks(personId, out);
            attendance(personId, out);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private void applications(long personId, PersonalExport out) {
        pages.each("""
                select a.id, r.name, a.organisation_id, a.sector, a.level, a.wants, a.offers, a.want_themes,
                       a.offer_themes, a.languages, a.availability, a.availability_note, a.shown, a.status,
                       a.manager_id, a.manager_answered_at, a.excluded, a.unmatched_reason, a.created_at
                  from exchange_application a join exchange_round r on r.id = a.round_id
                 where a.person_id = ? and a.id > ? order by a.id limit ?""", new Object[] {personId}, rs -> {
            long id = rs.getLong(1);
            List<Long> travel = ids("select organisation_id from exchange_travel where application_id = ?", id);
            List<Long> avoidOrganisations = ids("select organisation_id from exchange_avoid_organisation"
                    + " where application_id = ?", id);
            List<Long> avoidPeople = ids("select person_id from exchange_avoid_person where application_id = ?", id);
            Set<Long> organisations = new HashSet<>(travel);
            organisations.addAll(avoidOrganisations);
            organisations.add(rs.getLong(3));
            Map<Long, String> organisationNames = names.organisations(organisations);
            Long manager = rs.getObject(15, Long.class);
            Set<Long> people = new HashSet<>(avoidPeople);
            if (manager != null) {
                people.add(manager);
            }
            Map<Long, String> peopleNames = directory.displayNames(people);
            out.record("exchangeApplication", "round", rs.getString(2),
                    "organisation", organisationNames.getOrDefault(rs.getLong(3), ""), "sector", rs.getString(4),
                    "level", rs.getString(5), "wants", rs.getString(6), "offers", rs.getString(7),
                    "wantThemes", codes(rs.getString(8)), "offerThemes", codes(rs.getString(9)),
                    "languages", codes(rs.getString(10)), "availability", codes(rs.getString(11)),
                    "availabilityNote", rs.getString(12), "shown", codes(rs.getString(13)),
                    "travelsTo", named(travel, organisationNames),
                    "avoidOrganisations", named(avoidOrganisations, organisationNames),
                    "avoidPeople", named(avoidPeople, peopleNames), "status", rs.getString(14),
                    "manager", manager == null ? null : peopleNames.getOrDefault(manager, ""),
                    "managerAnsweredAt", Pages.instant(rs, 16), "excluded", rs.getBoolean(17),
                    "unmatchedReason", rs.getString(18), "createdAt", Pages.instant(rs, 19));
        });
    }

    /** The pairs they were asked to join: a proposal the coordinator never published was never theirs to see. */
    private void pairs(long personId, PersonalExport out) {
        pages.each("""
                select p.id, r.name, p.status, mine.id, p.first_id, p.second_id, p.first_answer, p.first_reason,
                       p.second_answer, p.second_reason, p.published_at, p.accepted_at, p.completed_at,
                       partner.person_id, partner.organisation_id
                  from exchange_pair p join exchange_round r on r.id = p.round_id
                  join exchange_application mine on mine.id in (p.first_id, p.second_id) and mine.person_id = ?
                  join exchange_application partner on partner.id in (p.first_id, p.second_id)
                       and partner.id <> mine.id
                 where p.status <> 'PROPOSED' and p.id > ? order by p.id limit ?""", new Object[] {personId}, rs -> {
            boolean first = rs.getLong(4) == rs.getLong(5);
            long partner = rs.getLong(14);
            long organisation = rs.getLong(15);
            out.record("exchangePair", "round", rs.getString(2),
                    "partner", directory.displayNames(List.of(partner)).getOrDefault(partner, ""),
                    "partnerOrganisation", names.organisations(List.of(organisation)).getOrDefault(organisation, ""),
                    "status", rs.getString(3), "answer", rs.getString(first ? 7 : 9),
                    "declineReason", rs.getString(first ? 8 : 10), "publishedAt", Pages.instant(rs, 11),
                    "acceptedAt", Pages.instant(rs, 12), "completedAt", Pages.instant(rs, 13));
        });
    }

    private void goals(long personId, PersonalExport out) {
        pages.each("""
                select g.id, r.name, g.position, g.text, g.start_rating, g.end_rating
                  from exchange_goal g join exchange_application a on a.id = g.application_id
                  join exchange_round r on r.id = a.round_id
                 where a.person_id = ? and g.id > ? order by g.id limit ?""", new Object[] {personId}, rs ->
                out.record("exchangeGoal", "round", rs.getString(2), "position", rs.getInt(3) + 1,
                        "text", rs.getString(4), "startRating", rs.getObject(5, Integer.class),
                        "endRating", rs.getObject(6, Integer.class)));
    }

    /** Every visit of their pairs; a reflection only when it is theirs (they were the guest). */
    private void visits(long personId, PersonalExport out) {
        pages.each("""
                select v.id, r.name, v.visit_date, v.host_id = mine.id, v.place, v.shadow, v.host_done_at,
                       v.guest_done_at, v.reflection, v.reflection_shared, v.reflected_at
                  from exchange_visit v join exchange_pair p on p.id = v.pair_id
                  join exchange_round r on r.id = p.round_id
                  join exchange_application mine on mine.id in (p.first_id, p.second_id) and mine.person_id = ?
                 where p.status <> 'PROPOSED' and v.id > ? order by v.id limit ?""", new Object[] {personId}, rs -> {
            boolean hosted = rs.getBoolean(4);
            out.record("exchangeVisit", "round", rs.getString(2), "date", rs.getObject(3, java.time.LocalDate.class),
                    "hosted", hosted, "place", rs.getString(5), "shadow", rs.getString(6),
                    "recordedAt", Pages.instant(rs, hosted ? 7 : 8),
                    "reflection", hosted ? null : rs.getString(9),
                    "reflectionShared", hosted ? null : rs.getBoolean(10),
                    "reflectedAt", hosted ? null : Pages.instant(rs, 11));
        });
    }

    private void reportBacks(long personId, PersonalExport out) {
        pages.each("""
                select b.id, r.name, b.tried, b.happened, b.learned, b.created_at, b.updated_at
                  from exchange_report_back b join exchange_application a on a.id = b.application_id
                  join exchange_round r on r.id = a.round_id
                 where a.person_id = ? and b.id > ? order by b.id limit ?""", new Object[] {personId}, rs ->
                out.record("exchangeReportBack", "round", rs.getString(2), "tried", rs.getString(3),
                        "happened", rs.getString(4), "learned", rs.getString(5), "createdAt", Pages.instant(rs, 6),
                        "updatedAt", Pages.instant(rs, 7)));
    }

    /** One record per round: whether they came to its briefing and its debrief (null: not recorded). */
    private void attendance(long personId, PersonalExport out) {
        pages.each("""
                select a.round_id, r.name, max(case when a.meeting = 'BRIEFING' then a.present end),
                       max(case when a.meeting = 'DEBRIEF' then a.present end)
                  from exchange_attendance a join exchange_round r on r.id = a.round_id
                 where a.person_id = ? and a.round_id > ? group by a.round_id, r.name
                 order by a.round_id limit ?""", new Object[] {personId}, rs -> out.record("exchangeAttendance",
                "round", rs.getString(2), "briefing", rs.getObject(3, Boolean.class),
                "debrief", rs.getObject(4, Boolean.class)));
    }

    private List<Long> ids(String sql, long id) {
        return jdbc.queryForList(sql, Long.class, id);
    }

    private static List<String> codes(String column) {
        return Codes.split(column, s -> s).stream().sorted().toList();
    }

    private static List<String> named(List<Long> ids, Map<Long, String> names) {
        return ids.stream().map(id -> names.getOrDefault(id, "")).sorted().toList();
    }
}
