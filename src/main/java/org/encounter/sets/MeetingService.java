package org.encounter.sets;

import com.vaadin.flow.i18n.I18NProvider;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.encounter.authoring.StepContent;
import org.encounter.authoring.StepType;
import org.encounter.authoring.PublishedModules;
import org.encounter.base.Csv;
import org.encounter.base.InvalidInputException;
import org.encounter.base.RecordNotFound;
import org.encounter.base.Validation;
import org.encounter.identity.PersonDirectory;
import org.encounter.identity.PersonRef;
import org.encounter.learning.Commitments;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A set's meetings: the meeting page (discussion questions, members' shared commitments and report backs,
 * session notes), attendance and its overview. Only the set's people read any of it; only its facilitators
 * record attendance and write notes.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class MeetingService {

    /** A member's commitment as the set sees it; {@code commitment} is null until they planned an action. */
    public record Shared(PersonRef member, SharedText commitment) {
    }

    /**
     * Exactly what the consent names, and nothing more: the action and its date, and once reported back, what
     * the member tried and what happened. What they learned and will keep doing stays theirs.
     */
    public record SharedText(String action, LocalDate actionDate, boolean reported, String tried, String happened) {

        static SharedText of(Commitments.Commitment c) {
            return c == null ? null : new SharedText(c.action(), c.actionDate(), c.reported(), c.tried(), c.happened());
        }
    }

    /** {@code attendance} is filled for the set's facilitators only; members see the notes. */
    public record Page(SetService.Detail set, SetService.MeetingInfo meeting, List<String> discussion,
                       List<Shared> shared, int notSharing, String notes, Instant notesUpdatedAt,
                       Map<Long, AttendanceStatus> attendance) {
    }

    /** One person's attendance across the set's meetings; a meeting with nothing recorded is absent from the map. */
    public record PersonAttendance(PersonRef person, Map<Long, AttendanceStatus> byMeeting,
                                   Map<AttendanceStatus, Integer> totals) {
    }

    public record Overview(List<SetService.MeetingInfo> meetings, List<PersonAttendance> people,
                           Map<Long, Map<AttendanceStatus, Integer>> perMeeting) {
    }

    private final SetAccess access;
    private final SetService sets;
    private final SetSharing sharing;
    private final MeetingRepository meetings;
    private final AttendanceRepository attendance;
    private final PublishedModules published;
    private final Commitments commitments;
    private final PersonDirectory directory;
    private final I18NProvider i18n;
    private final Clock clock;

    MeetingService(SetAccess access, SetService sets, SetSharing sharing, MeetingRepository meetings, AttendanceRepository attendance,
                   PublishedModules published, Commitments commitments, PersonDirectory directory, I18NProvider i18n,
                   Clock clock) {
        this.access = access;
        this.sets = sets;
        this.sharing = sharing;
        this.meetings = meetings;
        this.attendance = attendance;
        this.published = published;
        this.commitments = commitments;
        this.directory = directory;
        this.i18n = i18n;
        this.clock = clock;
    }

    public Page page(long setId, long meetingId) {
        LearningSet set = access.visible(setId);
        Meeting meeting = of(set, meetingId);
        SetService.Detail detail = sets.detail(set);
        SetService.MeetingInfo info = detail.meetings().stream().filter(m -> m.id() == meetingId).findFirst()
                .orElseThrow();
        List<String> discussion = published.current(set.getModuleId()).map(m -> m.steps().stream()
                .filter(s -> s.type() == StepType.DISCUSSION).map(StepContent::body).toList()).orElse(List.of());
        Map<Long, String> names = new HashMap<>();
        detail.members().forEach(p -> names.put(p.id(), p.displayName()));
        List<Long> visible = sharing.visibleTo(set, access.me());
        Map<Long, Commitments.Commitment> shared = commitments.shared(set.getModuleId(), visible);
        List<Shared> cards = visible.stream().map(p -> new Shared(new PersonRef(p, names.getOrDefault(p, "")),
                SharedText.of(shared.get(p)))).sorted(java.util.Comparator.comparing(s -> s.member().displayName()))
                .toList();
        Map<Long, AttendanceStatus> recorded = new HashMap<>();
        if (set.runBy(access.me())) {
            attendance.findByMeetings(List.of(meetingId)).forEach(a -> recorded.put(a.personId(), a.getStatus()));
        }
        return new Page(detail, info, discussion, cards, set.getMembers().size() - visible.size(), meeting.getNotes(),
                meeting.getNotesUpdatedAt(), recorded);
    }

    /** Records attendance for the members given; a facilitator may record before, during or after the meeting. */
    @Transactional
    public void recordAttendance(long setId, long meetingId, Map<Long, AttendanceStatus> statuses) {
        LearningSet set = access.run(setId);
        of(set, meetingId);
        if (statuses == null || statuses.keySet().stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidInputException("attendance", "attendance.not-a-member");
        }
        Validation v = Validation.start();
        statuses.forEach((person, status) -> v.require("attendance", set.member(person).isPresent(),
                "attendance.not-a-member").require("attendance", status != null, "validation.required"));
        v.check();
        Instant now = clock.instant();
        statuses.forEach((person, status) -> {
            Attendance a = attendance.findById(new Attendance.Key(meetingId, person))
                    .orElseGet(() -> new Attendance(meetingId, person));
            a.record(status, access.me(), now);
            attendance.save(a);
        });
    }

    /**
     * Saves the session notes the set's people read (at most {@link Meeting#NOTES_MAX} characters). {@code basedOn}
     * is when the notes the writer started from were saved (null if none): if someone else saved since, nothing
     * is overwritten and the writer is told, keeping their text. Returns when these notes were saved.
     */
    @Transactional
    public Instant saveNotes(long setId, long meetingId, String notes, Instant basedOn) {
        LearningSet set = access.run(setId);
        Meeting meeting = of(set, meetingId);
        String clean = Validation.clean(notes);
        Validation.start().optionalText("notes", clean, Meeting.NOTES_MAX)
                .require("notes", java.util.Objects.equals(meeting.getNotesUpdatedAt(), basedOn), "meeting.notes-changed")
                .check();
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        meeting.writeNotes(clean == null || clean.isEmpty() ? null : clean, now);
        return now;
    }

    /** Attendance per person and per meeting across the whole set, for its facilitators. */
    public Overview overview(long setId) {
        return overview(access.run(setId));
    }

    private Overview overview(LearningSet set) {
        long setId = set.getId();
        List<Meeting> list = meetings.findBySetIdOrderByStartsAt(setId);
        List<SetService.MeetingInfo> infos = SetService.infos(set, list);
        Map<Long, Map<Long, AttendanceStatus>> byPerson = new LinkedHashMap<>();
        set.memberIds().forEach(p -> byPerson.put(p, new HashMap<>()));
        List<Long> ids = list.stream().map(Meeting::getId).toList();
        if (!ids.isEmpty()) {
            // The set's members as it is now; someone who left is no longer listed (their records stay).
            attendance.findByMeetings(ids).stream().filter(a -> byPerson.containsKey(a.personId()))
                    .forEach(a -> byPerson.get(a.personId()).put(a.meetingId(), a.getStatus()));
        }
        Map<Long, String> names = directory.displayNames(byPerson.keySet());
        Map<Long, Map<AttendanceStatus, Integer>> perMeeting = new LinkedHashMap<>();
        ids.forEach(id -> perMeeting.put(id, zeros()));
        List<PersonAttendance> people = new ArrayList<>();
        byPerson.forEach((person, recorded) -> {
            Map<AttendanceStatus, Integer> totals = zeros();
            recorded.forEach((meeting, status) -> {
                totals.merge(status, 1, Integer::sum);
                perMeeting.get(meeting).merge(status, 1, Integer::sum);
            });
            people.add(new PersonAttendance(new PersonRef(person, names.getOrDefault(person, "")), recorded, totals));
        });
        people.sort(java.util.Comparator.comparing(p -> p.person().displayName()));
        return new Overview(infos, people, perMeeting);
    }

    /**
     * The overview as CSV: one line per person and meeting, in the reader's language. Members' e-mail addresses are
     * for the facilitator who runs the set, and only of their own organisation's people; a co-facilitating author
     * (often a young person) gets the same list without them.
     */
    public byte[] overviewCsv(long setId, Locale locale) {
        LearningSet set = access.run(setId);
        Overview o = overview(set);
        boolean withEmails = set.getFacilitatorId() == access.me();
        Map<Long, String> emails = new HashMap<>();
        if (withEmails) {
            Set<Long> personIds = new HashSet<>();
            o.people().forEach(p -> personIds.add(p.person().id()));
            // A partner organisation's member is named in the list, but their address is not given out.
            emails.putAll(directory.colleagueEmails(personIds));
        }
        DateTimeFormatter date = DateTimeFormatter.ISO_LOCAL_DATE;
        DateTimeFormatter time = org.encounter.base.Dates.times(FormatStyle.SHORT, locale);
        List<String> header = new ArrayList<>(List.of(t("attendance.csv.set", locale), t("attendance.csv.meeting", locale),
                t("attendance.csv.date", locale), t("attendance.csv.time", locale), t("attendance.csv.member", locale)));
        if (withEmails) {
            header.add(t("attendance.csv.email", locale));
        }
        header.add(t("attendance.csv.status", locale));
        Csv csv = new Csv(header.toArray(String[]::new));
        for (PersonAttendance p : o.people()) {
            for (SetService.MeetingInfo m : o.meetings()) {
                AttendanceStatus s = p.byMeeting().get(m.id());
                List<Object> row = new ArrayList<>(List.of(set.getName(), m.number(), date.format(m.start()),
                        time.format(m.start()) + "–" + time.format(m.end()), p.person().displayName()));
                if (withEmails) {
                    row.add(emails.getOrDefault(p.person().id(), ""));
                }
                row.add(t(s == null ? "attendance.not-recorded" : s.labelKey(), locale));
                csv.row(row.toArray());
            }
        }
        return csv.bytes();
    }

    private Meeting of(LearningSet set, long meetingId) {
        Meeting meeting = access.meeting(meetingId);
        if (!meeting.getSetId().equals(set.getId())) {
            throw new RecordNotFound("meeting", meetingId);
        }
        return meeting;
    }

    private static Map<AttendanceStatus, Integer> zeros() {
        Map<AttendanceStatus, Integer> m = new EnumMap<>(AttendanceStatus.class);
        for (AttendanceStatus s : AttendanceStatus.values()) {
            m.put(s, 0);
        }
        return m;
    }

    private String t(String key, Locale locale) {
        return i18n.getTranslation(key, locale);
    }
}
