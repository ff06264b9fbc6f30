package org.encounter.base.ui;

import com.vaadin.flow.component.grid.Grid;

/**
 * Rows that open by keyboard as they do by mouse. A grid opens a row on click, and Space on a focused cell
 * clicks it; Enter only enters the cell, so someone who reaches a row by arrow keys and presses Enter got
 * nothing. Here Enter on a row's cell does what Space does: it activates the row (so selection listeners fire)
 * and clicks it (so item-click listeners fire). Cells with their own buttons or fields keep Enter for those.
 */
public final class GridRows {

    private static final String ENTER_OPENS = """
            if (!this.__enterOpensRow) {
              this.__enterOpensRow = true;
              this.addEventListener('keydown', e => {
                if (e.key !== 'Enter' || e.repeat || this.interacting) return;
                const cell = e.composedPath()[0];
                const inBody = cell && cell.parentElement && cell.parentElement.parentNode === this.$.items;
                if (!inBody || cell.localName !== 'td' || !cell._content) return;
                if (cell._content.querySelector('button, a, input, textarea, select, vaadin-button, [tabindex]')) return;
                e.preventDefault();
                cell._content.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true }));
              });
            }""";

    private GridRows() {
    }

    /** Lets Enter on a focused row open it, as a click or Space does. */
    public static <T> Grid<T> openWithEnter(Grid<T> grid) {
        grid.addAttachListener(e -> grid.getElement().executeJs(ENTER_OPENS));
        return grid;
    }
}
