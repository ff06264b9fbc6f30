package org.encounter.sets;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.encounter.authoring.PublishedModules;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A set's meetings as iCalendar (RFC 5545) for calendar apps: one meeting or the whole series. Times carry the
 * set's time zone with its VTIMEZONE definition; each meeting keeps one UID, and its SEQUENCE goes up when the
 * time or place changes, so a second import updates the event instead of adding another.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class Calendars {

    private static final String PRODUCT = "-//Encounter//Action-learning sets//EN";

    private final SetAccess access;
    private final MeetingRepository meetings;
    private final PublishedModules published;
    private final String publicUrl;
    private final String host;

    Calendars(SetAccess access, MeetingRepository meetings, PublishedModules published,
              @Value("${encounter.public-url}") String publicUrl) {
        this.access = access;
        this.meetings = meetings;
        this.published = published;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
        this.host = java.net.URI.create(this.publicUrl).getHost();
    }

    /** One meeting of a set the signed-in person runs or belongs to. */
    public byte[] meeting(long setId, long meetingId) {
        LearningSet set = access.visible(setId);
        Meeting meeting = access.meeting(meetingId);
        if (!meeting.getSetId().equals(set.getId())) {
            throw new org.encounter.base.RecordNotFound("meeting", meetingId);
        }
        return write(set, List.of(meeting));
    }

    /** Every meeting of the set. */
    public byte[] series(long setId) {
        LearningSet set = access.visible(setId);
        return write(set, meetings.findBySetIdOrderByStartsAt(setId));
    }

    private byte[] write(LearningSet set, List<Meeting> list) {
        String moduleTitle = published.titles(List.of(set.getModuleId())).getOrDefault(set.getModuleId(), "");
        TimeZoneRegistry registry = TimeZoneRegistryFactory.getInstance().createRegistry();
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(registry.getTimeZone(set.zone().getId()).getVTimeZone());
        list.forEach(m -> calendar.add(event(set, moduleTitle, m)));
        calendar.validate();
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter().output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private VEvent event(LearningSet set, String moduleTitle, Meeting m) {
        // The title is the set's name alone: a renumbering never changes an event people already have.
        VEvent event = new VEvent(m.getStartsAt().atZone(set.zone()), m.getEndsAt().atZone(set.zone()), set.getName());
        event.add(new Uid("set-meeting-" + m.getId() + "@" + host));
        event.add(new Sequence(m.getSequence()));
        String page = publicUrl + "/sets/" + set.getId() + "/meetings/" + m.getId();
        StringBuilder where = new StringBuilder();
        if (m.getPlace() != null) {
            where.append(m.getPlace());
        }
        if (m.getOnlineLink() != null) {
            where.append(where.isEmpty() ? "" : " · ").append(m.getOnlineLink());
        }
        event.add(new Location(where.toString()));
        event.add(new Description(moduleTitle + "\n" + page));
        event.add(new Url(java.net.URI.create(m.getOnlineLink() != null ? m.getOnlineLink() : page)));
        return event;
    }
}
