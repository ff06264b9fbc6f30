package org.encounter.base.ui;

import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.html.Span;

/**
 * "Saved" / "Saving…" / "Could not save — retrying" / "Not saved: check the highlighted field" / "Not saved: the
 * last change was refused", read out by screen readers as it changes. While the connection is lost (or a save is
 * being retried) and the browser keeps what was typed, the text keeper ({@link TextKeeper}) shows "Kept on this
 * device" instead: the server cannot say so when it cannot be reached.
 */
@JsModule("./components/text-keeper.js")
public class SaveStatus extends Span {

    public enum State { SAVED, SAVING, RETRYING, INVALID, FAILED }

    private final Span state = new Span();

    public SaveStatus() {
        getElement().setAttribute("aria-live", "polite");
        getElement().setAttribute("role", "status");
        addClassName("save-status");
        state.addClassName("save-state");
        Span kept = new Span(getTranslation("save.kept"));
        kept.addClassName("save-kept");
        add(state, kept);
        set(State.SAVED);
    }

    public final void set(State now) {
        state.setText(getTranslation("save." + now.name().toLowerCase()));
        getElement().setAttribute("data-state", now.name().toLowerCase());
    }

    /** What the server last said, without the keeper's message (which only the browser shows). */
    @Override
    public String getText() {
        return state.getText();
    }
}
