package org.encounter.authoring.ui;

import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import org.encounter.base.ui.LengthLimit;

/** Editor fields: limited, with a counter near the limit, saving a moment after the author stops typing. */
final class Fields {

    static final int DEBOUNCE_MILLIS = 700;

    private Fields() {
    }

    static TextField text(String label, int max) {
        TextField field = new TextField(label);
        field.setWidthFull();
        field.setValueChangeMode(ValueChangeMode.TIMEOUT);
        field.setValueChangeTimeout(DEBOUNCE_MILLIS);
        return LengthLimit.apply(field, max);
    }

    static TextArea area(String label, int max) {
        TextArea area = new TextArea(label);
        area.setWidthFull();
        area.setMinHeight("6rem");
        area.setValueChangeMode(ValueChangeMode.TIMEOUT);
        area.setValueChangeTimeout(DEBOUNCE_MILLIS);
        return LengthLimit.apply(area, max);
    }

    static String value(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
