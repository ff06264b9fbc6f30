package org.encounter.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.HasHelper;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Objects;

/**
 * Every text field has a limit, and shows a counter once the writer gets near it, beside the field's own helper
 * text ("Only you can see this"), whenever the view sets that: before or after the limit is applied.
 */
public final class LengthLimit {

    private static final String OWN_HELPER = LengthLimit.class.getName() + ".helper";
    private static final String SHOWN = LengthLimit.class.getName() + ".shown";

    private LengthLimit() {
    }

    public static TextField apply(TextField field, int max) {
        field.setMaxLength(max);
        field.addValueChangeListener(e -> show(field, e.getValue(), max));
        return field;
    }

    public static TextArea apply(TextArea area, int max) {
        area.setMaxLength(max);
        area.addValueChangeListener(e -> show(area, e.getValue(), max));
        return area;
    }

    private static <C extends Component & HasHelper> void show(C field, String value, int max) {
        String current = field.getHelperText();
        // The helper is the view's own unless it is exactly what this counter showed last time.
        String own = Objects.equals(current, ComponentUtil.getData(field, SHOWN))
                ? (String) ComponentUtil.getData(field, OWN_HELPER) : current;
        String next = counter(field, value, max, own);
        ComponentUtil.setData(field, OWN_HELPER, own);
        ComponentUtil.setData(field, SHOWN, next);
        if (!Objects.equals(current, next)) {
            field.setHelperText(next);
        }
    }

    private static String counter(Component c, String value, int max, String helper) {
        int length = value == null ? 0 : value.length();
        if (length < max * 0.8) {
            return helper;
        }
        String count = c.getTranslation("field.counter", length, max);
        return helper == null || helper.isBlank() ? count : helper + " · " + count;
    }
}
