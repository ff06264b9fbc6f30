package org.encounter.certificates.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.encounter.base.ui.LengthLimit;
import org.encounter.certificates.CertificateView;
import org.encounter.certificates.Verification;
import org.encounter.certificates.VerificationService;
import org.encounter.certificates.VerifyRateLimiter;

/** Public, no sign-in: is this certificate real? Opened by typing a code or scanning the QR code. */
@Route(value = "verify", autoLayout = false)
@AnonymousAllowed
public class VerifyView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    private final transient VerificationService verification;
    private final transient VerifyRateLimiter limiter;
    private final transient org.encounter.base.Dates dates;
    private final TextField code = new TextField();
    private final Div result = new Div();

    public VerifyView(VerificationService verification, VerifyRateLimiter limiter, org.encounter.base.Dates dates) {
        this.dates = dates;
        this.verification = verification;
        this.limiter = limiter;
        addClassName("centered-page");
        // A page without the app frame is its own main landmark.
        getElement().setAttribute("role", "main");
        setAlignItems(Alignment.CENTER);
        code.setLabel(getTranslation("verify.code"));
        code.setHelperText(getTranslation("verify.code.help"));
        code.setWidthFull();
        code.setId("verify-code");
        LengthLimit.apply(code, 60);
        Button check = new Button(getTranslation("verify.check"), e -> check(code.getValue()));
        check.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        check.setId("verify-check");
        check.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        result.setId("verify-result");
        Div box = new Div(new H1(getTranslation("verify.title")), new Paragraph(getTranslation("verify.intro")), code,
                check, result);
        box.addClassName("narrow-form");
        add(box);
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter String parameter) {
        if (parameter != null && !parameter.isBlank()) {
            code.setValue(parameter.length() > 60 ? parameter.substring(0, 60) : parameter);
            check(parameter);
        }
    }

    private void check(String input) {
        result.removeAll();
        VaadinRequest request = VaadinRequest.getCurrent();
        // The container's view of the client: the forwarded address only behind a trusted proxy (TRUSTED_PROXIES).
        // Never read X-Forwarded-For here: anyone can send it.
        String client = request == null ? "?" : request.getRemoteAddr();
        if (!limiter.allow(client)) {
            result.add(notice(getTranslation("verify.too-many"), "verify-limited"));
            return;
        }
        Verification v = verification.verify(input);
        switch (v.status()) {
            case UNKNOWN -> result.add(notice(getTranslation("verify.unknown"), "verify-unknown"));
            case REVOKED -> result.add(notice(getTranslation("verify.revoked", date(v.certificate().revokedAt())),
                    "verify-revoked"), details(v.certificate()));
            case EXPIRED -> result.add(notice(getTranslation("verify.expired", date(v.certificate().validUntil())),
                    "verify-expired"), details(v.certificate()));
            case VALID -> {
                Paragraph ok = new Paragraph(getTranslation("verify.valid"));
                ok.addClassNames("notice", "info");
                ok.setId("verify-valid");
                result.add(ok, details(v.certificate()));
            }
        }
    }

    private Div details(CertificateView c) {
        H2 holder = new H2(c.holder(this::getTranslation));
        holder.setId("verify-holder");
        Div details = new Div(holder);
        if (c.isProgramme()) {
            // A programme (a Leadership Exchange): what, and with whom; no version or co-designers.
            Paragraph title = new Paragraph(getTranslation("verify.programme-completed", c.title(this::getTranslation)));
            title.setId("verify-programme");
            details.add(title);
            if (c.partnerOrganisation() != null) {
                Paragraph partner = new Paragraph(getTranslation("verify.with-partner", c.partnerOrganisation()));
                partner.setId("verify-partner");
                details.add(partner);
            }
        } else {
            details.add(new Paragraph(getTranslation("verify.completed", c.moduleTitle(), c.versionNumber())),
                    new Paragraph(getTranslation("module.co-designed-by", c.credits())));
        }
        details.add(new Paragraph(getTranslation("verify.on", date(c.completedAt()), c.organisation())));
        if (c.partnership() != null) {
            Paragraph partnership = new Paragraph(getTranslation("verify.in-partnership", c.partnership()));
            partnership.setId("verify-partnership");
            details.add(partnership);
        }
        details.add(new Paragraph(c.code()));
        return details;
    }

    private Paragraph notice(String text, String id) {
        Paragraph p = new Paragraph(text);
        p.addClassName("notice");
        p.setId(id);
        return p;
    }

    private String date(java.time.Instant at) {
        return dates.dates(FormatStyle.LONG, getLocale()).format(at);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("verify.title") + " · " + getTranslation("app.name");
    }
}
