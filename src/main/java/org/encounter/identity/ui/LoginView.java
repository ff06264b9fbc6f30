package org.encounter.identity.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.List;
import java.util.Map;

/**
 * Sign-in. A wrong password, an unknown e-mail and too many tries get one and the same message, so
 * nobody learns which accounts exist or are being tried. A disabled account is named only after its
 * right password; an ended session is explained.
 */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm form = new LoginForm();
    private final Paragraph notice = new Paragraph();
    private final transient AuthenticationContext authentication;

    public LoginView(AuthenticationContext authentication) {
        this.authentication = authentication;
        addClassName("centered-page");
        // A page without the app frame is its own main landmark.
        getElement().setAttribute("role", "main");
        setAlignItems(Alignment.CENTER);
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        form.setI18n(i18n());
        notice.addClassName("notice");
        notice.setId("login-notice");
        notice.setVisible(false);
        Div intro = new Div(new H1(getTranslation("app.name")), new Paragraph(getTranslation("login.intro")));
        intro.addClassName("narrow-form");
        add(intro, notice, form);
    }

    private LoginI18n i18n() {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Header header = new LoginI18n.Header();
        header.setTitle(getTranslation("app.name"));
        header.setDescription(getTranslation("login.intro"));
        i18n.setHeader(header);
        LoginI18n.Form f = i18n.getForm();
        f.setTitle(getTranslation("login.title"));
        f.setUsername(getTranslation("login.email"));
        f.setPassword(getTranslation("login.password"));
        f.setSubmit(getTranslation("login.submit"));
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setTitle(getTranslation("login.error.title"));
        error.setMessage(getTranslation("login.refused"));
        error.setUsername(getTranslation("validation.required"));
        error.setPassword(getTranslation("validation.required"));
        return i18n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (authentication.isAuthenticated()) {
            event.forwardTo("");
            return;
        }
        Map<String, List<String>> params = event.getLocation().getQueryParameters().getParameters();
        form.setError(params.containsKey("error"));
        offerEmailAgain();
        String key = params.containsKey("disabled") ? "login.disabled"
                : params.containsKey("ended") ? "login.ended" : null;
        notice.setVisible(key != null);
        if (key != null) {
            notice.setText(getTranslation(key));
        }
    }

    /** After a failed try the e-mail stays filled in and the password field has the focus. */
    private void offerEmailAgain() {
        var session = com.vaadin.flow.server.VaadinSession.getCurrent().getSession();
        Object email = session.getAttribute(org.encounter.base.security.LastSignIn.EMAIL);
        session.removeAttribute(org.encounter.base.security.LastSignIn.EMAIL);
        if (email instanceof String last && !last.isBlank()) {
            form.getElement().executeJs("""
                    const form = this;
                    let tries = 0;
                    const fill = () => {
                      const field = name => {
                        const input = form.querySelector('input[name="' + name + '"]');
                        return input && (input.closest('vaadin-text-field, vaadin-password-field') || input);
                      };
                      const email = field('username');
                      const password = field('password');
                      if (email && password) {
                        email.value = $0;
                        password.focus();
                      } else if (tries++ < 50) {
                        requestAnimationFrame(fill);
                      }
                    };
                    fill();""", last);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title") + " · " + getTranslation("app.name");
    }
}
