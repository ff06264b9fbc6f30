package org.encounter.sets;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.encounter.authoring.ModuleOrigins;
import org.encounter.authoring.PublishedModules;
import org.encounter.base.RecordNotFound;
import org.encounter.base.Validation;
import org.encounter.identity.PersonDirectory;
import org.encounter.identity.Role;
import org.springframework.stereotype.Component;

/**
 * What a set must be before anything of it is stored: a published module of the facilitator's catalogue, members
 * who can learn (each once, none of them a facilitator), an author as co-facilitator, all of the facilitator's
 * organisation or its current partners (newcomers with the module in their own catalogue too), and meetings to come
 * that end after they start, last at most {@link #LONGEST_MEETING}, have a place or a web link, and do not overlap.
 */
@Component
class SetRules {

    static final int MEMBERS_MAX = 20;
    static final int MEETINGS_MAX = 20;
    static final Duration LONGEST_MEETING = Duration.ofHours(8);
    static final Duration FURTHEST_AHEAD = Duration.ofDays(2 * 365);

    private final PublishedModules published;
    private final ModuleOrigins origins;
    private final PersonDirectory directory;
    private final Clock clock;

    SetRules(PublishedModules published, ModuleOrigins origins, PersonDirectory directory, Clock clock) {
        this.published = published;
        this.origins = origins;
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * The module's title. A new set's module must be in the facilitator's catalogue (their organisation's, or shared
     * with one of its partnerships); a set that exists keeps its module, even once a share has ended.
     */
    String module(Validation v, Long moduleId, boolean newSet) {
        if (moduleId == null) {
            v.error("module", "validation.required");
            return "";
        }
        if (newSet && !published.available(moduleId)) {
            v.error("module", "set.module-not-in-catalogue");
            return "";
        }
        return published.current(moduleId).map(m -> m.title()).orElseGet(() -> {
            v.error("module", "set.module-unknown");
            return "";
        });
    }

    void people(Validation v, List<Long> memberIds, Long coFacilitatorId, long facilitatorId) {
        if (memberIds.isEmpty()) {
            v.error("members", "set.members-required");
        } else if (memberIds.size() > MEMBERS_MAX) {
            v.error("members", "set.members-too-many", MEMBERS_MAX);
        }
        Set<Long> seen = new HashSet<>();
        for (Long id : memberIds) {
            if (id == null) {
                v.error("members", "set.member-unknown");
            } else if (!seen.add(id)) {
                v.error("members", "set.member-twice", directory.displayNames(List.of(id)).getOrDefault(id, ""));
            }
        }
        if (memberIds.contains(facilitatorId) || (coFacilitatorId != null && memberIds.contains(coFacilitatorId))) {
            v.error("members", "set.runner-not-member");
        }
        Set<Long> learners = directory.having(seen, Role.LEARNER);
        if (!learners.containsAll(seen)) {
            v.error("members", "set.member-unknown");
        } else if (!directory.mayPickAcrossPartners(seen).containsAll(seen)) {
            // The picker finds only people of the facilitator's organisation and its partners: no id sent round it
            // gets further, and the message names nobody.
            v.error("members", "set.member-outside-partnership");
        }
        if (coFacilitatorId != null) {
            if (coFacilitatorId == facilitatorId) {
                v.error("coFacilitator", "set.co-facilitator-self");
            } else if (directory.having(List.of(coFacilitatorId), Role.AUTHOR).isEmpty()) {
                v.error("coFacilitator", "set.co-facilitator-author");
            } else if (directory.mayPickAcrossPartners(List.of(coFacilitatorId)).isEmpty()) {
                v.error("coFacilitator", "set.co-facilitator-outside-partnership");
            }
        }
    }

    /**
     * Newcomers to a set must have its module in their own catalogue: a partner organisation's people join a set on
     * a module shared with their partnership, never on one they cannot open. Members already in the set stay, even
     * once a share has ended.
     */
    void reach(Validation v, long moduleId, Collection<Long> newcomers) {
        if (v.hasError("members") || v.hasError("module")) {
            return;
        }
        boolean everyone = directory.organisationsOf(newcomers).values().stream().distinct()
                .allMatch(organisation -> origins.reaches(moduleId, organisation));
        if (!everyone) {
            v.error("members", "set.module-not-for-member");
        }
    }

    /** A meeting's checked times; {@code existing} is the meeting it changes, if any. */
    record Slot(Meeting existing, Instant start, Instant end, String place, String link) {
    }

    List<Slot> meetings(Validation v, ZoneId setZone, List<SetService.MeetingForm> forms, Map<Long, Meeting> current) {
        Instant now = clock.instant();
        if (forms.isEmpty()) {
            v.error("meetings", "set.meetings-required");
        } else if (forms.size() > MEETINGS_MAX) {
            v.error("meetings", "set.meetings-too-many", MEETINGS_MAX);
        }
        List<Slot> slots = new ArrayList<>();
        Set<Long> kept = new HashSet<>();
        for (int i = 0; i < forms.size(); i++) {
            SetService.MeetingForm f = forms.get(i);
            String field = "meeting." + i + ".";
            if (f == null) {
                v.error("meetings", "validation.required");
                slots.add(null);
                continue;
            }
            Meeting existing = null;
            if (f.id() != null) {
                existing = current.get(f.id());
                if (existing == null || !kept.add(f.id())) {
                    throw new RecordNotFound("meeting", f.id());
                }
            }
            String place = blankToNull(f.place());
            String link = blankToNull(f.link());
            v.require(field + "date", f.date() != null, "validation.required")
                    .require(field + "start", f.start() != null, "validation.required")
                    .require(field + "end", f.end() != null, "validation.required")
                    .optionalText(field + "place", place, Meeting.PLACE_MAX)
                    .optionalText(field + "link", link, Meeting.LINK_MAX);
            if (place == null && link == null) {
                v.error(field + "place", "meeting.place-or-link");
            }
            if (link != null && !webAddress(link)) {
                v.error(field + "link", "meeting.link-invalid");
            }
            if (f.date() == null || f.start() == null || f.end() == null) {
                slots.add(null);
                continue;
            }
            ZonedDateTime zonedStart = ZonedDateTime.of(f.date(), f.start(), setZone);
            ZonedDateTime zonedEnd = ZonedDateTime.of(f.date(), f.end(), setZone);
            // A clock time skipped when summer time begins does not exist; it is not silently moved.
            if (!zonedStart.toLocalTime().equals(f.start())) {
                v.error(field + "start", "meeting.time-not-on-clock");
            } else if (!zonedEnd.toLocalTime().equals(f.end())) {
                v.error(field + "end", "meeting.time-not-on-clock");
            }
            Instant start = zonedStart.toInstant();
            Instant end = zonedEnd.toInstant();
            if (!end.isAfter(start)) {
                v.error(field + "end", "meeting.end-before-start");
            } else if (Duration.between(start, end).compareTo(LONGEST_MEETING) > 0) {
                v.error(field + "end", "meeting.too-long", LONGEST_MEETING.toHours());
            }
            boolean unchanged = existing != null && existing.sameTimeAndPlace(start, end, place, link);
            if (!unchanged && existing != null && !existing.getStartsAt().isAfter(now)) {
                v.error(field + "date", "meeting.started-fixed");
            } else if (!unchanged && !start.isAfter(now)) {
                v.error(field + "date", "meeting.in-past");
            } else if (start.isAfter(now.plus(FURTHEST_AHEAD))) {
                v.error(field + "date", "meeting.too-far", FURTHEST_AHEAD.toDays() / 365);
            }
            slots.add(new Slot(existing, start, end, place, link));
        }
        for (int i = 0; i < slots.size(); i++) {
            for (int j = 0; j < slots.size(); j++) {
                Slot a = slots.get(i);
                Slot b = slots.get(j);
                if (i != j && a != null && b != null && a.start().isBefore(b.end()) && b.start().isBefore(a.end())
                        && (a.start().isAfter(b.start()) || (a.start().equals(b.start()) && i > j))) {
                    v.error("meeting." + i + ".date", "meeting.overlaps", j + 1);
                }
            }
        }
        current.values().stream().filter(m -> !kept.contains(m.getId()) && !m.getStartsAt().isAfter(now))
                .findFirst().ifPresent(m -> v.error("meetings", "meeting.cannot-remove-started"));
        return slots;
    }

    /** An absolute http(s) address with a host, which calendars and browsers take as it is. */
    private static boolean webAddress(String link) {
        try {
            java.net.URI uri = new java.net.URI(link);
            return uri.getScheme() != null && uri.getScheme().matches("(?i)https?") && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
