package org.encounter.privacy;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.encounter.base.Audited;
import org.encounter.base.InvalidInputException;
import org.encounter.base.NotifyPerson;
import org.encounter.base.PersonalData;
import org.encounter.base.PersonalData.ErasureChoices;
import org.encounter.base.RecordNotFound;
import org.encounter.base.SystemAccess;
import org.encounter.identity.CurrentPerson;
import org.encounter.identity.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests to erase a person's data: made by the person, or by an admin of their organisation acting on their request,
 * carried out by {@link ErasureRunner} once the cool-off has passed, and cancellable until then by either. Who may act
 * for whom is identity's answer; what stops an erasure (the last platform admin, an open exchange the person has not
 * agreed to end) is each feature's.
 */
@Service
@Transactional(readOnly = true)
@PermitAll
public class Erasures {

    public enum Origin { PERSON, ADMIN, RETENTION }

    public record Request(long id, long personId, String personName, Origin origin, Instant requestedAt, Instant dueAt,
                          ErasureChoices choices) {
    }

    private final JdbcClient db;
    private final CurrentPerson current;
    private final Subjects subjects;
    private final List<PersonalData> features;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration coolOff;
    private final org.encounter.base.Dates dates;

    Erasures(JdbcClient db, CurrentPerson current, Subjects subjects, Features features,
             ApplicationEventPublisher events, Clock clock, org.encounter.base.Dates dates,
             @Value("${encounter.privacy.erasure-cool-off:14d}") Duration coolOff) {
        this.db = db;
        this.current = current;
        this.subjects = subjects;
        this.features = features.all();
        this.events = events;
        this.clock = clock;
        this.coolOff = coolOff;
        this.dates = dates;
    }

    public Duration coolOff() {
        return coolOff;
    }

    /** What stands in the way of erasing the person with these choices, as i18n keys; empty when nothing does. */
    public List<String> blockers(long personId, ErasureChoices choices) {
        subject(personId);
        return blockersOf(personId, choices);
    }

    /** Asks for the person's data to be erased once the cool-off has passed. */
    @Transactional
    public Request request(long personId, ErasureChoices choices) {
        Subjects.Subject subject = subject(personId);
        List<String> blockers = blockersOf(personId, choices);
        if (!blockers.isEmpty()) {
            throw new InvalidInputException("erasure", blockers.getFirst());
        }
        if (pendingRow(personId).isPresent()) {
            throw new InvalidInputException("erasure", "privacy.erasure.already-requested");
        }
        long me = current.requireId();
        Origin origin = me == personId ? Origin.PERSON : Origin.ADMIN;
        Instant now = clock.instant();
        Instant due = now.plus(coolOff);
        insert(personId, me, origin, now, due, choices);
        long id = db.sql("select last_insert_id()").query(Long.class).single();
        events.publishEvent(new NotifyPerson(personId, "erasure-requested", "erasure:" + id,
                "notify.erasure-requested", List.of(NotifyPerson.date(dates.day(due))), "my-data"));
        events.publishEvent(new Audited(me, "erasure-requested", "person", Long.toString(personId),
                subject.organisationId(), origin.name()));
        return pendingRow(personId).orElseThrow();
    }

    /** Cancels the pending request: the person stays as they are. */
    @Transactional
    public void cancel(long requestId) {
        long personId = db.sql("select person_id from erasure_request where id = ? and status = 'PENDING'")
                .param(requestId).query(Long.class).optional()
                .orElseThrow(() -> new RecordNotFound("erasure request", requestId));
        Subjects.Subject subject = subject(personId);
        long me = current.requireId();
        db.sql("update erasure_request set status = 'CANCELLED', cancelled_by = ?, cancelled_at = ? where id = ?")
                .params(me, Times.utc(clock.instant()), requestId).update();
        events.publishEvent(new NotifyPerson(personId, "erasure-cancelled", "erasure:" + requestId,
                "notify.erasure-cancelled", List.of(), "my-data"));
        events.publishEvent(new Audited(me, "erasure-cancelled", "person", Long.toString(personId),
                subject.organisationId(), null));
    }

    /** The person's pending request, if any. */
    public Optional<Request> pending(long personId) {
        subject(personId);
        return pendingRow(personId);
    }

    /** Pending requests of the people the signed-in admin may act for (their organisation's, or all). */
    @RolesAllowed({Role.Names.ORG_ADMIN, Role.Names.ADMIN})
    public List<Request> pendingInScope() {
        return db.sql(SELECT + " where status = 'PENDING' order by due_at").query(this::request).list().stream()
                .filter(r -> subjects.mayActFor(r.personId())).toList();
    }

    /** The retention job's request for an account nobody has used for too long; false when one is already pending. */
    boolean requestForInactive(long personId) {
        if (!SystemAccess.isSystem() || pendingRow(personId).isPresent()) {
            return false;
        }
        Instant now = clock.instant();
        Instant due = now.plus(coolOff);
        insert(personId, null, Origin.RETENTION, now, due, new ErasureChoices(false, false, true));
        long id = db.sql("select last_insert_id()").query(Long.class).single();
        events.publishEvent(new NotifyPerson(personId, "erasure-inactive", "erasure:" + id,
                "notify.erasure-inactive", List.of(NotifyPerson.date(dates.day(due))), "my-data"));
        events.publishEvent(new Audited(null, "erasure-requested", "person", Long.toString(personId),
                subjects.find(personId).map(Subjects.Subject::organisationId).orElse(null),
                Origin.RETENTION.name()));
        return true;
    }

    List<String> blockersOf(long personId, ErasureChoices choices) {
        return SystemAccess.run(() -> features.stream().map(f -> f.erasureBlocker(personId, choices))
                .flatMap(Optional::stream).distinct().toList());
    }

    private void insert(long personId, Long by, Origin origin, Instant at, Instant due, ErasureChoices choices) {
        db.sql("""
                        insert into erasure_request (person_id, requested_by, origin, requested_at, due_at, status,
                               keep_anonymous_stories, credit_as_codesigner, end_open_exchange)
                        values (?, ?, ?, ?, ?, 'PENDING', ?, ?, ?)""")
                .params(personId, by, origin.name(), Times.utc(at), Times.utc(due), choices.keepAnonymousStories(),
                        choices.creditAsCoDesigner(), choices.endOpenExchange()).update();
    }

    /** The person, if the signed-in person may act for them; otherwise as if there were nobody. */
    private Subjects.Subject subject(long personId) {
        if (!subjects.mayActFor(personId)) {
            throw new RecordNotFound("person", personId);
        }
        return SystemAccess.run(() -> subjects.find(personId)).filter(s -> !s.erased())
                .orElseThrow(() -> new RecordNotFound("person", personId));
    }

    private Optional<Request> pendingRow(long personId) {
        return db.sql(SELECT + " where person_id = ? and status = 'PENDING'").param(personId).query(this::request)
                .optional();
    }

    private static final String SELECT = """
            select id, person_id, origin, requested_at, due_at, keep_anonymous_stories, credit_as_codesigner,
                   end_open_exchange from erasure_request""";

    private Request request(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        long personId = rs.getLong(2);
        String name = SystemAccess.run(() -> subjects.find(personId)).map(Subjects.Subject::name).orElse("");
        return new Request(rs.getLong(1), personId, name, Origin.valueOf(rs.getString(3)), Times.instant(rs, 4),
                Times.instant(rs, 5), new ErasureChoices(rs.getBoolean(6), rs.getBoolean(7), rs.getBoolean(8)));
    }
}
