package org.encounter.sets.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import org.encounter.base.ui.DownloadLink;
import org.encounter.sets.AttendanceStatus;
import org.encounter.sets.MeetingService;
import org.encounter.sets.SetService;

/** For the set's facilitators: who came to which meeting, with totals per person and per meeting, and a CSV. */
class AttendanceOverviewPanel extends Div {

    AttendanceOverviewPanel(MeetingService meetings, long setId) {
        setId("attendance-overview");
        setWidthFull();
        MeetingService.Overview o = meetings.overview(setId);
        Grid<MeetingService.PersonAttendance> grid = new Grid<>();
        grid.setId("attendance-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.setWidthFull();
        grid.addColumn(p -> p.person().displayName()).setHeader(getTranslation("attendance.member"))
                .setFrozen(true).setAutoWidth(true).setFooter(getTranslation("attendance.present-total"));
        for (SetService.MeetingInfo m : o.meetings()) {
            grid.addColumn(p -> {
                AttendanceStatus s = p.byMeeting().get(m.id());
                return getTranslation(s == null ? "attendance.not-recorded" : s.labelKey());
            }).setHeader(getTranslation("meeting.number", m.number()) + " · " + org.encounter.base.Dates.days(java.time.format.FormatStyle.MEDIUM, getLocale()).format(m.start()))
                    .setAutoWidth(true).setFooter(String.valueOf(o.perMeeting().get(m.id()).get(AttendanceStatus.PRESENT)));
        }
        grid.addColumn(p -> getTranslation("attendance.totals", p.totals().get(AttendanceStatus.PRESENT),
                p.totals().get(AttendanceStatus.EXCUSED), p.totals().get(AttendanceStatus.ABSENT), o.meetings().size()))
                .setHeader(getTranslation("attendance.person-total")).setAutoWidth(true);
        grid.setItems(o.people());
        Anchor csv = DownloadLink.of(getTranslation("attendance.csv"), "attendance.csv", DownloadLink.CSV,
                () -> meetings.overviewCsv(setId, getLocale()));
        csv.setId("attendance-csv");
        add(new H2(getTranslation("attendance.title")), grid, csv);
    }
}
