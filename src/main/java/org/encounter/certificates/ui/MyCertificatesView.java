package org.encounter.certificates.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import org.encounter.base.ui.DownloadLink;
import org.encounter.certificates.CertificateService;
import org.encounter.certificates.CertificateView;
import org.encounter.identity.Role;

/** The learner's certificates, each downloadable as a PDF. */
@Route("certificates")
@RolesAllowed(Role.Names.LEARNER)
@Menu(order = 12, title = "menu.certificates", icon = "vaadin:diploma")
public class MyCertificatesView extends VerticalLayout implements HasDynamicTitle {

    public MyCertificatesView(CertificateService certificates, org.encounter.base.Dates dates) {
        addClassName("view");
        add(new H1(getTranslation("certificates.title")));
        List<CertificateView> mine = certificates.mine();
        if (mine.isEmpty()) {
            add(new Paragraph(getTranslation("certificates.none")));
        }
        DateTimeFormatter date = dates.dates(FormatStyle.LONG, getLocale());
        Locale locale = getLocale();
        for (CertificateView c : mine) {
            Div card = new Div(new H2(c.title(this::getTranslation)));
            if (c.isProgramme()) {
                if (c.partnerOrganisation() != null) {
                    card.add(new Paragraph(getTranslation("certificates.with-partner", c.partnerOrganisation())));
                }
                card.add(new Paragraph(getTranslation("certificates.programme-line", date.format(c.completedAt()))));
            } else {
                card.add(new Paragraph(getTranslation("certificates.line", c.versionNumber(),
                        date.format(c.completedAt()))));
            }
            card.add(new Paragraph(getTranslation("verify.code") + ": " + c.code()));
            card.addClassNames("home-card", "certificate-card");
            if (c.revokedAt() != null) {
                card.add(new Paragraph(getTranslation("verify.revoked", date.format(c.revokedAt()))));
            }
            String file = "certificate-" + c.code() + ".pdf";
            Anchor download = DownloadLink.of(getTranslation("certificates.download"), file, DownloadLink.PDF,
                    () -> certificates.pdf(c.id(), locale));
            download.addClassName("certificate-download");
            card.add(download);
            add(card);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("certificates.title") + " · " + getTranslation("app.name");
    }
}
