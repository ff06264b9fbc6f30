package org.encounter.base.ui;

import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBoxI18n;

/**
 * A picker for several people (or things) that speaks the reader's language, including what a screen reader announces
 * as chips are added, focused and removed; Vaadin's own words for those are English.
 */
public final class PersonPickers {

    private PersonPickers() {
    }

    public static <T> MultiSelectComboBox<T> localise(MultiSelectComboBox<T> picker) {
        picker.setI18n(new MultiSelectComboBoxI18n()
                .setCleared(picker.getTranslation("multiselect.cleared"))
                .setFocused(picker.getTranslation("multiselect.focused"))
                .setSelected(picker.getTranslation("multiselect.selected"))
                .setDeselected(picker.getTranslation("multiselect.deselected"))
                // The web component puts the number where {count} stands.
                .setTotal(picker.getTranslation("multiselect.total", "{count}"))
                .setRequiredErrorMessage(picker.getTranslation("validation.required")));
        return picker;
    }
}
