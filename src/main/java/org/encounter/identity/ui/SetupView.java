package org.encounter.identity.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.LinkedHashMap;
import java.util.Map;
import org.encounter.base.InvalidInputException;
import org.encounter.base.ui.FormErrors;
import org.encounter.identity.SetupService;

/** Opened from the setup link the app logs on a new installation: the first organisation and its administrator. */
@Route(value = "setup/:token", autoLayout = false)
@AnonymousAllowed
public class SetupView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient SetupService setup;
    private final TextField organisation = new TextField();
    private final AccountFields account = new AccountFields(this, "setup");
    private String token;

    public SetupView(SetupService setup) {
        this.setup = setup;
        addClassName("centered-page");
        // A page without the app frame is its own main landmark.
        getElement().setAttribute("role", "main");
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
        Button create = new Button(getTranslation("setup.create"), e -> create());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("setup-create");
        FormLayout form = new FormLayout(organisation);
        form.add(account.components());
        form.add(create);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        return form;
    }

    private void create() {
        Map<String, HasValidation> fields = new LinkedHashMap<>(account.byName());
        fields.put("organisation", organisation);
        FormErrors.clear(fields);
        if (!account.passwordsMatch()) {
            return;
        }
        try {
            setup.createFirstAdmin(token, organisation.getValue(), account.displayName.getValue(),
                    account.email.getValue(), account.password.getValue(), account.languageCode());
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
