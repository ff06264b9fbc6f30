package org.encounter.identity.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.encounter.identity.PasswordPolicy;

/**
 * What a person fills in to set up their own account — name, e-mail, password twice, language — on the
 * invitation page and on the first administrator's setup page. Field ids are the prefix and the field.
 */
class AccountFields implements Serializable {

    final TextField displayName = new TextField();
    final EmailField email = new EmailField();
    final PasswordField password = new PasswordField();
    final PasswordField confirm = new PasswordField();
    final Select<String> language = new Select<>();

    AccountFields(Component context, String idPrefix) {
        displayName.setLabel(context.getTranslation("profile.display-name"));
        displayName.setHelperText(context.getTranslation("profile.display-name.help"));
        displayName.setMaxLength(100);
        displayName.setRequired(true);
        displayName.setId(idPrefix + "-display-name");
        email.setLabel(context.getTranslation("profile.email"));
        email.setMaxLength(254);
        email.setRequired(true);
        email.setId(idPrefix + "-email");
        password.setLabel(context.getTranslation("login.password"));
        password.setHelperText(context.getTranslation("password.help", PasswordPolicy.MIN_LENGTH));
        password.setMaxLength(PasswordPolicy.MAX_LENGTH);
        password.setId(idPrefix + "-password");
        confirm.setLabel(context.getTranslation("profile.confirm-password"));
        confirm.setMaxLength(PasswordPolicy.MAX_LENGTH);
        confirm.setId(idPrefix + "-confirm");
        language.setLabel(context.getTranslation("profile.language"));
        language.setItems("", "en", "fi", "sv");
        language.setItemLabelGenerator(code -> code.isEmpty() ? context.getTranslation("profile.language.browser")
                : context.getTranslation("language." + code));
        language.setValue("");
        language.setId(idPrefix + "-language");
    }

    Component[] components() {
        return new Component[] {displayName, email, password, confirm, language};
    }

    /** The fields by the names a service's field errors use. */
    Map<String, HasValidation> byName() {
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        fields.put("displayName", displayName);
        fields.put("email", email);
        fields.put("password", password);
        fields.put("confirm", confirm);
        fields.put("language", language);
        return fields;
    }

    /** False, with a message at the second field, when the two passwords differ. */
    boolean passwordsMatch() {
        if (password.getValue().equals(confirm.getValue())) {
            return true;
        }
        confirm.setErrorMessage(confirm.getTranslation("password.mismatch"));
        confirm.setInvalid(true);
        return false;
    }

    /** The chosen language, or null for the browser's own. */
    String languageCode() {
        return language.getValue() == null || language.getValue().isEmpty() ? null : language.getValue();
    }
}
