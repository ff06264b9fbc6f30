package org.encounter.certificates;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.encounter.RecordingExport;
import org.encounter.base.NotifyPerson;
import org.encounter.base.PersonalData.ErasureChoices;
import org.encounter.base.SystemAccess;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A person's certificates in their export (with the signed PDFs) and after their erasure: still verifiable, naming no
 * one, and the PDF they downloaded before still checks. Every erasure here is rolled back.
 */
@RecordApplicationEvents
class CertificatesPersonalDataTest extends CompletingServiceTest {

    @org.springframework.beans.factory.annotation.Autowired
    private org.encounter.TestClock verifyClock;
    @org.springframework.beans.factory.annotation.Autowired
    private org.encounter.certificates.VerifyRateLimiter verifyLimiter;

    @org.junit.jupiter.api.BeforeEach
    void nothingCountedAtVerify() {
        org.encounter.VerifyLimit.forget(verifyClock, verifyLimiter);
    }

    private static final String ERASED = "Issued to a person whose data has been erased";
    private static final ErasureChoices PLAIN = new ErasureChoices(false, false, false);

    @Autowired CertificatesPersonalData data;
    @Autowired CertificateService certificates;
    @Autowired VerificationService verification;
    @Autowired CertificateAdminService admin;
    @Autowired PlatformTransactionManager transactions;
    @Autowired ApplicationContext context;
    @Autowired ApplicationEvents events;

    @Test
    void the_export_holds_each_certificate_and_its_signed_pdf_and_no_one_elses() throws Exception {
        complete("leo");
        complete("sanna");
        CertificateView mine = as("leo", () -> certificates.mine()).getFirst();

        RecordingExport export = new RecordingExport();
        data.export(personId("leo"), export);

        List<Map<String, Object>> records = export.of("certificate");
        assertThat(records).isNotEmpty().allSatisfy(r -> assertThat(r.get("name")).isEqualTo("Leo Mäkinen"));
        assertThat(records).hasSize(jdbc.queryForObject("select count(*) from certificate where learner_id = ?",
                Integer.class, personId("leo")));
        assertThat(records).anySatisfy(r -> {
            assertThat(r.get("code")).isEqualTo(mine.code());
            assertThat(r.get("module")).isEqualTo("When our assumptions came tumbling down");
            assertThat(r.get("credits")).isEqualTo("Noor, Ruby");
            assertThat(r.get("completedAt")).isEqualTo(mine.completedAt());
        });
        assertThat(export.text()).doesNotContain("Sanna Nieminen");

        assertThat(export.files).hasSize(records.size()).containsKey(mine.code() + ".pdf");
        byte[] pdf = export.files.get(mine.code() + ".pdf").toByteArray();
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(CertificatesTest.signatureValid(pdf)).isTrue();
        assertThat(pdfText(pdf)).contains("Leo Mäkinen", mine.code());
    }

    /**
     * The promise of the brief: after erasure /verify still says valid, for the module and date, without the name;
     * the PDF downloaded before still checks, signature and code; every admin list says the same; running it again
     * changes nothing.
     */
    @Test
    void after_erasure_the_certificate_verifies_without_the_name_and_the_pdf_downloaded_before_still_checks()
            throws Exception {
        complete("callum");
        CertificateView mine = as("callum", () -> certificates.mine()).getFirst();
        byte[] downloaded = as("callum", () -> certificates.pdf(mine.id(), Locale.ENGLISH));
        long callum = personId("callum");

        inRollback(() -> {
            SystemAccess.run(() -> {
                data.erase(callum, PLAIN);
                return null;
            });
            assertThat(jdbc.queryForList("select learner_name from certificate where learner_id = ?", String.class,
                    callum)).isNotEmpty().allSatisfy(name -> assertThat(name).isEqualTo("-"));
            Object erasedAt = jdbc.queryForObject("select holder_erased_at from certificate where id = ?",
                    Object.class, mine.id());
            assertThat(erasedAt).isNotNull();

            Verification v = verification.verify(mine.code());
            assertThat(v.status()).isEqualTo(Verification.Status.VALID);
            assertThat(v.certificate().learnerName()).isNull();
            assertThat(v.certificate().holderErased()).isTrue();
            assertThat(v.certificate().moduleTitle()).isEqualTo("When our assumptions came tumbling down");
            assertThat(v.certificate().completedAt()).isEqualTo(mine.completedAt());
            assertThat(verifyPage(mine.code(), Locale.ENGLISH)).contains("This certificate is valid.", ERASED,
                    "When our assumptions came tumbling down", mine.code()).doesNotContain("Callum");
            assertThat(verifyPage(mine.code(), Locale.of("fi")))
                    .contains("Myönnetty henkilölle, jonka tiedot on poistettu").doesNotContain("Callum");
            assertThat(verifyPage(mine.code(), Locale.of("sv")))
                    .contains("Utfärdat till en person vars uppgifter har raderats").doesNotContain("Callum");

            // The PDF downloaded before erasure: its signature holds and the code printed on it verifies.
            try {
                assertThat(CertificatesTest.signatureValid(downloaded)).isTrue();
                assertThat(pdfText(downloaded)).contains(mine.code(), "Callum Reid");
                assertThat(PdfQrCode.read(downloaded)).singleElement().asString().endsWith(
                        "/verify/" + mine.code().replace("-", ""));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            String printedCode = mine.code();
            assertThat(verification.verify(printedCode).status()).isEqualTo(Verification.Status.VALID);

            // Made again now, it names no one.
            byte[] again = as("callum", () -> certificates.pdf(mine.id(), Locale.ENGLISH));
            assertThat(pdfText(again)).contains("a person whose data has been erased").doesNotContain("Callum");

            // Admins' lists: the page, the CSV and the grid say the same.
            var filter = new CertificateAdminService.Filter("tumbling", null, null, null);
            List<CertificateView> listed = as("admin", () -> admin.page(filter,
                    org.springframework.data.domain.PageRequest.of(0, 500)));
            assertThat(listed).filteredOn(c -> c.id() == mine.id()).singleElement()
                    .satisfies(c -> assertThat(c.holder((key, args) -> key)).isEqualTo("certificate.holder-erased"));
            byte[] csv = as("admin", () -> admin.csv(filter, Locale.ENGLISH));
            assertThat(new String(csv, StandardCharsets.UTF_8)).contains("\"" + ERASED + "\"")
                    .doesNotContain("Callum Reid");
            assertThat(adminGrid()).anySatisfy(row -> assertThat(row).contains(ERASED))
                    .noneSatisfy(row -> assertThat(String.join(" ", row)).contains("Callum Reid"));

            // Again: harmless, and the time of erasure stays the first one.
            SystemAccess.run(() -> {
                data.erase(callum, PLAIN);
                return null;
            });
            assertThat(jdbc.queryForObject("select holder_erased_at from certificate where id = ?", Object.class,
                    mine.id())).isEqualTo(erasedAt);
            assertThat(verification.verify(mine.code()).status()).isEqualTo(Verification.Status.VALID);

            // Revoked later by an admin: it says so, and nobody is sent a notice about it.
            as("admin", () -> admin.revoke(mine.id(), "Issued by mistake"));
            assertThat(verification.verify(mine.code()).status()).isEqualTo(Verification.Status.REVOKED);
            assertThat(events.stream(NotifyPerson.class)).noneMatch(n -> n.personId() == callum
                    && n.kind().equals("certificate-revoked"));
        });
        assertThat(jdbc.queryForObject("select learner_name from certificate where id = ?", String.class, mine.id()))
                .isEqualTo("Callum Reid");
    }

    @Test
    void an_erased_author_who_asks_for_it_is_credited_as_a_co_designer_on_other_peoples_certificates() {
        complete("zoe");
        CertificateView zoes = as("zoe", () -> certificates.mine()).getFirst();
        assertThat(zoes.credits()).isEqualTo("Noor, Ruby");

        inRollback(() -> {
            SystemAccess.run(() -> {
                data.erase(personId("ruby"), PLAIN);
                return null;
            });
            assertThat(credits(zoes)).as("without the choice, the name she chose stays").isEqualTo("Noor, Ruby");
            SystemAccess.run(() -> {
                data.erase(personId("noor"), new ErasureChoices(false, true, false));
                data.erase(personId("noor"), new ErasureChoices(false, true, false));
                return null;
            });
            assertThat(credits(zoes)).isEqualTo("a co-designer, Ruby");
            assertThat(jdbc.queryForObject("select count(*) from certificate where credits like '%Noor%'",
                    Integer.class)).isZero();
            assertThat(verifyPage(zoes.code(), Locale.ENGLISH)).contains("a co-designer, Ruby", "Zoë Nic Dhòmhnaill");
        });
        assertThat(credits(zoes)).isEqualTo("Noor, Ruby");
    }

    @Test
    void only_a_whole_credit_is_replaced() {
        assertThat(CertificatesPersonalData.credited("Emma Lehtonen, Emma, Young people of Aurajoki, Emma",
                List.of("Emma"), "a co-designer"))
                .isEqualTo("Emma Lehtonen, a co-designer, Young people of Aurajoki, a co-designer");
        assertThat(CertificatesPersonalData.credited("Emma, Noor", List.of("Emma", "Emma, Noor"), "a co-designer"))
                .isEqualTo("a co-designer");
        assertThat(CertificatesPersonalData.credited("Noor, Ruby", List.of("Emma"), "a co-designer"))
                .isEqualTo("Noor, Ruby");
        assertThat(CertificatesPersonalData.credited("Ruby", List.of("Ruby"), "a co-designer"))
                .isEqualTo("a co-designer");
    }

    private String credits(CertificateView c) {
        return jdbc.queryForObject("select credits from certificate where id = ?", String.class, c.id());
    }

    private void inRollback(Runnable work) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            status.setRollbackOnly();
            work.run();
        });
    }

    private static String pdfText(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc) + "\n" + doc.getDocumentInformation().getTitle();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * What the public verification page shows for the code, to someone not signed in, from an address of its own: the
     * page's rate limit counts per address, and other tests use up the default one's.
     */
    private String verifyPage(String code, Locale locale) {
        var previous = SecurityContextHolder.getContext();
        var requests = MockVaadin.getMockRequestFactory();
        SecurityContextHolder.clearContext();
        MockVaadin.setMockRequestFactory(session -> new FakeRequest(session) {
            @Override
            public String getRemoteAddr() {
                return "192.0.2.32";
            }
        });
        MockVaadin.setup(UI::new, new MockSpringServlet(new Routes().autoDiscoverViews("org.encounter"), context,
                UI::new));
        try {
            UI.getCurrent().setLocale(locale);
            UI.getCurrent().navigate("verify/" + code);
            return _get(Div.class, spec -> spec.withId("verify-result")).getElement().getTextRecursively();
        } finally {
            MockVaadin.tearDown();
            MockVaadin.setMockRequestFactory(requests);
            SecurityContextHolder.setContext(previous);
        }
    }

    /** Every row of the admin's "All certificates" grid, as shown, filtered to the module. */
    private List<List<String>> adminGrid() {
        var previous = SecurityContextHolder.getContext();
        var user = context.getBean(org.springframework.security.core.userdetails.UserDetailsService.class)
                .loadUserByUsername("admin" + DOMAIN);
        var auth = org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(user,
                null, user.getAuthorities());
        var signedIn = SecurityContextHolder.createEmptyContext();
        signedIn.setAuthentication(auth);
        SecurityContextHolder.setContext(signedIn);
        var requests = MockVaadin.getMockRequestFactory();
        MockVaadin.setMockRequestFactory(session -> {
            var request = new FakeRequest(session);
            request.setUserPrincipalInt(auth);
            request.setUserInRole((principal, role) -> auth.getAuthorities().stream()
                    .anyMatch(a -> a.getAuthority().equals("ROLE_" + role)));
            return request;
        });
        MockVaadin.setup(UI::new, new MockSpringServlet(new Routes().autoDiscoverViews("org.encounter"), context,
                UI::new));
        try {
            UI.getCurrent().setLocale(Locale.ENGLISH);
            UI.getCurrent().navigate(org.encounter.certificates.ui.AdminCertificatesView.class);
            com.github.mvysny.kaributesting.v10.LocatorJ._setValue(_get(
                    com.vaadin.flow.component.textfield.TextField.class, spec -> spec.withLabel("Title")), "tumbling");
            Grid<?> grid = _get(Grid.class, spec -> spec.withId("admin-certificates"));
            List<List<String>> rows = new ArrayList<>();
            for (int i = 0; i < GridKt._size(grid); i++) {
                rows.add(GridKt._getFormattedRow(grid, i));
            }
            return rows;
        } finally {
            MockVaadin.tearDown();
            MockVaadin.setMockRequestFactory(requests);
            SecurityContextHolder.setContext(previous);
        }
    }
}
