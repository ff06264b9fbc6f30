package org.encounter.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import java.util.Map;
import org.encounter.base.InvalidInputException;

/** Puts each message of an {@link InvalidInputException} at its field; messages for no field go to a notification. */
public final class FormErrors {

    private FormErrors() {
    }

    public static void show(InvalidInputException e, Component context, Map<String, ? extends HasValidation> fields) {
        fields.values().forEach(f -> {
            f.setInvalid(false);
            f.setErrorMessage(null);
        });
        for (InvalidInputException.FieldError error : e.errors()) {
            String text = context.getTranslation(error.messageKey(), error.args());
            HasValidation field = fields.get(error.field());
            if (field != null) {
                field.setErrorMessage(text);
                field.setInvalid(true);
            } else {
                Notifications.error(text);
            }
        }
    }

    public static void clear(Map<String, ? extends HasValidation> fields) {
        fields.values().forEach(f -> {
            f.setInvalid(false);
            f.setErrorMessage(null);
        });
    }
}
