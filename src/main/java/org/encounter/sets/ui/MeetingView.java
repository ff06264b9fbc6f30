package org.encounter.sets.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.Map;
import org.encounter.base.Dates;
import org.encounter.base.InvalidInputException;
import org.encounter.base.RecordNotFound;
import org.encounter.base.ui.DownloadLink;
import org.encounter.base.ui.FormErrors;
import org.encounter.base.ui.LengthLimit;
import org.encounter.base.ui.MarkdownView;
import org.encounter.base.ui.Notifications;
import org.encounter.identity.PersonRef;
import org.encounter.sets.AttendanceStatus;
import org.encounter.sets.Calendars;
import org.encounter.sets.MeetingService;
import org.encounter.sets.SetService;

/**
 * A meeting of a set: the module's discussion questions, the commitments members shared with the set and their
 * report backs, and the session notes; the facilitators take attendance and write the notes here.
 */
@Route("sets/:setId/meetings/:meetingId")
@PermitAll
public class MeetingView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient MeetingService meetings;
    private final transient Calendars calendars;
    private final transient Dates dates;
    private String title = "";
    private long setId;
    private long meetingId;

    public MeetingView(MeetingService meetings, Calendars calendars, Dates dates) {
        this.dates = dates;
        this.meetings = meetings;
        this.calendars = calendars;
        addClassName("view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        setId = number(event, "setId");
        meetingId = number(event, "meetingId");
        show(meetings.page(setId, meetingId));
    }

    private static long number(BeforeEnterEvent event, String name) {
        try {
            return Long.parseLong(event.getRouteParameters().get(name).orElse(""));
        } catch (NumberFormatException e) {
            throw new RecordNotFound(name, -1);
        }
    }

    private void show(MeetingService.Page p) {
        removeAll();
        SetService.MeetingInfo m = p.meeting();
        title = getTranslation("meeting.title", m.number(), p.set().meetings().size(), p.set().name());
        add(new RouterLink(getTranslation("meeting.back", p.set().name()), SetView.class,
                new RouteParameters("setId", String.valueOf(setId))));
        add(new H1(title), new Paragraph(When.line(m, getLocale())),
                DownloadLink.of(getTranslation("meeting.add-to-calendar"), "meeting-" + m.number() + ".ics",
                        DownloadLink.CALENDAR, () -> calendars.meeting(setId, meetingId)));
        add(new H2(getTranslation("meeting.discussion")));
        if (p.discussion().isEmpty()) {
            add(new Paragraph(getTranslation("meeting.no-discussion")));
        }
        p.discussion().forEach(q -> add(new MarkdownView(q)));
        add(shared(p));
        boolean runs = p.set().part() != SetService.Part.MEMBER;
        if (runs) {
            add(attendance(p));
        }
        add(notes(p, runs));
    }

    private Component shared(MeetingService.Page p) {
        Div box = new Div(new H2(getTranslation("meeting.shared")));
        box.setId("meeting-shared");
        box.add(new Paragraph(getTranslation("meeting.shared-only-named")));
        if (p.shared().isEmpty()) {
            box.add(new Paragraph(getTranslation("meeting.nobody-shared")));
        }
        for (MeetingService.Shared s : p.shared()) {
            Div card = new Div(new H3(s.member().displayName()));
            card.addClassName("home-card");
            MeetingService.SharedText c = s.commitment();
            if (c == null) {
                card.add(new Paragraph(getTranslation("commitment.not-planned")));
            } else {
                card.add(new Paragraph(getTranslation("commitment.planned", c.action())
                        + (c.actionDate() == null ? "" : " " + getTranslation("commitment.by",
                        Dates.days(FormatStyle.MEDIUM, getLocale()).format(c.actionDate())))));
                if (c.reported()) {
                    card.add(new Paragraph(getTranslation("story.tried") + ": " + c.tried()),
                            new Paragraph(getTranslation("story.happened") + ": " + c.happened()));
                } else {
                    card.add(new Paragraph(getTranslation("commitment.not-reported")));
                }
            }
            box.add(card);
        }
        if (p.notSharing() > 0) {
            box.add(new Paragraph(getTranslation("meeting.not-shown", p.notSharing())));
        }
        return box;
    }

    private Component attendance(MeetingService.Page p) {
        Div box = new Div(new H2(getTranslation("attendance.take")));
        box.setId("meeting-attendance");
        Map<Long, RadioButtonGroup<AttendanceStatus>> choices = new LinkedHashMap<>();
        for (PersonRef member : p.set().members()) {
            RadioButtonGroup<AttendanceStatus> choice = new RadioButtonGroup<>(member.displayName());
            choice.setItems(AttendanceStatus.values());
            choice.setItemLabelGenerator(s -> getTranslation(s.labelKey()));
            choice.setValue(p.attendance().get(member.id()));
            choice.setId("attendance-" + member.id());
            choice.setWidthFull();
            choices.put(member.id(), choice);
            box.add(choice);
        }
        Button save = new Button(getTranslation("attendance.save"), e -> {
            Map<Long, AttendanceStatus> statuses = new LinkedHashMap<>();
            choices.forEach((id, c) -> {
                if (c.getValue() != null) {
                    statuses.put(id, c.getValue());
                }
            });
            try {
                meetings.recordAttendance(setId, meetingId, statuses);
                Notifications.success(getTranslation("attendance.saved", statuses.size(), choices.size()));
            } catch (InvalidInputException ex) {
                FormErrors.show(ex, this, Map.of());
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("attendance-save");
        box.add(new Div(save));
        return box;
    }

    private Component notes(MeetingService.Page p, boolean runs) {
        Div box = new Div(new H2(getTranslation("meeting.notes")));
        box.setId("meeting-notes-section");
        box.setWidthFull();
        if (p.notesUpdatedAt() != null) {
            box.add(new Paragraph(getTranslation("meeting.notes-updated",
                    Dates.dayTimes(FormatStyle.MEDIUM, FormatStyle.SHORT, getLocale()).format(p.notesUpdatedAt()
                    .atZone(p.set().zone() == null ? dates.zone() : p.set().zone())))));
        }
        if (!runs) {
            Paragraph text = new Paragraph(p.notes() == null ? getTranslation("meeting.no-notes") : p.notes());
            text.setId("meeting-notes-text");
            text.addClassName("pre-line");
            box.add(text);
            return box;
        }
        TextArea notes = LengthLimit.apply(new TextArea(getTranslation("meeting.notes-label")), 4000);
        notes.setHelperText(getTranslation("meeting.notes-help"));
        notes.setValue(p.notes() == null ? "" : p.notes());
        notes.setWidthFull();
        notes.setMinHeight("8em");
        notes.setId("meeting-notes");
        Instant[] basedOn = {p.notesUpdatedAt()};
        Button save = new Button(getTranslation("meeting.notes-save"), e -> {
            try {
                basedOn[0] = meetings.saveNotes(setId, meetingId, notes.getValue(), basedOn[0]);
                FormErrors.clear(Map.of("notes", notes));
                Notifications.success(getTranslation("meeting.notes-saved"));
            } catch (InvalidInputException ex) {
                FormErrors.show(ex, this, Map.of("notes", notes));
            }
        });
        save.setId("meeting-notes-save");
        box.add(notes, new Div(save));
        return box;
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.name");
    }
}
