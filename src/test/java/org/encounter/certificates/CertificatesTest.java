package org.encounter.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.encounter.learning.AttemptCompleted;
import org.encounter.learning.StepAnswer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

class CertificatesTest extends CompletingServiceTest {

    @org.springframework.beans.factory.annotation.Autowired
    private org.encounter.TestClock verifyClock;
    @org.springframework.beans.factory.annotation.Autowired
    private org.encounter.certificates.VerifyRateLimiter verifyLimiter;

    @org.junit.jupiter.api.BeforeEach
    void nothingCountedAtVerify() {
        org.encounter.VerifyLimit.forget(verifyClock, verifyLimiter);
    }

    @Autowired CertificateService certificates;
    @Autowired VerificationService verification;
    @Autowired CertificateIssuer issuer;

    @Test
    void the_signing_keys_made_on_first_start_are_readable_by_their_owner_only() throws Exception {
        // Each test context makes its own key under target/test-keys (application-test.properties).
        try (var keys = java.nio.file.Files.list(java.nio.file.Path.of("target/test-keys"))) {
            assertThat(keys.filter(k -> k.toString().endsWith(".p12")).toList()).isNotEmpty().allSatisfy(key ->
                    assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                            java.nio.file.Files.getPosixFilePermissions(key))).as(key.toString()).isEqualTo("rw-------"));
        }
    }

    @Test
    void completing_a_module_issues_one_certificate_even_when_the_event_comes_twice() {
        long attempt = complete("olga");
        assertThat(jdbc.queryForObject("select count(*) from certificate where attempt_id = ?", Integer.class, attempt))
                .isEqualTo(1);
        var row = jdbc.queryForMap("select * from certificate where attempt_id = ?", attempt);
        AttemptCompleted replay = new AttemptCompleted(attempt, personId("olga"), (Long) row.get("module_id"),
                (Long) row.get("version_id"), java.time.Instant.now(), 60);
        issuer.on(replay);
        issuer.issue(replay);
        assertThat(jdbc.queryForObject("select count(*) from certificate where attempt_id = ?", Integer.class, attempt))
                .isEqualTo(1);
        assertThat(row.get("learner_name")).isEqualTo("Ольга Петрова");
        assertThat((String) row.get("credits")).isEqualTo("Noor, Ruby");
    }

    @Test
    void the_pdf_has_real_text_in_any_alphabet_a_title_a_language_and_a_qr_code_that_opens_verification()
            throws Exception {
        complete("asa");
        CertificateView mine = as("asa", () -> certificates.mine()).getFirst();
        byte[] pdf = as("asa", () -> certificates.pdf(mine.id(), Locale.of("sv")));
        assertThat(pdf.length).isLessThan(80 * 1024);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Åsa Öberg", "When our assumptions came tumbling down", "Version 1",
                    "Noor, Ruby", "City of Aurajoki Youth and Community Services", mine.code());
            assertThat(doc.getDocumentInformation().getTitle()).contains("Åsa Öberg");
            assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("sv");
            assertThat(doc.getPage(0).getMediaBox().getWidth()).isGreaterThan(doc.getPage(0).getMediaBox().getHeight());
        }
        assertThat(PdfQrCode.read(pdf)).singleElement().asString()
                .isEqualTo("http://localhost:8080/verify/" + mine.code().replace("-", ""));
        assertThat(verification.verify(mine.code().toLowerCase().replace("-", " ")).status())
                .isEqualTo(Verification.Status.VALID);
        assertThatThrownBy(() -> as("jussi", () -> certificates.pdf(mine.id(), Locale.ENGLISH)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Autowired CertificateBench bench;
    @Autowired org.encounter.identity.PersonService people;
    @Autowired org.encounter.identity.InvitationService invitations;
    @Autowired org.springframework.context.ApplicationContext context;

    /**
     * The attack: a learner renames themselves "Dr Jane Smith" in their profile and completes a module. The PDF and
     * the public page show the name the admin registered; no later rename, request or registration changes them.
     */
    @Test
    void renaming_oneself_puts_no_name_on_a_certificate_only_the_registered_name_as_it_was_at_issue() throws Exception {
        long organisation = jdbc.queryForObject("select organisation_id from person where email = ?", Long.class,
                "admin" + DOMAIN);
        String link = as("admin", () -> invitations.create(organisation, null, java.util.Set.of(
                org.encounter.identity.Role.LEARNER), "Jenna Smith", null)).link();
        String jenna = "jenna.smith@example.org";
        invitations.accept(link.substring(link.lastIndexOf('/') + 1), "Jenna", jenna, "blue kettle on the windowsill",
                "en");
        as(jenna, () -> people.updateMyProfile("Dr Jane Smith", "en"));

        complete(jenna);
        CertificateView mine = as(jenna, () -> certificates.mine()).getFirst();
        assertThat(pdfText(as(jenna, () -> certificates.pdf(mine.id(), Locale.ENGLISH))))
                .contains("Jenna Smith").doesNotContain("Dr Jane Smith", "Jane Smith");
        assertThat(verifyPage(mine.code())).contains("Jenna Smith").doesNotContain("Jane Smith");
        assertThat(jdbc.queryForObject("select learner_name from certificate where code = ?", String.class,
                mine.code().replace("-", ""))).isEqualTo("Jenna Smith");

        // Afterwards: another rename, a request, its confirmation and an admin's correction change no issued certificate.
        long id = personId(jenna);
        as(jenna, () -> people.updateMyProfile("Jane Smith, PhD", "en"));
        as(jenna, () -> people.requestMyRegisteredName("Dr Jane Smith"));
        as("admin", () -> people.confirmNameRequest(id, "Dr Jane Smith"));
        as("admin", () -> people.register(id, "Jenna Smith-Jones"));
        assertThat(pdfText(as(jenna, () -> certificates.pdf(mine.id(), Locale.ENGLISH))))
                .contains("Jenna Smith").doesNotContain("Jane Smith", "Smith-Jones");
        assertThat(verifyPage(mine.code())).contains("Jenna Smith").doesNotContain("Jane Smith", "Smith-Jones");
        assertThat(verification.verify(mine.code()).certificate().learnerName()).isEqualTo("Jenna Smith");
    }

    private static String pdfText(byte[] pdf) throws java.io.IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc) + "\n" + doc.getDocumentInformation().getTitle();
        }
    }

    /** What the public verification page shows for the code, to someone not signed in. */
    private String verifyPage(String code) {
        var previous = org.springframework.security.core.context.SecurityContextHolder.getContext();
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
        com.github.mvysny.kaributesting.v10.MockVaadin.setup(com.vaadin.flow.component.UI::new,
                new com.github.mvysny.kaributesting.v10.spring.MockSpringServlet(
                        new com.github.mvysny.kaributesting.v10.Routes().autoDiscoverViews("org.encounter"), context,
                        com.vaadin.flow.component.UI::new));
        try {
            com.vaadin.flow.component.UI.getCurrent().navigate("verify/" + code);
            return com.github.mvysny.kaributesting.v10.LocatorJ._get(com.vaadin.flow.component.html.Div.class,
                    spec -> spec.withId("verify-result")).getElement().getTextRecursively();
        } finally {
            com.github.mvysny.kaributesting.v10.MockVaadin.tearDown();
            org.springframework.security.core.context.SecurityContextHolder.setContext(previous);
        }
    }

    @Test
    void every_name_of_the_brief_renders_as_searchable_text() throws Exception {
        CertificateView view = new CertificateView(1, "7G3K-Q9ZB-M2XW-4TRC-HV8N-P5JD-Y6", "Ольга Петрова",
                "Jyväskylä Youth Services", "Åsa Öberg's module", 1, "Zoë Nic Dhòmhnaill, Åsa Öberg",
                java.time.Instant.now(), 600, java.time.Instant.now(), null, null, null);
        try (PDDocument doc = Loader.loadPDF(bench.render(view, Locale.of("fi")))) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Ольга Петрова", "Jyväskylä", "Åsa Öberg",
                    "Zoë Nic Dhòmhnaill");
        }
    }

    @Test
    void names_in_other_alphabets_render_as_text() throws Exception {
        complete("zoe");
        CertificateView mine = as("zoe", () -> certificates.mine()).getFirst();
        try (PDDocument doc = Loader.loadPDF(as("zoe", () -> certificates.pdf(mine.id(), Locale.ENGLISH)))) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Zoë Nic Dhòmhnaill");
        }
    }

    @Test
    void the_pdf_is_tagged_pdf_a_2a_and_signed_and_any_change_breaks_the_signature() throws Exception {
        complete("ahmed");
        CertificateView mine = as("ahmed", () -> certificates.mine()).getFirst();
        byte[] pdf = as("ahmed", () -> certificates.pdf(mine.id(), Locale.ENGLISH));

        org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider.initialise();
        try (var parser = org.verapdf.pdfa.Foundries.defaultInstance().createParser(new java.io.ByteArrayInputStream(pdf),
                org.verapdf.pdfa.flavours.PDFAFlavour.PDFA_2_A);
             var validator = org.verapdf.pdfa.Foundries.defaultInstance().createValidator(
                     org.verapdf.pdfa.flavours.PDFAFlavour.PDFA_2_A, false)) {
            var result = validator.validate(parser);
            assertThat(result.isCompliant()).as(result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() != org.verapdf.pdfa.results.TestAssertion.Status.PASSED)
                    .map(a -> a.getRuleId() + " " + a.getMessage()).distinct().limit(10).toList().toString()).isTrue();
        }

        // A screen reader meets the certificate in order: heading, the learner, the module, the facts, and the QR
        // code by what it does.
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            var root = doc.getDocumentCatalog().getStructureTreeRoot();
            var document = (org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement)
                    root.getKids().getFirst();
            var kids = document.getKids().stream().map(k ->
                    (org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement) k).toList();
            assertThat(kids.getFirst().getStructureType()).isEqualTo("H1");
            assertThat(kids).filteredOn(k -> k.getStructureType().equals("Figure")).singleElement()
                    .satisfies(f -> assertThat(f.getAlternateDescription()).contains("/verify/"));
            assertThat(doc.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
        }

        assertThat(signatureValid(pdf)).isTrue();
        byte[] tampered = pdf.clone();
        String text = new String(tampered, java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = text.indexOf("/Producer");
        tampered[at + 12] = (byte) (tampered[at + 12] ^ 1);
        assertThat(signatureValid(tampered)).isFalse();
    }

    /** Verifies the file's signature over its signed byte ranges with the certificate it carries. */
    static boolean signatureValid(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            var signature = doc.getLastSignatureDictionary();
            // The signature slot is padded with zeros; the CMS object is the first DER object in it.
            byte[] cmsBytes;
            try (var der = new org.bouncycastle.asn1.ASN1InputStream(signature.getContents())) {
                cmsBytes = der.readObject().getEncoded();
            }
            byte[] signed = signature.getSignedContent(pdf);
            var cms = new org.bouncycastle.cms.CMSSignedData(new org.bouncycastle.cms.CMSProcessableByteArray(signed),
                    cmsBytes);
            var signer = cms.getSignerInfos().getSigners().iterator().next();
            @SuppressWarnings("unchecked")
            var holder = (org.bouncycastle.cert.X509CertificateHolder) cms.getCertificates().getMatches(signer.getSID())
                    .iterator().next();
            boolean ok = signer.verify(new org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder().build(holder));
            return ok;
        } catch (org.bouncycastle.cms.CMSException e) {
            return false;
        }
    }

    @Autowired org.encounter.authoring.ModuleService modules;
    @Autowired org.encounter.authoring.ReviewService review;
    @Autowired CertificateAdminService admin;
    @Autowired ExpiryReminders expiry;
    @Autowired org.encounter.notifications.NotificationService notifications;

    @Test
    void a_validity_period_makes_certificates_expire_with_a_reminder_and_an_admin_can_revoke_with_a_reason() {
        long whole = jdbc.queryForObject("select id from module where title = 'See the whole person'", Long.class);
        as("emma", () -> review.startNewDraft(whole));
        var d = as("emma", () -> modules.draft(whole)).details();
        as("emma", () -> modules.updateDetails(whole, null, new org.encounter.authoring.ModuleDetails(d.title(),
                d.summary(), d.audience(), d.estimatedMinutes(), d.language(), d.themes(), d.statements(), 24)));
        as("emma", () -> review.submit(whole));
        as("kaisa", () -> review.publish(whole, modules.draft(whole).revision()));

        long attempt = as("tuula", () -> learning.start(whole));
        for (int i = 0; i < 4; i++) {
            int position = i;
            as("tuula", () -> learning.completeStep(attempt, position, new StepAnswer("Thinking", 0, null, null, null,
                    null, null, null, false)));
        }
        as("tuula", () -> learning.completeStep(attempt, 4, new StepAnswer(null, null, null, null, null, null, "Ask",
                LocalDate.now(clock.withZone(ZoneId.of("Europe/Helsinki"))).plusDays(1), false)));
        clock.advance(Duration.ofDays(8));
        as("tuula", () -> learning.completeStep(attempt, 5, new StepAnswer(null, 1, "Asked", "Listened", null, null,
                null, null, false)));
        as("tuula", () -> learning.completeStep(attempt, 6, StepAnswer.empty()));
        CertificateView c = as("tuula", () -> certificates.mine()).getFirst();
        assertThat(c.validUntil()).isNotNull();
        assertThat(Duration.between(c.completedAt(), c.validUntil()).toDays()).isBetween(725L, 735L);

        clock.advance(Duration.between(clock.instant(), c.validUntil()).minusDays(10));
        expiry.remindAll();
        assertThat(as("tuula", () -> notifications.mine(20))).extracting(n -> n.messageKey())
                .contains("notify.certificate-expiring");
        clock.advance(Duration.ofDays(20));
        assertThat(verification.verify(c.code()).status()).isEqualTo(Verification.Status.EXPIRED);
        clock.reset();

        assertThatThrownBy(() -> as("sanna", () -> admin.revoke(c.id(), "Not valid"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("admin", () -> admin.revoke(c.id(), "  ")))
                .isInstanceOf(org.encounter.base.InvalidInputException.class);
        as("admin", () -> admin.revoke(c.id(), "Issued by mistake"));
        Verification revoked = verification.verify(c.code());
        assertThat(revoked.status()).isEqualTo(Verification.Status.REVOKED);
        assertThat(revoked.certificate().revokedAt()).isNotNull();
        assertThat(as("tuula", () -> notifications.mine(20))).extracting(n -> n.messageKey())
                .contains("notify.certificate-revoked");

        long youth = jdbc.queryForObject("select id from team where name = 'Youth Services'", Long.class);
        long policing = jdbc.queryForObject("select id from team where name = 'Community Policing'", Long.class);
        var page = org.springframework.data.domain.PageRequest.of(0, 50);
        assertThat(as("admin", () -> admin.page(new CertificateAdminService.Filter("whole person", youth, null, null), page)))
                .extracting(CertificateView::learnerName).contains("Tuula Heikkinen");
        assertThat(as("admin", () -> admin.page(new CertificateAdminService.Filter("whole person", policing, null, null), page)))
                .extracting(CertificateView::learnerName).doesNotContain("Tuula Heikkinen");
        assertThat(as("admin", () -> admin.page(new CertificateAdminService.Filter(null, null,
                LocalDate.now().plusDays(30), null), page))).isEmpty();
        byte[] bytes = as("admin", () -> admin.csv(new CertificateAdminService.Filter("whole person", null, null, null),
                Locale.of("fi")));
        String csv = new String(bytes, 3, bytes.length - 3, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\"Tarkistuskoodi\",\"Suorittaja\",").contains("\"Tuula Heikkinen\"",
                "\"Issued by mistake\"").doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T");
        assertThat(CertificateAdminService.q("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
    }

    @Test
    void an_unknown_code_says_nothing_more_than_unknown() {
        assertThat(verification.verify("0000-0000-0000-0000-0000-0000-00")).isEqualTo(Verification.unknown());
        assertThat(verification.verify("not a code")).isEqualTo(Verification.unknown());
        assertThat(verification.verify(null)).isEqualTo(Verification.unknown());
    }

    @Test
    void codes_carry_128_random_bits_and_are_read_forgivingly() {
        String code = VerificationCodes.next();
        assertThat(code).hasSize(26).matches("[0-9A-HJKMNP-TV-Z]{26}");
        assertThat(VerificationCodes.next()).isNotEqualTo(code);
        assertThat(VerificationCodes.normalise(VerificationCodes.grouped(code).toLowerCase())).contains(code);
    }
}
