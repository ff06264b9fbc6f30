package org.encounter.exchange.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.text.NumberFormat;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.encounter.exchange.ExchangeMatchings.PairRow;
import org.encounter.exchange.ExchangeMatchings.Side;
import org.encounter.exchange.PairStatus;

/**
 * The round's pairs: each partner with organisation and sector, the score and the reasons (one a line), the status,
 * and who declined and why. A proposal can be fixed or dissolved here; two selected proposals can swap partners.
 */
class PairsGrid extends Grid<PairRow> {

    PairsGrid(BiConsumer<PairRow, Boolean> fix, Consumer<PairRow> dissolve) {
        setId("round-pairs");
        setWidthFull();
        setAllRowsVisible(true);
        setSelectionMode(SelectionMode.MULTI);
        addColumn(p -> side(p.first())).setHeader(getTranslation("exchange-round.pairs.first")).setKey("first")
                .setFlexGrow(2);
        addColumn(p -> side(p.second())).setHeader(getTranslation("exchange-round.pairs.second")).setKey("second")
                .setFlexGrow(2);
        addColumn(p -> NumberFormat.getNumberInstance(getLocale()).format(Math.round(p.score() * 10) / 10.0))
                .setHeader(getTranslation("exchange-round.pairs.score")).setKey("score");
        addComponentColumn(this::reasons).setHeader(getTranslation("exchange-round.pairs.reasons")).setKey("reasons")
                .setFlexGrow(3);
        addColumn(this::status).setHeader(getTranslation("exchange-round.pairs.status")).setKey("status")
                .setFlexGrow(2);
        addComponentColumn(p -> {
            Checkbox fixed = new Checkbox(getTranslation("exchange-round.pairs.fixed"), p.fixed());
            fixed.setAriaLabel(getTranslation("exchange-round.pairs.fixed-named", p.first().person(),
                    p.second().person()));
            fixed.setVisible(p.status() == PairStatus.PROPOSED);
            fixed.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    fix.accept(p, e.getValue());
                }
            });
            return fixed;
        }).setHeader(getTranslation("exchange-round.pairs.fixed")).setKey("fixed");
        addComponentColumn(p -> {
            Button button = new Button(getTranslation("exchange-round.pairs.dissolve"), e -> dissolve.accept(p));
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            button.setAriaLabel(getTranslation("exchange-round.pairs.dissolve-named", p.first().person(),
                    p.second().person()));
            button.setVisible(p.status() == PairStatus.PROPOSED);
            return button;
        }).setHeader(getTranslation("exchange-round.pairs.actions")).setKey("dissolve");
    }

    private String side(Side s) {
        return s.person() + " · " + s.organisation() + " · " + Labels.sector(this, s.sector());
    }

    private Component reasons(PairRow p) {
        Div lines = new Div();
        lines.addClassName("pair-reasons");
        p.reasons().forEach(r -> lines.add(new Div(new Span(Labels.reason(this, r)))));
        return lines;
    }

    private String status(PairRow p) {
        String status = getTranslation("exchange.pair.status." + p.status().name().toLowerCase());
        for (Side s : java.util.List.of(p.first(), p.second())) {
            if ("DECLINED".equals(s.answer())) {
                status += " · " + (s.declineReason() == null || s.declineReason().isBlank()
                        ? getTranslation("exchange-round.pairs.declined-by", s.person())
                        : getTranslation("exchange-round.pairs.declined-by-because", s.person(), s.declineReason()));
            }
        }
        return status;
    }
}
