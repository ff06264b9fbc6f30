package org.encounter.base.ui;

import com.vaadin.flow.component.ClickEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;

/**
 * A button that says its action in a word or two ("Start", "Open") beside the title it acts on, so a long module
 * title wraps as text instead of pushing a one-line button off a phone's screen. Its accessible name is the whole
 * phrase ("Start See the whole person"), which begins with the visible words, so a screen reader's list of buttons
 * still tells one module from another and speech control finds it by what is written on it.
 */
public final class ShortButton {

    private ShortButton() {
    }

    public static Button create(String text, String accessibleName, ComponentEventListener<ClickEvent<Button>> click) {
        Button button = new Button(text, click);
        button.setAriaLabel(accessibleName);
        return button;
    }
}
