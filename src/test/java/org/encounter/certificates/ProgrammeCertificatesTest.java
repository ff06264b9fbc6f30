package org.encounter.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.encounter.ServiceTest;
import org.encounter.TestClock;
import org.encounter.notifications.NotificationService;
import org.encounter.progress.Cell;
import org.encounter.progress.OrganisationProgressService;
import org.encounter.progress.ProgressFilter;
import org.encounter.progress.TeamProgressService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A completed Leadership Exchange earns a certificate through the event the exchange feature publishes: once per
 * person and completion, printed, signed and verifiable like a module's, and invisible to the module-keyed progress
 * matrix. Callum (the city, English) and Emma (the city, Finnish; registered "Emma Lehtonen", shown as "Emma") hold
 * them; each test uses references of its own.
 */
class ProgrammeCertificatesTest extends ServiceTest {

    @org.springframework.beans.factory.annotation.Autowired
    private org.encounter.TestClock verifyClock;
    @org.springframework.beans.factory.annotation.Autowired
    private org.encounter.certificates.VerifyRateLimiter verifyLimiter;

    @org.junit.jupiter.api.BeforeEach
    void nothingCountedAtVerify() {
        org.encounter.VerifyLimit.forget(verifyClock, verifyLimiter);
    }

    static final String CITY = "City of Aurajoki Youth and Community Services";
    static final String PARTNER = "Aurajoki Wellbeing Services County";
    static final String ROUND = "Spring 2027";
    private static final AtomicInteger REFERENCES = new AtomicInteger();

    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;
    @Autowired CertificateService certificates;
    @Autowired VerificationService verification;
    @Autowired CertificateAdminService admin;
    @Autowired ExpiryReminders expiry;
    @Autowired NotificationService notifications;
    @Autowired TeamProgressService teamProgress;
    @Autowired OrganisationProgressService organisationProgress;
    @Autowired CertificateFacts facts;
    @Autowired ApplicationContext context;
    @Autowired TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private ProgrammeCompleted exchange(String who, String round) {
        long partnership = jdbc.queryForObject("select id from partnership where name = 'One Aurajoki'", Long.class);
        return new ProgrammeCompleted(personId(who), "exchange",
                "exchange-pair:test-" + System.nanoTime() + "-" + REFERENCES.incrementAndGet(), round, PARTNER,
                partnership, "One Aurajoki", clock.instant().minus(Duration.ofDays(2)));
    }

    /** As the exchange feature does: inside its transaction, so certificates hear of it once that commits. */
    private void publish(ProgrammeCompleted event) {
        transactions.executeWithoutResult(status -> events.publishEvent(event));
    }

    private int issued(ProgrammeCompleted event) {
        return jdbc.queryForObject("select count(*) from certificate where learner_id = ? and programme_reference = ?",
                Integer.class, event.personId(), event.reference());
    }

    private CertificateView certificate(String who, ProgrammeCompleted event) {
        long id = jdbc.queryForObject("select id from certificate where learner_id = ? and programme_reference = ?",
                Long.class, event.personId(), event.reference());
        return as(who, () -> certificates.mine()).stream().filter(c -> c.id() == id).findFirst().orElseThrow();
    }

    @Test
    void completing_an_exchange_issues_one_certificate_with_the_registered_name_organisation_title_and_partners() {
        ProgrammeCompleted event = exchange("emma", ROUND);
        publish(event);

        assertThat(issued(event)).isEqualTo(1);
        Map<String, Object> row = jdbc.queryForMap("select * from certificate where programme_reference = ?",
                event.reference());
        assertThat(row.get("learner_name")).isEqualTo("Emma Lehtonen");
        assertThat(row.get("organisation")).isEqualTo(CITY);
        assertThat(row.get("programme")).isEqualTo("exchange");
        assertThat(row.get("module_title")).isEqualTo(ROUND);
        assertThat(row.get("partner_organisation")).isEqualTo(PARTNER);
        assertThat(row.get("partnership_name")).isEqualTo("One Aurajoki");
        assertThat(row.get("attempt_id")).isNull();
        assertThat(row.get("module_id")).isNull();
        assertThat(row.get("valid_until")).isNull();

        CertificateView mine = certificate("emma", event);
        assertThat(mine.isProgramme()).isTrue();
        assertThat(mine.learnerName()).isEqualTo("Emma Lehtonen");
        assertThat(mine.organisation()).isEqualTo(CITY);
        assertThat(mine.partnerOrganisation()).isEqualTo(PARTNER);
        assertThat(mine.partnership()).isEqualTo("One Aurajoki");
        assertThat(mine.validUntil()).isNull();
        assertThat(mine.completedAt()).isEqualTo(event.completedAt().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        assertThat(mine.title((key, args) -> context.getBean(com.vaadin.flow.i18n.I18NProvider.class)
                .getTranslation(key, Locale.ENGLISH, args))).isEqualTo("Leadership Exchange: " + ROUND);
    }

    @Test
    void a_partnership_given_by_id_alone_is_named_as_it_is_called_at_issue() {
        ProgrammeCompleted given = exchange("callum", ROUND);
        ProgrammeCompleted event = new ProgrammeCompleted(given.personId(), given.programme(), given.reference(),
                given.name(), given.partnerOrganisation(), given.partnershipId(), null, given.completedAt());
        publish(event);
        assertThat(certificate("callum", event).partnership()).isEqualTo("One Aurajoki");
    }

    @Test
    void the_same_completion_twice_or_twice_at_once_still_leaves_exactly_one_certificate() throws Exception {
        ProgrammeCompleted event = exchange("callum", ROUND);
        publish(event);
        publish(event);
        events.publishEvent(event); // outside any transaction too (fallbackExecution)
        assertThat(issued(event)).isEqualTo(1);

        // Two arrivals at the same moment, several times over: the database lets exactly one in each time, and
        // neither publisher sees an error.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                ProgrammeCompleted doubled = exchange("callum", ROUND);
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<?>> arrivals = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    arrivals.add(pool.submit(() -> {
                        together.await(10, TimeUnit.SECONDS);
                        publish(doubled);
                        return null;
                    }));
                }
                for (Future<?> arrival : arrivals) {
                    arrival.get(60, TimeUnit.SECONDS);
                }
                assertThat(issued(doubled)).as("certificates for %s", doubled.reference()).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void verification_says_valid_and_names_the_programme_and_the_partner_organisation() {
        ProgrammeCompleted event = exchange("callum", ROUND);
        publish(event);
        CertificateView mine = certificate("callum", event);

        Verification v = verification.verify(mine.code());
        assertThat(v.status()).isEqualTo(Verification.Status.VALID);
        assertThat(v.certificate().programme()).isEqualTo("exchange");
        assertThat(v.certificate().partnerOrganisation()).isEqualTo(PARTNER);
        assertThat(v.certificate().moduleTitle()).isEqualTo(ROUND);
        assertThat(v.certificate().learnerName()).isEqualTo("Callum Reid");

        assertThat(verifyPage(mine.code())).contains("Callum Reid", "completed Leadership Exchange: " + ROUND,
                "With " + PARTNER, "issued by " + CITY, "In partnership with One Aurajoki")
                .doesNotContain("version", "Co-designed");
    }

    @Test
    void the_pdf_reads_as_an_exchange_certificate_in_english_and_finnish_and_is_signed_like_a_modules()
            throws Exception {
        ProgrammeCompleted callums = exchange("callum", ROUND);
        publish(callums);
        CertificateView mine = certificate("callum", callums);
        byte[] pdf = as("callum", () -> certificates.pdf(mine.id(), Locale.ENGLISH));

        assertThat(pdfText(pdf)).contains("Callum Reid", "Leadership Exchange: " + ROUND, "with " + PARTNER,
                "Issued by " + CITY, "in partnership with One Aurajoki", mine.code())
                .doesNotContain("Version", "time spent", "Co-designed", "null");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getDocumentInformation().getTitle()).contains("Leadership Exchange: " + ROUND, "Callum Reid");
            assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("en");
        }
        assertThat(PdfQrCode.read(pdf)).singleElement().asString()
                .isEqualTo("http://localhost:8080/verify/" + mine.code().replace("-", ""));
        assertThat(CertificatesTest.signatureValid(pdf)).isTrue();
        byte[] tampered = pdf.clone();
        int at = new String(tampered, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("/Producer");
        tampered[at + 12] = (byte) (tampered[at + 12] ^ 1);
        assertThat(CertificatesTest.signatureValid(tampered)).isFalse();
        assertPdfA2a(pdf);
        assertThatThrownBy(() -> as("jussi", () -> certificates.pdf(mine.id(), Locale.ENGLISH)))
                .isInstanceOf(AccessDeniedException.class);

        // Emma reads Finnish.
        ProgrammeCompleted emmas = exchange("emma", ROUND);
        publish(emmas);
        CertificateView hers = certificate("emma", emmas);
        byte[] finnish = as("emma", () -> certificates.pdf(hers.id(), Locale.of("fi")));
        assertThat(pdfText(finnish)).contains("Emma Lehtonen", "Johtajavaihto: " + ROUND,
                "kumppaniorganisaatio: " + PARTNER, "Myöntäjä " + CITY, "yhteistyössä: One Aurajoki")
                .doesNotContain("Leadership Exchange", "Versio", "käytetty aika");
        assertThat(CertificatesTest.signatureValid(finnish)).isTrue();
        assertThat(pdfText(as("emma", () -> certificates.pdf(hers.id(), Locale.of("sv")))))
                .contains("Ledarutbyte: " + ROUND, "tillsammans med " + PARTNER);
    }

    @Test
    void team_progress_and_organisation_figures_still_work_and_a_programme_adds_no_module_cell() {
        long youth = jdbc.queryForObject("select id from team where name = 'Youth Services'", Long.class);
        long jussi = personId("jussi");
        Map<Long, Cell> before = as("mikko", () -> teamProgress.progress(youth, ProgressFilter.ALL)).cells()
                .getOrDefault(jussi, Map.of());
        long countedBefore = countedEverywhere();

        ProgrammeCompleted event = exchange("jussi", "Progress check round");
        publish(event);

        var after = as("mikko", () -> teamProgress.progress(youth, ProgressFilter.ALL));
        assertThat(after.cells().getOrDefault(jussi, Map.of())).isEqualTo(before);
        assertThat(after.modules()).noneMatch(m -> m.moduleId() == 0 || m.title().contains("Progress check round"));
        assertThat(as("mikko", () -> teamProgress.charts(youth))).isNotNull();
        assertThat(as("mikko", () -> teamProgress.matrixCsv(youth, ProgressFilter.ALL, Locale.ENGLISH))).isNotEmpty();
        LocalDate today = LocalDate.now(clock);
        assertThat(new String(as("mikko", () -> teamProgress.certificationsCsv(youth, today.minusDays(30), today,
                Locale.ENGLISH)), java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("Progress check round");
        List<Long> members = as("mikko", () -> teamProgress.members(youth)).stream()
                .map(org.encounter.identity.PersonRef::id).toList();
        // Jussi holds it, yet the module-keyed facts leave it out.
        assertThat(issued(event)).isEqualTo(1);
        assertThat(as("mikko", () -> facts.held(members))).allSatisfy(h -> {
            assertThat(h.moduleId()).isPositive();
            assertThat(h.moduleTitle()).isNotEqualTo("Progress check round");
        });

        // Organisation figures count it with the valid certificates (it never expires).
        assertThat(countedEverywhere()).isEqualTo(countedBefore + 1);
        long city = jdbc.queryForObject("select id from organisation where name = ?", Long.class, CITY);
        assertThat(as("riikka", () -> organisationProgress.overview(city)).certificates().valid()).isPositive();
        expiry.remindAll();
    }

    private long countedEverywhere() {
        var counts = as("admin", () -> organisationProgress.overview()).certificates();
        return counts.valid() + counts.expiring() + counts.expired();
    }

    @Test
    void an_admin_lists_exports_and_revokes_a_programme_certificate_and_the_holder_is_told() {
        String round = "Revocation round " + REFERENCES.incrementAndGet();
        ProgrammeCompleted event = exchange("callum", round);
        publish(event);
        CertificateView mine = certificate("callum", event);
        var page = PageRequest.of(0, 50);

        assertThat(as("admin", () -> admin.page(new CertificateAdminService.Filter(round, null, null, null), page)))
                .singleElement().satisfies(c -> {
                    assertThat(c.learnerName()).isEqualTo("Callum Reid");
                    assertThat(c.isProgramme()).isTrue();
                });
        byte[] bytes = as("admin", () -> admin.csv(new CertificateAdminService.Filter(round, null, null, null),
                Locale.of("fi")));
        String csv = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).contains("\"Johtajavaihto: " + round + "\"", "\"Callum Reid\"");

        as("admin", () -> admin.revoke(mine.id(), "Issued by mistake"));
        assertThat(verification.verify(mine.code()).status()).isEqualTo(Verification.Status.REVOKED);
        assertThat(as("callum", () -> notifications.mine(20))).extracting(n -> n.messageKey())
                .contains("notify.certificate-revoked.exchange");
    }

    private static String pdfText(byte[] pdf) throws java.io.IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    private static void assertPdfA2a(byte[] pdf) throws Exception {
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
