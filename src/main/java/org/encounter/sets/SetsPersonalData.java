package org.encounter.sets;

import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.encounter.authoring.PublishedModules;
import org.encounter.base.NotifyPerson;
import org.encounter.base.PersonalData;
import org.encounter.base.PersonalExport;
import org.encounter.base.SystemAccess;
import org.encounter.identity.PersonDirectory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the sets hold about a person: the sets they run or belong to, the meetings' attendance, and their consent to
 * show their commitment to named people. The commitment itself (the action and report back) is the learning
 * feature's, and exported and erased there.
 *
 * <p>A set its facilitator leaves by erasure stays for its members (their history, attendance and shares with each
 * other), with nobody handed the set: the facilitator's id still points at the anonymised person, shown by the
 * identity feature's neutral label. Handing it to the co-facilitator would make someone responsible who never
 * agreed to it (and a co-facilitating author usually may not run a set at all). What the facilitator wrote goes:
 * the set is renamed after its module, the meetings' places, links and notes are blanked, and the meetings still to
 * come are cancelled (nobody holds them now), which the members are told as a change of schedule.
 */
@Component
class SetsPersonalData implements PersonalData {

    private static final int PAGE = 200;

    private final JdbcTemplate jdbc;
    private final PersonDirectory directory;
    private final PublishedModules published;
    private final ApplicationEventPublisher events;
    private final EntityManager entityManager;
    private final Clock clock;

    SetsPersonalData(JdbcTemplate jdbc, PersonDirectory directory, PublishedModules published,
                     ApplicationEventPublisher events, EntityManager entityManager, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.published = published;
        this.events = events;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @Override
    public String section() {
        return "sets";
    }

    @Override
    public List<Holding> holdings() {
        return List.of(
                Holding.of("learning_set", "who runs the set, and its name as its facilitator wrote it; when the "
                        + "facilitator is erased the set stays for its members, renamed after its module, and a "
                        + "co-facilitator is no longer named", Treatment.ANONYMISED,
                        "name", "facilitator_id", "co_facilitator_id"),
                Holding.codes("learning_set", "time_zone"),
                Holding.of("learning_set_member", "who is in the set", Treatment.DELETED, "person_id"),
                Holding.of("set_meeting", "where the set meets and the facilitators' session notes; blanked in the "
                        + "sets the person ran (the notes record no writer), and meetings still to come of a set "
                        + "whose facilitator is erased are cancelled", Treatment.ANONYMISED,
                        "place", "online_link", "notes"),
                Holding.of("meeting_attendance", "whether a member came to a meeting", Treatment.DELETED,
                        "person_id"),
                Holding.of("meeting_attendance", "which facilitator recorded another member's attendance: the id "
                        + "stays, pointing at the anonymised person", Treatment.KEPT, "recorded_by_id"),
                Holding.codes("meeting_attendance", "status"),
                Holding.of("set_share", "a member's consent to show their commitment to the set", Treatment.DELETED,
                        "sharer_id"),
                Holding.of("set_share_reader", "the people a member's consent named; a person erased is named by "
                        + "nobody any more", Treatment.DELETED, "sharer_id", "reader_id"));
    }

    // Export

    @Override
    public void export(long personId, PersonalExport out) throws IOException {
        try {
            exportSets(personId, out);
            exportMeetings(personId, out);
            exportAttendance(personId, out);
            exportShares(personId, out);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private record SetRow(long id, String name, long moduleId, long facilitatorId, Long coFacilitatorId,
                          Instant createdAt, Instant addedAt) {
    }

    /** The sets they run or belong to now, with the people in them (whom the set page showed them). */
    private void exportSets(long personId, PersonalExport out) throws IOException {
        long after = 0;
        while (true) {
            List<SetRow> page = jdbc.query("""
                    select s.id, s.name, s.module_id, s.facilitator_id, s.co_facilitator_id, s.created_at, m.added_at
                      from learning_set s
                      left join learning_set_member m on m.set_id = s.id and m.person_id = ?
                     where (s.facilitator_id = ? or s.co_facilitator_id = ? or m.person_id is not null) and s.id > ?
                     order by s.id limit ?""", (rs, n) -> new SetRow(rs.getLong(1), rs.getString(2), rs.getLong(3),
                    rs.getLong(4), (Long) rs.getObject(5, Long.class), instant(rs, 6), instant(rs, 7)),
                    personId, personId, personId, after, PAGE);
            if (page.isEmpty()) {
                return;
            }
            Map<Long, String> titles = titles(page.stream().map(SetRow::moduleId).distinct().toList());
            for (SetRow s : page) {
                List<Long> members = jdbc.queryForList("select person_id from learning_set_member where set_id = ?"
                        + " order by person_id", Long.class, s.id());
                Set<Long> people = new HashSet<>(members);
                people.add(s.facilitatorId());
                if (s.coFacilitatorId() != null) {
                    people.add(s.coFacilitatorId());
                }
                Map<Long, String> names = directory.displayNames(people);
                String role = s.facilitatorId() == personId ? SetService.Part.FACILITATOR.name()
                        : s.coFacilitatorId() != null && s.coFacilitatorId() == personId
                        ? SetService.Part.CO_FACILITATOR.name() : SetService.Part.MEMBER.name();
                out.record("set", "name", s.name(), "module", titles.getOrDefault(s.moduleId(), ""),
                        "role", role, "since", s.addedAt() != null ? s.addedAt()
                                : s.facilitatorId() == personId ? s.createdAt() : null,
                        "facilitator", names.getOrDefault(s.facilitatorId(), ""),
                        "coFacilitator", s.coFacilitatorId() == null ? null
                                : names.getOrDefault(s.coFacilitatorId(), ""),
                        "members", members.stream().map(id -> names.getOrDefault(id, "")).sorted().toList());
            }
            after = page.getLast().id();
        }
    }

    /** The meetings of the sets they run or belong to, as the set page showed them (notes included). */
    private void exportMeetings(long personId, PersonalExport out) {
        pages("""
                select mt.id, s.name, mt.starts_at, mt.ends_at, mt.place, mt.online_link, mt.notes
                  from set_meeting mt join learning_set s on s.id = mt.set_id
                 where (s.facilitator_id = ? or s.co_facilitator_id = ? or exists (select 1 from learning_set_member m
                        where m.set_id = s.id and m.person_id = ?)) and mt.id > ?
                 order by mt.id limit ?""", new Object[] {personId, personId, personId}, (rs, out2) ->
                out2.record("setMeeting", "set", rs.getString(2), "startsAt", instant(rs, 3), "endsAt", instant(rs, 4),
                        "place", rs.getString(5), "link", rs.getString(6), "notes", rs.getString(7)), out);
    }

    /** Their attendance, in sets they are still in or have left (the records stay when a member leaves). */
    private void exportAttendance(long personId, PersonalExport out) {
        pages("""
                select a.meeting_id, s.name, mt.starts_at, a.status, a.recorded_at
                  from meeting_attendance a join set_meeting mt on mt.id = a.meeting_id
                  join learning_set s on s.id = mt.set_id
                 where a.person_id = ? and a.meeting_id > ?
                 order by a.meeting_id limit ?""", new Object[] {personId}, (rs, out2) ->
                out2.record("setAttendance", "set", rs.getString(2), "meetingStartsAt", instant(rs, 3),
                        "status", rs.getString(4), "recordedAt", instant(rs, 5)), out);
    }

    /** Their consents: to which set, when last confirmed, and whom it named (people of the set they saw). */
    private void exportShares(long personId, PersonalExport out) {
        pages("""
                select sh.set_id, s.name, sh.confirmed_at
                  from set_share sh join learning_set s on s.id = sh.set_id
                 where sh.sharer_id = ? and sh.set_id > ?
                 order by sh.set_id limit ?""", new Object[] {personId}, (rs, out2) -> {
            List<Long> readers = jdbc.queryForList("select reader_id from set_share_reader where set_id = ? and"
                    + " sharer_id = ?", Long.class, rs.getLong(1), personId);
            Map<Long, String> names = directory.displayNames(readers);
            out2.record("setShare", "set", rs.getString(2), "sharedAt", instant(rs, 3),
                    "readers", readers.stream().map(id -> names.getOrDefault(id, "")).sorted().toList());
        }, out);
    }

    private interface Row {
        void write(ResultSet rs, PersonalExport out) throws SQLException, IOException;
    }

    /**
     * Runs a keyset query page by page: its parameters are {@code args}, then the last key seen, then the page size;
     * its first column is the key. Each row is written as it comes.
     */
    private void pages(String sql, Object[] args, Row row, PersonalExport out) {
        long after = 0;
        while (true) {
            Object[] params = new Object[args.length + 2];
            System.arraycopy(args, 0, params, 0, args.length);
            params[args.length] = after;
            params[args.length + 1] = PAGE;
            List<Long> keys = new ArrayList<>();
            jdbc.query(sql, rs -> {
                keys.add(rs.getLong(1));
                try {
                    row.write(rs, out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, params);
            if (keys.size() < PAGE) {
                return;
            }
            after = keys.getLast();
        }
    }

    /** Module titles are no one's secret: read as the system, whoever (or whatever job) asks for the export. */
    private Map<Long, String> titles(Collection<Long> moduleIds) {
        return SystemAccess.run(() -> published.titles(moduleIds));
    }

    /** Timestamps are stored as UTC wall-clock times (Hibernate's {@code jdbc.time_zone}). */
    static Instant instant(ResultSet rs, int column) throws SQLException {
        LocalDateTime at = rs.getObject(column, LocalDateTime.class);
        return at == null ? null : at.toInstant(ZoneOffset.UTC);
    }

    // Erasure

    @Override
    public void erase(long personId, ErasureChoices choices) {
        // What this transaction changed through JPA reaches the database before the SQL below reads it.
        entityManager.flush();
        // Their consents, and their place among the readers of everyone else's.
        jdbc.update("delete from set_share_reader where reader_id = ? or sharer_id = ?", personId, personId);
        jdbc.update("delete from set_share where sharer_id = ?", personId);
        jdbc.update("delete from meeting_attendance where person_id = ?", personId);
        jdbc.update("delete from learning_set_member where person_id = ?", personId);
        // Session notes name no writer: in every set they ran, the notes go, so none of their words stay.
        jdbc.update("""
                update set_meeting mt join learning_set s on s.id = mt.set_id
                   set mt.notes = null, mt.notes_updated_at = null, mt.version = mt.version + 1
                 where (s.facilitator_id = ? or s.co_facilitator_id = ?)
                   and (mt.notes is not null or mt.notes_updated_at is not null)""", personId, personId);
        jdbc.update("update learning_set set co_facilitator_id = null, version = version + 1"
                + " where co_facilitator_id = ?", personId);
        List<long[]> facilitated = jdbc.query("select id, module_id from learning_set where facilitator_id = ?",
                (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}, personId);
        if (facilitated.isEmpty()) {
            return;
        }
        Map<Long, String> titles = titles(facilitated.stream().map(s -> s[1]).distinct().toList());
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (long[] s : facilitated) {
            leaveFacilitated(s[0], titles.get(s[1]), now);
        }
    }

    private void leaveFacilitated(long setId, String moduleTitle, LocalDateTime now) {
        String name = moduleTitle == null || moduleTitle.isBlank() ? "#" + setId
                : org.encounter.base.StoredText.truncate(moduleTitle, LearningSet.NAME_MAX);
        jdbc.update("update learning_set set name = ?, version = version + 1 where id = ? and name <> ?", name, setId,
                name);
        int cancelled = jdbc.update("delete from set_meeting where set_id = ? and starts_at > ?", setId, now);
        jdbc.update("""
                update set_meeting set place = null, online_link = null, version = version + 1
                 where set_id = ? and (place is not null or online_link is not null)""", setId);
        if (cancelled > 0) {
            String ref = "set:" + setId + ":" + clock.millis();
            members(setId).forEach(p -> events.publishEvent(new NotifyPerson(p, "set-schedule", ref,
                    "notify.set-schedule", List.of(name), "sets/" + setId)));
        }
    }

    private Collection<Long> members(long setId) {
        Set<Long> people = new HashSet<>(jdbc.queryForList("select person_id from learning_set_member where set_id = ?",
                Long.class, setId));
        people.addAll(jdbc.queryForList("select co_facilitator_id from learning_set where id = ? and"
                + " co_facilitator_id is not null", Long.class, setId));
        return people;
    }
}
