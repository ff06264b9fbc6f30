package org.encounter.identity.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Map;
import java.util.Optional;
import org.encounter.base.InvalidInputException;
import org.encounter.base.ui.FormErrors;
import org.encounter.identity.InvitationPreview;
import org.encounter.identity.InvitationService;
import org.encounter.identity.InvitationStatus;

/** Opened from an invitation link: the invited person sets up their own account. */
@Route(value = "invite/:token", autoLayout = false)
@AnonymousAllowed
public class InvitationView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient InvitationService invitations;
    private final AccountFields account = new AccountFields(this, "invite");
    private String token;

    public InvitationView(InvitationService invitations) {
        this.invitations = invitations;
        addClassName("centered-page");
        // A page without the app frame is its own main landmark.
        getElement().setAttribute("role", "main");
        setAlignItems(Alignment.CENTER);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getRouteParameters().get("token").orElse("");
        removeAll();
        VerticalLayout content = new VerticalLayout();
        content.addClassName("narrow-form");
        content.add(new H1(getTranslation("invite.title")));
        Optional<InvitationPreview> preview = invitations.preview(token);
        if (preview.isEmpty() || preview.get().status() != InvitationStatus.OPEN) {
            Paragraph problem = new Paragraph(getTranslation(preview.map(p -> "invitation.not-open."
                    + p.status().name().toLowerCase()).orElse("invitation.unknown")));
            problem.addClassName("notice");
            problem.setId("invitation-problem");
            content.add(problem, new Anchor("login", getTranslation("invite.go-to-sign-in")));
        } else {
            content.add(new Paragraph(describe(preview.get())));
            String registered = preview.get().registeredName();
            if (registered != null) {
                Paragraph name = new Paragraph(getTranslation("invite.registered-name", registered));
                name.setId("invite-registered-name");
                content.add(name);
                account.displayName.setValue(registered);
            }
            content.add(form());
        }
        add(content);
    }

    private String describe(InvitationPreview p) {
        String roles = String.join(", ", p.roles().stream().map(r -> getTranslation(r.labelKey())).toList());
        return p.teamName() == null ? getTranslation("invite.offer", p.organisationName(), roles)
                : getTranslation("invite.offer-team", p.organisationName(), roles, p.teamName());
    }

    private FormLayout form() {
        Button create = new Button(getTranslation("invite.create-account"), e -> accept());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("invite-accept");
        FormLayout form = new FormLayout(account.components());
        form.add(create);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        return form;
    }

    private void accept() {
        Map<String, HasValidation> fields = account.byName();
        FormErrors.clear(fields);
        if (!account.passwordsMatch()) {
            return;
        }
        try {
            invitations.accept(token, account.displayName.getValue(), account.email.getValue(),
                    account.password.getValue(), account.languageCode());
            removeAll();
            VerticalLayout done = new VerticalLayout(new H1(getTranslation("invite.done.title")),
                    new Paragraph(getTranslation("invite.done.text")),
                    new Anchor("login", getTranslation("invite.go-to-sign-in")));
            done.addClassName("narrow-form");
            done.setId("invitation-done");
            add(done);
        } catch (InvalidInputException e) {
            FormErrors.show(e, this, fields);
            if (e.errors().stream().anyMatch(err -> err.field().isEmpty())) {
                UI.getCurrent().navigate("invite/" + token);
            }
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("invite.title") + " · " + getTranslation("app.name");
    }
}
