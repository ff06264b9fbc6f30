package org.encounter.sets;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.encounter.authoring.PublishedModules;
import org.encounter.base.InvalidInputException;
import org.encounter.base.NotifyPerson;
import org.encounter.base.Validation;
import org.encounter.identity.PersonDirectory;
import org.encounter.identity.PersonRef;
import org.encounter.identity.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sets and their schedules. A facilitator creates a set for a module with its members, an optional
 * co-facilitating author and its meetings; members are told and see the meetings on their home page. Every
 * read is limited to the people in the set.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class SetService {

    /** Fewer or more members than this and the facilitator is warned (not refused). */
    public static final int RECOMMENDED_MIN = 4;
    public static final int RECOMMENDED_MAX = 8;

    public enum Part { FACILITATOR, CO_FACILITATOR, MEMBER }

    /** One meeting as the facilitator enters it, in the set's time zone; {@code id} is null for a new one. */
    public record MeetingForm(Long id, LocalDate date, LocalTime start, LocalTime end, String place, String link) {
    }

    public record Form(String name, Long moduleId, List<Long> memberIds, Long coFacilitatorId,
                       List<MeetingForm> meetings) {
    }

    public record MeetingInfo(long id, long setId, String setName, int number, ZonedDateTime start, ZonedDateTime end,
                              String place, String link) {

        public boolean past(Instant now) {
            return !end.toInstant().isAfter(now);
        }
    }

    public record Summary(long id, String name, String moduleTitle, Part part, int members, MeetingInfo next) {
    }

    public record Detail(long id, String name, long moduleId, String moduleTitle, Part part, PersonRef facilitator,
                         PersonRef coFacilitator, List<PersonRef> members, List<MeetingInfo> meetings, boolean iShare,
                         ZoneId zone) {
    }

    /**
     * What sharing with the set means for the signed-in member. {@code audience}: who sharing reaches now, by
     * name (never anyone who manages them); {@code seeing}: who their consent named and still sees it;
     * {@code newcomers}: who joined since they shared, and sees nothing until they confirm again.
     */
    public record Consent(boolean sharing, List<PersonRef> audience, List<PersonRef> seeing,
                          List<PersonRef> newcomers) {
    }

    private final LearningSetRepository sets;
    private final MeetingRepository meetings;
    private final SetAccess access;
    private final SetRules rules;
    private final SetSharing sharing;
    private final PublishedModules published;
    private final PersonDirectory directory;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ZoneId zone;

    SetService(LearningSetRepository sets, MeetingRepository meetings, SetAccess access, SetRules rules,
               SetSharing sharing, PublishedModules published,
               PersonDirectory directory, ApplicationEventPublisher events, Clock clock,
               org.encounter.base.Dates dates) {
        this.sets = sets;
        this.meetings = meetings;
        this.access = access;
        this.rules = rules;
        this.sharing = sharing;
        this.published = published;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
        this.zone = dates.zone();
    }

    /** The zone new meetings are entered in. */
    public ZoneId zone() {
        return zone;
    }

    @RolesAllowed(Role.Names.FACILITATOR)
    @Transactional
    public long create(Form form) {
        LearningSet set = new LearningSet(access.me(), zone, clock.instant());
        return save(set, form, Map.of());
    }

    /** Changes a set; only the facilitator who created it may. Meetings that have started stay as they were. */
    @RolesAllowed(Role.Names.FACILITATOR)
    @Transactional
    public void update(long setId, Form form) {
        LearningSet set = access.owned(setId);
        Map<Long, Meeting> current = new HashMap<>();
        meetings.findBySetIdOrderByStartsAt(setId).forEach(m -> current.put(m.getId(), m));
        save(set, form, current);
    }

    private long save(LearningSet set, Form form, Map<Long, Meeting> current) {
        if (form == null) {
            throw new InvalidInputException("", "validation.required");
        }
        String name = Validation.clean(form.name());
        List<Long> memberIds = form.memberIds() == null ? List.of() : form.memberIds();
        List<MeetingForm> meetingForms = form.meetings() == null ? List.of() : form.meetings();
        Validation v = Validation.start().text("name", name, LearningSet.NAME_MAX);
        String moduleTitle = rules.module(v, form.moduleId(), set.getId() == null);
        // Members chose to share their commitment on this module: the set never moves to another one.
        if (set.getId() != null && !Objects.equals(set.getModuleId(), form.moduleId())) {
            v.error("module", "set.module-fixed");
        }
        rules.people(v, memberIds, form.coFacilitatorId(), set.getFacilitatorId());
        rules.reach(v, form.moduleId() == null ? -1 : form.moduleId(), memberIds.stream()
                .filter(p -> p != null && !set.memberIds().contains(p)).toList());
        List<SetRules.Slot> slots = rules.meetings(v, set.zone(), meetingForms, current);
        v.check();

        boolean firstSave = set.getId() == null;
        boolean renamed = !firstSave && !name.equals(set.getName());
        Long oldCo = set.getCoFacilitatorId();
        List<Long> left = new ArrayList<>(set.memberIds().stream().filter(p -> !memberIds.contains(p)).toList());
        List<Long> added = set.describe(name, form.moduleId(), form.coFacilitatorId(), List.copyOf(memberIds),
                clock.instant());
        LearningSet saved = sets.saveAndFlush(set);
        boolean scheduleChanged = saveMeetings(saved.getId(), slots, current, renamed);
        String link = "sets/" + saved.getId();
        String ref = "set:" + saved.getId() + ":" + clock.millis();
        List<Long> joined = new ArrayList<>(added);
        if (!firstSave && !Objects.equals(oldCo, form.coFacilitatorId())) {
            if (oldCo != null) {
                left.add(oldCo);
            }
            if (form.coFacilitatorId() != null) {
                joined.add(form.coFacilitatorId());
            }
        }
        if (!firstSave) {
            sharing.peopleChanged(saved, left, joined, ref);
        }
        added.forEach(p -> events.publishEvent(new NotifyPerson(p, "set-member", ref, "notify.set-member",
                List.of(name, moduleTitle), link)));
        if (form.coFacilitatorId() != null && !form.coFacilitatorId().equals(oldCo)) {
            events.publishEvent(new NotifyPerson(form.coFacilitatorId(), "set-co-facilitator", ref,
                    "notify.set-co-facilitator", List.of(name, moduleTitle), link));
        }
        if (!firstSave && scheduleChanged) {
            saved.memberIds().stream().filter(p -> !added.contains(p)).forEach(p -> events.publishEvent(
                    new NotifyPerson(p, "set-schedule", ref, "notify.set-schedule", List.of(name), link)));
        }
        return saved.getId();
    }

    /** Saves the meetings and removes those left out; true when any time or place changed. */
    private boolean saveMeetings(long setId, List<SetRules.Slot> slots, Map<Long, Meeting> current, boolean renamed) {
        boolean changed = false;
        Set<Long> kept = new HashSet<>();
        for (SetRules.Slot s : slots) {
            Meeting m = s.existing() != null ? s.existing() : new Meeting(setId);
            changed |= s.existing() == null || !m.sameTimeAndPlace(s.start(), s.end(), s.place(), s.link());
            m.schedule(s.start(), s.end(), s.place(), s.link());
            if (renamed && s.existing() != null) {
                m.renamed();
            }
            kept.add(meetings.save(m).getId());
        }
        for (Meeting m : current.values()) {
            if (!kept.contains(m.getId())) {
                meetings.delete(m);
                changed = true;
            }
        }
        return changed;
    }

    /** The sets the signed-in person runs or belongs to, with their next meeting. */
    public List<Summary> mine() {
        long me = access.me();
        List<LearningSet> mine = involving(me);
        Map<Long, String> titles = published.titles(mine.stream().map(LearningSet::getModuleId).toList());
        Map<Long, List<MeetingInfo>> upcoming = new HashMap<>();
        upcomingOf(mine).forEach(m -> upcoming.computeIfAbsent(m.setId(), k -> new ArrayList<>()).add(m));
        return mine.stream().map(s -> new Summary(s.getId(), s.getName(), titles.getOrDefault(s.getModuleId(), ""),
                part(s, me), s.getMembers().size(), upcoming.getOrDefault(s.getId(), List.of()).stream().findFirst()
                .orElse(null))).toList();
    }

    /** The signed-in person's meetings still to come (or under way), soonest first. */
    public List<MeetingInfo> upcoming() {
        return upcomingOf(involving(access.me()));
    }

    private List<LearningSet> involving(long person) {
        List<Long> ids = sets.idsInvolving(person);
        return ids.isEmpty() ? List.of() : sets.findAllById(ids).stream()
                .sorted(Comparator.comparing(LearningSet::getName).thenComparing(LearningSet::getId)).toList();
    }

    private List<MeetingInfo> upcomingOf(List<LearningSet> mine) {
        if (mine.isEmpty()) {
            return List.of();
        }
        Map<Long, LearningSet> byId = new HashMap<>();
        mine.forEach(s -> byId.put(s.getId(), s));
        Map<Long, List<Meeting>> all = new HashMap<>();
        for (Meeting m : meetings.findBySetIdInOrderByStartsAt(byId.keySet())) {
            all.computeIfAbsent(m.getSetId(), k -> new ArrayList<>()).add(m);
        }
        List<MeetingInfo> result = new ArrayList<>();
        all.forEach((setId, list) -> infos(byId.get(setId), list).stream()
                .filter(i -> !i.past(clock.instant())).forEach(result::add));
        result.sort(Comparator.comparing(MeetingInfo::start));
        return result;
    }

    /** A set the signed-in person runs or belongs to. */
    public Detail detail(long setId) {
        return detail(access.visible(setId));
    }

    Detail detail(LearningSet set) {
        long me = access.me();
        Set<Long> people = new HashSet<>(set.memberIds());
        people.add(set.getFacilitatorId());
        if (set.getCoFacilitatorId() != null) {
            people.add(set.getCoFacilitatorId());
        }
        Map<Long, String> names = directory.displayNames(people);
        List<PersonRef> members = set.memberIds().stream().map(id -> new PersonRef(id, names.getOrDefault(id, "")))
                .sorted(Comparator.comparing(PersonRef::displayName)).toList();
        PersonRef co = set.getCoFacilitatorId() == null ? null
                : new PersonRef(set.getCoFacilitatorId(), names.getOrDefault(set.getCoFacilitatorId(), ""));
        return new Detail(set.getId(), set.getName(), set.getModuleId(),
                published.titles(List.of(set.getModuleId())).getOrDefault(set.getModuleId(), ""), part(set, me),
                new PersonRef(set.getFacilitatorId(), names.getOrDefault(set.getFacilitatorId(), "")), co, members,
                infos(set, meetings.findBySetIdOrderByStartsAt(set.getId())),
                set.member(me).isPresent() && sharing.sharing(set, me), set.zone());
    }

    /** Who the signed-in member's share with the set reaches, or would reach. */
    public Consent consent(long setId) {
        return sharing.consent(membership(setId), access.me());
    }

    /**
     * The signed-in member shares their action plan and report back on the set's module with the people named,
     * as the set page listed them; anyone named who may not see it (left, or manages them) is left out.
     * Confirming again with the same page after someone joined adds the newcomers.
     */
    @Transactional
    public void share(long setId, Collection<Long> readerIds) {
        sharing.share(membership(setId), access.me(), readerIds);
    }

    /** The signed-in member stops sharing with the set: nobody in it reads their commitment from now on. */
    @Transactional
    public void stopSharing(long setId) {
        sharing.stop(membership(setId), access.me());
    }

    private LearningSet membership(long setId) {
        LearningSet set = access.visible(setId);
        if (set.member(access.me()).isEmpty()) {
            throw new InvalidInputException("", "set.only-members-share");
        }
        return set;
    }

    static List<MeetingInfo> infos(LearningSet set, Collection<Meeting> list) {
        List<MeetingInfo> result = new ArrayList<>();
        int n = 1;
        for (Meeting m : list.stream().sorted(Comparator.comparing(Meeting::getStartsAt)).toList()) {
            result.add(new MeetingInfo(m.getId(), set.getId(), set.getName(), n++, m.getStartsAt().atZone(set.zone()),
                    m.getEndsAt().atZone(set.zone()), m.getPlace(), m.getOnlineLink()));
        }
        return result;
    }

    private static Part part(LearningSet set, long me) {
        if (Objects.equals(set.getFacilitatorId(), me)) {
            return Part.FACILITATOR;
        }
        return Objects.equals(set.getCoFacilitatorId(), me) ? Part.CO_FACILITATOR : Part.MEMBER;
    }
}
