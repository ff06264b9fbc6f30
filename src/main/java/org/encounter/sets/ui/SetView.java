package org.encounter.sets.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.util.Optional;
import org.encounter.base.RecordNotFound;
import org.encounter.base.ui.DownloadLink;
import org.encounter.learning.Commitments;
import org.encounter.sets.Calendars;
import org.encounter.sets.MeetingService;
import org.encounter.sets.SetService;

/**
 * One set: its meetings (each to open or add to a calendar), its people, the member's choice to share their
 * commitment with the set, and for its facilitators the attendance overview.
 */
@Route("sets/:setId")
@PermitAll
public class SetView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient SetService sets;
    private final transient MeetingService meetings;
    private final transient Calendars calendars;
    private final transient Commitments commitments;
    private final transient Clock clock;
    private String title = "";

    public SetView(SetService sets, MeetingService meetings, Calendars calendars, Commitments commitments,
                   Clock clock) {
        this.sets = sets;
        this.meetings = meetings;
        this.calendars = calendars;
        this.commitments = commitments;
        this.clock = clock;
        addClassName("view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long setId;
        try {
            setId = Long.parseLong(event.getRouteParameters().get("setId").orElse(""));
        } catch (NumberFormatException e) {
            throw new RecordNotFound("set", -1);
        }
        show(sets.detail(setId));
    }

    private void show(SetService.Detail d) {
        removeAll();
        title = d.name();
        add(new H1(d.name()));
        String runners = d.coFacilitator() == null ? getTranslation("set.run-by", d.facilitator().displayName())
                : getTranslation("set.run-by-two", d.facilitator().displayName(), d.coFacilitator().displayName());
        add(new Paragraph(getTranslation("sets.for-module", d.moduleTitle()) + " · " + runners));
        if (d.part() == SetService.Part.FACILITATOR) {
            Button edit = new Button(getTranslation("set.edit"), e -> getUI().ifPresent(ui -> ui.navigate(
                    SetFormView.class, new RouteParameters("setId", String.valueOf(d.id())))));
            edit.setId("set-edit");
            add(edit);
        }
        add(new H2(getTranslation("set.meetings")));
        UnorderedList list = new UnorderedList();
        list.setId("set-meeting-list");
        for (SetService.MeetingInfo m : d.meetings()) {
            ListItem item = new ListItem(meetingLink(d, m), new Paragraph(String.join(" · ", java.util.stream.Stream.of(
                    When.where(m), m.past(clock.instant()) ? getTranslation("meeting.held") : "")
                    .filter(part -> !part.isEmpty()).toList())),
                    DownloadLink.of(getTranslation("meeting.add-to-calendar"), "meeting-" + m.number() + ".ics",
                            DownloadLink.CALENDAR, () -> calendars.meeting(d.id(), m.id())));
            if (m.past(clock.instant())) {
                item.addClassName("past");
            }
            list.add(item);
        }
        add(list);
        Anchor series = DownloadLink.of(getTranslation("set.series-to-calendar"), "set-" + d.id() + ".ics",
                DownloadLink.CALENDAR, () -> calendars.series(d.id()));
        series.setId("set-ics");
        add(series);
        if (d.part() == SetService.Part.MEMBER) {
            add(myCommitment(d));
        }
        add(new H2(getTranslation("set.people")));
        UnorderedList people = new UnorderedList();
        people.setId("set-people");
        d.members().forEach(p -> people.add(new ListItem(p.displayName())));
        add(people);
        if (d.part() != SetService.Part.MEMBER) {
            add(new AttendanceOverviewPanel(meetings, d.id()));
        }
    }

    private Component meetingLink(SetService.Detail d, SetService.MeetingInfo m) {
        RouterLink link = new RouterLink(getTranslation("meeting.number", m.number()) + ": " + When.time(m, getLocale()),
                MeetingView.class, new RouteParameters(java.util.Map.of("setId", String.valueOf(d.id()),
                "meetingId", String.valueOf(m.id()))));
        link.setId("set-meeting-" + m.number());
        return link;
    }

    private Component myCommitment(SetService.Detail d) {
        Div box = new Div(new H2(getTranslation("set.my-commitment")));
        box.setId("set-my-commitment");
        box.addClassName("home-card");
        Optional<Commitments.Commitment> mine = commitments.mine(d.moduleId());
        box.add(new Paragraph(mine.map(c -> getTranslation("commitment.planned", c.action()))
                .orElse(getTranslation("commitment.none-yet", d.moduleTitle()))));
        if (mine.isEmpty()) {
            box.add(new Anchor("learn", getTranslation("commitment.open-catalogue")));
        }
        box.add(new ShareConsentPanel(sets, d.id(), () -> show(sets.detail(d.id()))));
        return box;
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.name");
    }
}
