package org.encounter.exchange.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import java.util.List;
import java.util.function.Consumer;
import org.encounter.exchange.ApplicationStatus;
import org.encounter.exchange.ExchangeMatchings.PoolEntry;

/**
 * The round's whole pool: every application with its status, whether the coordinator left it out of the matching,
 * and why a run left it unmatched. The toggle hands the entry to the page, which asks the service.
 */
class PoolGrid extends Grid<PoolEntry> {

    PoolGrid(Consumer<PoolEntry> toggleExcluded) {
        setId("round-pool");
        setWidthFull();
        setAllRowsVisible(true);
        addColumn(PoolEntry::person).setHeader(getTranslation("exchange-round.pool.name")).setKey("name")
                .setFlexGrow(2);
        addColumn(PoolEntry::organisation).setHeader(getTranslation("exchange-round.pool.organisation"))
                .setFlexGrow(2);
        addColumn(p -> Labels.sector(this, p.sector())).setHeader(getTranslation("exchange-round.pool.sector"));
        addColumn(p -> p.level() == null ? "" : getTranslation(p.level().labelKey()))
                .setHeader(getTranslation("exchange-round.pool.level"));
        addColumn(p -> getTranslation("exchange-round.pool.status." + p.status().name().toLowerCase()))
                .setHeader(getTranslation("exchange-round.pool.status"));
        addComponentColumn(p -> {
            Button toggle = new Button(getTranslation(p.excluded() ? "exchange-round.pool.include"
                    : "exchange-round.pool.exclude"), e -> toggleExcluded.accept(p));
            toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            toggle.setAriaLabel(getTranslation(p.excluded() ? "exchange-round.pool.include-named"
                    : "exchange-round.pool.exclude-named", p.person()));
            toggle.setEnabled(p.status() == ApplicationStatus.CONFIRMED);
            return toggle;
        }).setHeader(getTranslation("exchange-round.pool.left-out")).setKey("left-out");
        addColumn(p -> p.unmatchedReason() == null ? "" : getTranslation(p.unmatchedReason()))
                .setHeader(getTranslation("exchange-round.pool.unmatched")).setFlexGrow(3).setKey("unmatched");
    }

    void show(List<PoolEntry> pool) {
        setItems(pool);
    }
}
