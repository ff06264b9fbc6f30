package org.encounter.exchange.ui;

import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import org.encounter.exchange.ExchangeOverview.Figures;

/**
 * A round in figures. The change in the leaders' self-ratings is the released aggregate only: until a first cohort of
 * five has completed, it says how many have, never one person's change.
 */
class RoundFigures extends Div {

    private final DescriptionList list = new DescriptionList();
    private final Paragraph change = new Paragraph();

    RoundFigures() {
        setId("round-figures");
        change.setId("round-change");
        add(list, change);
    }

    void show(Figures f) {
        list.removeAll();
        term("exchange-round.figures.applications", f.applications());
        term("exchange-round.figures.awaiting-manager", f.awaitingManager());
        term("exchange-round.figures.in-pool", f.confirmed());
        term("exchange-round.figures.proposed", f.proposed());
        term("exchange-round.figures.published", f.published());
        term("exchange-round.figures.accepted", f.accepted());
        term("exchange-round.figures.declined", f.declined());
        term("exchange-round.figures.completed", f.completed());
        term("exchange-round.figures.visits-planned", f.visitsPlanned());
        term("exchange-round.figures.visits-done", f.visitsDone());
        term("exchange-round.figures.briefing", f.briefingPresent());
        term("exchange-round.figures.debrief", f.debriefPresent());
        change.setText(f.averageChange() == null
                ? getTranslation("exchange-round.figures.change-hidden", f.ratedLeaders())
                : getTranslation("exchange-round.figures.change", String.format(getLocale(), "%+.1f",
                        f.averageChange()), f.releasedLeaders()));
    }

    private void term(String key, int value) {
        list.add(new DescriptionList.Term(getTranslation(key)),
                new DescriptionList.Description(String.valueOf(value)));
    }
}
