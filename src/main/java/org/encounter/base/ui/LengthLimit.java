package org.encounter.base.ui;

import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

/** Every text field has a limit, and shows a counter once the writer gets near it. */
public final class LengthLimit {

    private LengthLimit() {
    }

    public static TextField apply(TextField field, int max) {
        field.setMaxLength(max);
        String helper = field.getHelperText();
        field.addValueChangeListener(e -> field.setHelperText(counter(field, e.getValue(), max, helper)));
        return field;
    }

    public static TextArea apply(TextArea area, int max) {
        area.setMaxLength(max);
        String helper = area.getHelperText();
        area.addValueChangeListener(e -> area.setHelperText(counter(area, e.getValue(), max, helper)));
        return area;
    }

    private static String counter(com.vaadin.flow.component.Component c, String value, int max, String helper) {
        int length = value == null ? 0 : value.length();
        if (length < max * 0.8) {
            return helper;
        }
        String count = c.getTranslation("field.counter", length, max);
        return helper == null || helper.isBlank() ? count : helper + " · " + count;
    }
}
