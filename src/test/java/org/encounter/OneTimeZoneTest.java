package org.encounter;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.encounter.authoring.PublishedModule;
import org.encounter.authoring.PublishedModules;
import org.encounter.authoring.StepType;
import org.encounter.base.InvalidInputException;
import org.encounter.certificates.CertificateService;
import org.encounter.certificates.CertificateView;
import org.encounter.certificates.ui.MyCertificatesView;
import org.encounter.learning.AssignmentService;
import org.encounter.learning.LearningService;
import org.encounter.learning.StepAnswer;
import org.encounter.progress.ProgressFilter;
import org.encounter.progress.TeamProgressService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * One zone (TIME_ZONE, Helsinki here) and one clock for every date: at 23:30 UTC it is already tomorrow in Helsinki,
 * and every screen, the certificate, the CSV and the rules say so, while the server's own zone (UTC) says today.
 * Its own context and database: it moves the clock and completes a module.
 */
@EncounterTest
@TestPropertySource(properties = {"encounter.test.context=one-time-zone", "encounter.time-zone=Europe/Helsinki"})
class OneTimeZoneTest extends KaribuTest {

    static final String DOMAIN = "@demo.encounter.example";
    static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;
    @Autowired LearningService learning;
    @Autowired PublishedModules published;
    @Autowired CertificateService certificates;
    @Autowired TeamProgressService progress;
    @Autowired AssignmentService assignments;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** The next 23:30 UTC that is at least a day away. */
    static Instant half_past_eleven_utc() {
        return LocalDate.now(ZoneOffset.UTC).plusDays(2).atTime(23, 30).toInstant(ZoneOffset.UTC);
    }

    @Test
    void at_half_past_eleven_utc_every_date_is_the_helsinki_date() throws IOException {
        assertThat(ZoneId.systemDefault().getRules().getOffset(Instant.now())).as("the server's own zone")
                .isNotEqualTo(HELSINKI.getRules().getOffset(Instant.now()));
        jdbc.update("update person set language = 'fi' where email = ?", "callum" + DOMAIN);
        long module = jdbc.queryForObject("select id from module where title = 'See the whole person'", Long.class);
        Instant start = half_past_eleven_utc();
        LocalDate helsinkiToday = LocalDate.ofInstant(start, HELSINKI);
        assertThat(helsinkiToday).isEqualTo(LocalDate.ofInstant(start, ZoneOffset.UTC).plusDays(1));
        clock.freezeAt(start);

        // A manager assigns it due "today": the notification speaks Finnish dates, not 2026-12-08.
        signInAs("fiona" + DOMAIN);
        assignments.assign(module, List.of(person("callum")), helsinkiToday);
        tearDownVaadin();

        signInAs("callum" + DOMAIN);
        long attempt = learning.start(module);
        PublishedModule steps = published.current(module).orElseThrow();
        int position = 0;
        while (steps.steps().get(position).type() != StepType.ACTION_PLAN) {
            learning.completeStep(attempt, position, new StepAnswer("Mietin.", 0, null, null, null, null, null, null,
                    false));
            position++;
        }
        // The player offers Helsinki's today, and the rule agrees: today is fine, yesterday (UTC's today) is past.
        UI.getCurrent().navigate("learn/attempt/" + attempt);
        DatePicker when = _get(DatePicker.class, spec -> spec.withId("player-action-date"));
        assertThat(when.getMin()).isEqualTo(helsinkiToday);
        assertThat(when.getI18n().getToday()).isEqualTo("Tänään");
        assertThat(when.getI18n().getMonthNames().getFirst()).isEqualTo("Tammikuu");
        assertThat(when.getI18n().getFirstDayOfWeek()).isEqualTo(1);
        int plan = position;
        assertThatThrownBy(() -> learning.completeStep(attempt, plan, action(helsinkiToday.minusDays(1))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().getFirst().messageKey())
                        .isEqualTo("player.date-past"));
        learning.completeStep(attempt, plan, action(helsinkiToday));

        // The report back, two weeks later, again at 23:30 UTC: the module is completed on Helsinki's day.
        Instant done = start.plus(Duration.ofDays(14));
        LocalDate doneDay = LocalDate.ofInstant(done, HELSINKI);
        clock.freezeAt(done);
        for (position = plan + 1; position < steps.steps().size(); position++) {
            learning.completeStep(attempt, position, steps.steps().get(position).type() == StepType.REPORT_BACK
                    ? new StepAnswer(null, 1, "Kysyin.", "He vastasivat.", "Kysy.", "Kysyn.", null, null, false)
                    : StepAnswer.empty());
        }
        String fiMedium = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Locale.of("fi"))
                .format(doneDay);
        String fiLong = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.of("fi")).format(doneDay);
        String utcLong = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.of("fi"))
                .format(doneDay.minusDays(1));

        UI.getCurrent().navigate("learn/mine");
        assertThat(_get(Div.class, spec -> spec.withId("my-learning-completed")).getElement().getTextRecursively())
                .contains("Suoritettu " + fiMedium);
        UI.getCurrent().navigate("certificates");
        assertThat(_get(MyCertificatesView.class).getElement().getTextRecursively()).contains(fiLong).doesNotContain(utcLong);
        CertificateView certificate = certificates.mine().getFirst();
        String pdf = text(certificates.pdf(certificate.id(), Locale.of("fi")));
        assertThat(pdf).contains(fiLong).doesNotContain(utcLong);

        UI.getCurrent().navigate("notifications");
        String notifications = _get(Div.class, spec -> spec.withId("notifications")).getElement().getTextRecursively();
        assertThat(notifications).contains(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(
                Locale.of("fi")).format(helsinkiToday)).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
        tearDownVaadin();

        // The public page, and the manager's team progress, say the same day.
        signInAs("fiona" + DOMAIN);
        UI.getCurrent().setLocale(Locale.of("fi"));
        UI.getCurrent().navigate("verify/" + certificate.code());
        assertThat(_get(Div.class, spec -> spec.withId("verify-result")).getElement().getTextRecursively())
                .contains(fiLong).doesNotContain(utcLong);
        long team = jdbc.queryForObject("select id from team where name = 'Community Policing'", Long.class);
        String csv = new String(progress.matrixCsv(team, ProgressFilter.ALL, Locale.of("fi")), StandardCharsets.UTF_8);
        assertThat(csv).contains(doneDay.toString()).doesNotContain(doneDay.minusDays(1).toString());
    }

    @Test
    void no_code_but_the_one_zone_asks_for_a_zone_or_the_time() throws IOException {
        // Dates is the one place that knows TIME_ZONE and reads the clock's day; nothing else picks its own.
        List<String> offenders;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            offenders = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.endsWith(Path.of("org/encounter/base/Dates.java")))
                    .flatMap(f -> lines(f).stream().map(l -> f.getFileName() + ": " + l.strip()))
                    .filter(l -> l.matches(".*(ZoneId\\.systemDefault|ZoneId\\.of\\(\"|TimeZone\\.getDefault"
                            + "|LocalDate\\.now\\(\\)|LocalDateTime\\.now\\(|ZonedDateTime\\.now\\(|encounter\\.time-zone"
                            + "|Instant\\.now\\(\\)).*"))
                    .toList();
        }
        assertThat(offenders).isEmpty();
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static StepAnswer action(LocalDate date) {
        return new StepAnswer(null, null, null, null, null, null, "Kysyn ensin.", date, false);
    }

    private long person(String who) {
        return jdbc.queryForObject("select id from person where email = ?", Long.class, who + DOMAIN);
    }

    private static String text(byte[] pdf) throws IOException {
        try (var doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
