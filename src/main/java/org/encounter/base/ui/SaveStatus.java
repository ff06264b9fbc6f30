package org.encounter.base.ui;

import com.vaadin.flow.component.html.Span;

/**
 * "Saved" / "Saving…" / "Could not save — retrying" / "Not saved: check the highlighted field" / "Not saved: the
 * last change was refused", read out by screen readers as it changes.
 */
public class SaveStatus extends Span {

    public enum State { SAVED, SAVING, RETRYING, INVALID, FAILED }

    public SaveStatus() {
        getElement().setAttribute("aria-live", "polite");
        getElement().setAttribute("role", "status");
        addClassName("save-status");
        set(State.SAVED);
    }

    public final void set(State state) {
        setText(getTranslation("save." + state.name().toLowerCase()));
        getElement().setAttribute("data-state", state.name().toLowerCase());
    }
}
