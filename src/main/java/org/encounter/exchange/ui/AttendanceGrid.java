package org.encounter.exchange.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import org.encounter.exchange.ExchangeOverview.Attendee;

/** The leaders of accepted and completed pairs, with a tick each for the group briefing and the debrief. */
class AttendanceGrid extends Grid<Attendee> {

    /** What the coordinator ticked or unticked. */
    interface Mark {
        void record(Attendee who, boolean debrief, boolean present);
    }

    AttendanceGrid(Mark mark) {
        setId("round-attendance");
        setWidthFull();
        setAllRowsVisible(true);
        addColumn(Attendee::name).setHeader(getTranslation("exchange-round.attendance.name")).setFlexGrow(2);
        addComponentColumn(a -> tick(a, false, mark)).setHeader(getTranslation("exchange-round.attendance.briefing"))
                .setKey("briefing");
        addComponentColumn(a -> tick(a, true, mark)).setHeader(getTranslation("exchange-round.attendance.debrief"))
                .setKey("debrief");
    }

    private Checkbox tick(Attendee a, boolean debrief, Mark mark) {
        Checkbox box = new Checkbox(Boolean.TRUE.equals(debrief ? a.debrief() : a.briefing()));
        box.setAriaLabel(getTranslation(debrief ? "exchange-round.attendance.debrief-named"
                : "exchange-round.attendance.briefing-named", a.name()));
        box.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                mark.record(a, debrief, e.getValue());
            }
        });
        return box;
    }
}
