package org.encounter.identity.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Map;
import org.encounter.base.InvalidInputException;
import org.encounter.base.ui.FormErrors;
import org.encounter.identity.PasswordPolicy;
import org.encounter.identity.SetupService;

/** Opened from the setup link the app logs on a new installation: the first organisation and its administrator. */
@Route(value = "setup/:token", autoLayout = false)
@AnonymousAllowed
public class SetupView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient SetupService setup;
    private final TextField organisation = new TextField();
    private final TextField displayName = new TextField();
    private final EmailField email = new EmailField();
    private final PasswordField password = new PasswordField();
    private final PasswordField confirm = new PasswordField();
    private final Select<String> language = new Select<>();
    private String token;

    public SetupView(SetupService setup) {
        this.setup = setup;
        addClassName("centered-page");
        setAlignItems(Alignment.CENTER);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getRouteParameters().get("token").orElse("");
        show(setup.status(token));
    }

    private void show(SetupService.Status status) {
        removeAll();
        VerticalLayout content = new VerticalLayout(new H1(getTranslation("setup.title")));
        content.addClassName("narrow-form");
        if (status == SetupService.Status.OPEN) {
            content.add(new Paragraph(getTranslation("setup.intro")), form());
        } else {
            Paragraph problem = new Paragraph(getTranslation("setup.not-open." + status.name().toLowerCase()));
            problem.addClassName("notice");
            problem.setId("setup-problem");
            content.add(problem, new Anchor("login", getTranslation("invite.go-to-sign-in")));
        }
        add(content);
    }

    private FormLayout form() {
        organisation.setLabel(getTranslation("organisation.name"));
        organisation.setHelperText(getTranslation("setup.organisation.help"));
        organisation.setRequired(true);
        organisation.setMaxLength(150);
        organisation.setId("setup-organisation");
        displayName.setLabel(getTranslation("profile.display-name"));
        displayName.setRequired(true);
        displayName.setMaxLength(100);
        displayName.setId("setup-display-name");
        email.setLabel(getTranslation("profile.email"));
        email.setRequired(true);
        email.setMaxLength(254);
        email.setId("setup-email");
        password.setLabel(getTranslation("login.password"));
        password.setHelperText(getTranslation("password.help", PasswordPolicy.MIN_LENGTH));
        password.setMaxLength(PasswordPolicy.MAX_LENGTH);
        password.setId("setup-password");
        confirm.setLabel(getTranslation("profile.confirm-password"));
        confirm.setMaxLength(PasswordPolicy.MAX_LENGTH);
        confirm.setId("setup-confirm");
        language.setLabel(getTranslation("profile.language"));
        language.setItems("", "en", "fi", "sv");
        language.setItemLabelGenerator(code -> code.isEmpty() ? getTranslation("profile.language.browser")
                : getTranslation("language." + code));
        language.setValue("");
        Button create = new Button(getTranslation("setup.create"), e -> create());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("setup-create");
        FormLayout form = new FormLayout(organisation, displayName, email, password, confirm, language, create);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        return form;
    }

    private void create() {
        Map<String, HasValidation> fields = Map.of("organisation", organisation, "displayName", displayName,
                "email", email, "password", password, "confirm", confirm, "language", language);
        FormErrors.clear(fields);
        if (!password.getValue().equals(confirm.getValue())) {
            confirm.setErrorMessage(getTranslation("password.mismatch"));
            confirm.setInvalid(true);
            return;
        }
        try {
            String code = language.getValue() == null || language.getValue().isEmpty() ? null : language.getValue();
            setup.createFirstAdmin(token, organisation.getValue(), displayName.getValue(), email.getValue(),
                    password.getValue(), code);
            removeAll();
            VerticalLayout done = new VerticalLayout(new H1(getTranslation("setup.done.title")),
                    new Paragraph(getTranslation("setup.done.text")),
                    new Anchor("login", getTranslation("invite.go-to-sign-in")));
            done.addClassName("narrow-form");
            done.setId("setup-done");
            add(done);
        } catch (InvalidInputException e) {
            if (e.errors().stream().anyMatch(err -> err.field().isEmpty())) {
                show(setup.status(token));
            } else {
                FormErrors.show(e, this, fields);
            }
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("setup.title") + " · " + getTranslation("app.name");
    }
}
