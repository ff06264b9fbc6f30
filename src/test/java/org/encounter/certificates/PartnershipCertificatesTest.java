package org.encounter.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import java.util.Comparator;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Certificates name the learner's own organisation as issuer, and "in partnership with ..." when the module came
 * through a partnership: "When our assumptions came tumbling down" is the city's, shared with One Aurajoki, so Elina
 * of the wellbeing services county earns it in partnership and Ahmed of the city earns it plainly. What was issued
 * stays as issued, whatever the partnership becomes.
 */
class PartnershipCertificatesTest extends CompletingServiceTest {

    @org.springframework.beans.factory.annotation.Autowired
    private org.encounter.TestClock verifyClock;
    @org.springframework.beans.factory.annotation.Autowired
    private org.encounter.certificates.VerifyRateLimiter verifyLimiter;

    @org.junit.jupiter.api.BeforeEach
    void nothingCountedAtVerify() {
        org.encounter.VerifyLimit.forget(verifyClock, verifyLimiter);
    }

    private static final String WELLBEING = "Aurajoki Wellbeing Services County";
    private static final String CITY = "City of Aurajoki Youth and Community Services";

    @Autowired CertificateService certificates;
    @Autowired VerificationService verification;
    @Autowired ApplicationContext context;

    private CertificateView latest(String who, long attempt) {
        long id = jdbc.queryForObject("select id from certificate where attempt_id = ?", Long.class, attempt);
        return as(who, () -> certificates.mine()).stream().filter(c -> c.id() == id)
                .max(Comparator.comparing(CertificateView::issuedAt)).orElseThrow();
    }

    @Test
    void a_partner_organisations_learner_is_certified_by_her_own_organisation_in_partnership_with_one_aurajoki()
            throws Exception {
        CertificateView elinas = latest("elina", complete("elina"));
        assertThat(elinas.organisation()).isEqualTo(WELLBEING);
        assertThat(elinas.partnership()).isEqualTo("One Aurajoki");
        assertThat(jdbc.queryForObject("select p.name from certificate c join partnership p on p.id = c.partnership_id"
                + " where c.id = ?", String.class, elinas.id())).isEqualTo("One Aurajoki");

        assertThat(pdfText(as("elina", () -> certificates.pdf(elinas.id(), Locale.ENGLISH))))
                .contains("Issued by " + WELLBEING, "in partnership with One Aurajoki").doesNotContain(CITY);
        assertThat(pdfText(as("elina", () -> certificates.pdf(elinas.id(), Locale.of("sv")))))
                .contains("Utfärdat av " + WELLBEING, "i samarbete med One Aurajoki");
        assertThat(pdfText(as("elina", () -> certificates.pdf(elinas.id(), Locale.of("fi")))))
                .contains("Myöntäjä " + WELLBEING, "yhteistyössä: One Aurajoki");

        assertThat(verification.verify(elinas.code()).certificate().partnership()).isEqualTo("One Aurajoki");
        assertThat(verifyPage(elinas.code())).contains(WELLBEING, "In partnership with One Aurajoki")
                .doesNotContain(CITY);
    }

    @Test
    void a_city_learners_certificate_of_the_citys_own_module_has_no_partnership_line() throws Exception {
        CertificateView ahmeds = latest("ahmed", complete("ahmed"));
        assertThat(ahmeds.organisation()).isEqualTo(CITY);
        assertThat(ahmeds.partnership()).isNull();
        assertThat(pdfText(as("ahmed", () -> certificates.pdf(ahmeds.id(), Locale.ENGLISH))))
                .contains("Issued by " + CITY).doesNotContain("partnership", "One Aurajoki");
        assertThat(verification.verify(ahmeds.code()).certificate().partnership()).isNull();
        assertThat(verifyPage(ahmeds.code())).contains(CITY).doesNotContain("partnership", "One Aurajoki");
    }

    @Test
    void what_a_certificate_says_of_its_partnership_never_changes_after_issue() throws Exception {
        CertificateView mattis = latest("matti", complete("matti"));
        long partnership = jdbc.queryForObject("select id from partnership where name = 'One Aurajoki'", Long.class);
        long wellbeing = jdbc.queryForObject("select id from organisation where name = ?", Long.class, WELLBEING);
        jdbc.update("update partnership set name = 'One Aurajoki (renamed)' where id = ?", partnership);
        jdbc.update("update partnership_member set left_at = current_timestamp(6) where partnership_id = ?"
                + " and organisation_id = ? and left_at is null", partnership, wellbeing);
        try {
            // Renamed, and the county gone from it: the certificate still says what it said at issue.
            assertThat(verification.verify(mattis.code()).certificate().partnership()).isEqualTo("One Aurajoki");
            assertThat(pdfText(as("matti", () -> certificates.pdf(mattis.id(), Locale.ENGLISH))))
                    .contains("Issued by " + WELLBEING, "in partnership with One Aurajoki").doesNotContain("renamed");
            assertThat(jdbc.queryForObject("select partnership_id from certificate where id = ?", Long.class,
                    mattis.id())).isEqualTo(partnership);
        } finally {
            jdbc.update("update partnership set name = 'One Aurajoki' where id = ?", partnership);
            jdbc.update("update partnership_member set left_at = null where partnership_id = ? and organisation_id = ?",
                    partnership, wellbeing);
        }
    }

    private static String pdfText(byte[] pdf) throws java.io.IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    /** What the public verification page shows for the code, to someone not signed in. */
    private String verifyPage(String code) {
        var previous = SecurityContextHolder.getContext();
        SecurityContextHolder.clearContext();
        MockVaadin.setup(UI::new, new MockSpringServlet(new Routes().autoDiscoverViews("org.encounter"), context,
                UI::new));
        try {
            UI.getCurrent().navigate("verify/" + code);
            return LocatorJ._get(Div.class, spec -> spec.withId("verify-result")).getElement().getTextRecursively();
        } finally {
            MockVaadin.tearDown();
            SecurityContextHolder.setContext(previous);
        }
    }
}
