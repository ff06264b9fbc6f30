package org.encounter.identity.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Locale;
import java.util.Map;
import org.encounter.base.InvalidInputException;
import org.encounter.base.ui.FormErrors;
import org.encounter.base.ui.Notifications;
import org.encounter.identity.PasswordPolicy;
import org.encounter.identity.PersonService;
import org.encounter.identity.Profile;

/** A person's own profile: display name, language, password; the registered name, read-only, with a way to ask for another. */
@Route("profile")
@PermitAll
public class ProfileView extends VerticalLayout implements HasDynamicTitle {

    private final transient PersonService people;
    private final TextField displayName = new TextField();
    private final Select<String> language = new Select<>();
    private String savedLanguage;
    private String savedName;
    private final PasswordField currentPassword = new PasswordField();
    private final PasswordField newPassword = new PasswordField();
    private final PasswordField confirmPassword = new PasswordField();
    private final TextField registeredName = new TextField();
    private final TextField requestedName = new TextField();
    private final Paragraph pending = new Paragraph();

    public ProfileView(PersonService people) {
        this.people = people;
        addClassName("view");
        Profile profile = people.myProfile();

        displayName.setLabel(getTranslation("profile.display-name"));
        displayName.setHelperText(getTranslation("profile.display-name.help"));
        displayName.setMaxLength(100);
        displayName.setRequired(true);
        displayName.setValue(profile.displayName());
        savedName = profile.displayName();
        displayName.setId("profile-display-name");

        language.setLabel(getTranslation("profile.language"));
        language.setItems("", "en", "fi", "sv");
        language.setItemLabelGenerator(code -> code.isEmpty() ? getTranslation("profile.language.browser")
                : getTranslation("language." + code));
        language.setValue(profile.language() == null ? "" : profile.language());
        savedLanguage = profile.language();

        Button save = new Button(getTranslation("action.save"), e -> saveProfile());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("profile-save");

        TextField email = new TextField(getTranslation("profile.email"));
        email.setValue(profile.email());
        email.setReadOnly(true);

        FormLayout details = new FormLayout(displayName, email, language);
        details.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));

        currentPassword.setLabel(getTranslation("profile.current-password"));
        currentPassword.setMaxLength(PasswordPolicy.MAX_LENGTH);
        newPassword.setLabel(getTranslation("profile.new-password"));
        newPassword.setHelperText(getTranslation("password.help", PasswordPolicy.MIN_LENGTH));
        newPassword.setMaxLength(PasswordPolicy.MAX_LENGTH);
        confirmPassword.setLabel(getTranslation("profile.confirm-password"));
        confirmPassword.setMaxLength(PasswordPolicy.MAX_LENGTH);
        Button change = new Button(getTranslation("profile.change-password"), e -> changePassword());
        FormLayout password = new FormLayout(currentPassword, newPassword, confirmPassword);
        password.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        password.setMaxWidth("28rem");

        registeredName.setLabel(getTranslation("registered-name.label"));
        registeredName.setHelperText(getTranslation("registered-name.help"));
        registeredName.setReadOnly(true);
        registeredName.setWidthFull();
        registeredName.setMaxWidth("28rem");
        registeredName.setId("profile-registered-name");
        requestedName.setLabel(getTranslation("registered-name.ask"));
        requestedName.setMaxLength(100);
        requestedName.setWidthFull();
        requestedName.setMaxWidth("28rem");
        requestedName.setId("profile-requested-name");
        pending.setId("profile-name-pending");
        pending.addClassName("notice");
        Button ask = new Button(getTranslation("registered-name.ask.send"), e -> askForName());
        ask.setId("profile-ask-name");
        showRegistered(profile);

        add(new H1(getTranslation("profile.title")), details, save,
                new H2(getTranslation("registered-name.title")), registeredName, pending, requestedName, ask,
                new H2(getTranslation("profile.password.title")), password, change,
                new Paragraph(getTranslation("profile.roles",
                        String.join(", ", profile.roles().stream().map(r -> getTranslation(r.labelKey())).toList()))));
        // The privacy feature's page, by its address: identity knows no feature above it.
        com.vaadin.flow.component.html.Anchor yourData =
                new com.vaadin.flow.component.html.Anchor("my-data", getTranslation("privacy.profile-link"));
        yourData.setId("profile-your-data");
        add(new H2(getTranslation("privacy.title")), yourData);
    }

    private void saveProfile() {
        String code = language.getValue() == null || language.getValue().isEmpty() ? null : language.getValue();
        try {
            people.updateMyProfile(displayName.getValue(), code);
            FormErrors.clear(Map.of("displayName", displayName));
            Notifications.success(getTranslation("profile.saved"));
            // The menu shows the name and every page the language: a change to either shows at once, on a fresh
            // page. Saving without a change reloads nothing.
            if (!java.util.Objects.equals(code, savedLanguage) || !displayName.getValue().strip().equals(savedName)) {
                UI ui = UI.getCurrent();
                ui.setLocale(code == null ? ui.getSession().getBrowser().getLocale() : Locale.of(code));
                ui.getPage().reload();
            }
            savedLanguage = code;
            savedName = displayName.getValue().strip();
        } catch (InvalidInputException e) {
            FormErrors.show(e, this, Map.<String, HasValidation>of("displayName", displayName, "language", language));
        }
    }

    private void showRegistered(Profile profile) {
        registeredName.setValue(profile.registeredName());
        pending.setText(profile.requestedName() == null ? ""
                : getTranslation("registered-name.pending", profile.requestedName()));
        pending.setVisible(profile.requestedName() != null);
    }

    private void askForName() {
        try {
            showRegistered(people.requestMyRegisteredName(requestedName.getValue()));
            FormErrors.clear(Map.of("registeredName", requestedName));
            requestedName.clear();
            Notifications.success(getTranslation("registered-name.asked"));
        } catch (InvalidInputException e) {
            FormErrors.show(e, this, Map.<String, HasValidation>of("registeredName", requestedName));
        }
    }

    private void changePassword() {
        Map<String, HasValidation> fields = Map.of("currentPassword", currentPassword, "newPassword", newPassword,
                "confirmPassword", confirmPassword);
        FormErrors.clear(fields);
        if (!newPassword.getValue().equals(confirmPassword.getValue())) {
            confirmPassword.setErrorMessage(getTranslation("password.mismatch"));
            confirmPassword.setInvalid(true);
            return;
        }
        try {
            people.changeMyPassword(currentPassword.getValue(), newPassword.getValue());
            currentPassword.clear();
            newPassword.clear();
            confirmPassword.clear();
            Notifications.success(getTranslation("profile.password-changed-elsewhere"));
        } catch (InvalidInputException e) {
            FormErrors.show(e, this, fields);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("profile.title") + " · " + getTranslation("app.name");
    }
}
