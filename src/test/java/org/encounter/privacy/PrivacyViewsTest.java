package org.encounter.privacy;

import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.server.StreamResourceRegistry;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.encounter.KaribuTest;
import org.encounter.ServiceTest;
import org.encounter.base.Dates;
import org.encounter.identity.PersonSummary;
import org.encounter.privacy.ui.ErasureRequestsView;
import org.encounter.privacy.ui.MyDataView;
import org.encounter.privacy.ui.RetentionView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.util.AopTestUtils;
import org.springframework.test.util.ReflectionTestUtils;

/** The privacy screens as their people use them: Your data, the erasure requests page and data retention. */
class PrivacyViewsTest extends KaribuTest {

    /** A learner in no exchange, set or story of the other tests: nothing stands in the way of erasing him. */
    private static final String CALLUM = "callum" + ServiceTest.DOMAIN;

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private ExportBuilder builder;
    @Autowired
    private Dates dates;

    /** No test leaves anyone waiting to be erased. */
    @AfterEach
    void cancelPendingErasures() {
        jdbc.update("update erasure_request set status = 'CANCELLED', cancelled_at = ? where status = 'PENDING'",
                LocalDateTime.now(ZoneOffset.UTC));
    }

    private static String tr(String key, Object... args) {
        return UI.getCurrent().getTranslation(key, args);
    }

    private long personId(String email) {
        return jdbc.queryForObject("select id from person where email = ?", Long.class, email);
    }

    @Test
    void a_person_prepares_their_download_watches_its_progress_and_then_downloads_it() throws Exception {
        signInAs(CALLUM);
        UI.getCurrent().navigate(MyDataView.class);
        assertThat(_find(H2.class).stream().map(H2::getText))
                .contains(tr("privacy.export.heading"), tr("privacy.erasure.heading"));
        Button prepare = _get(Button.class, spec -> spec.withId("prepare-export"));
        assertThat(prepare.getText()).isEqualTo(tr("privacy.export.prepare"));
        assertThat(_find(ProgressBar.class)).isEmpty();

        // The builder is kept busy until the page has been seen at work.
        Object target = AopTestUtils.getTargetObject(builder);
        ExecutorService worker = (ExecutorService) ReflectionTestUtils.getField(target, "worker");
        CountDownLatch hold = new CountDownLatch(1);
        worker.execute(() -> {
            try {
                hold.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            _click(prepare);
            assertThat(_get(Paragraph.class, spec -> spec.withId("export-message")).getText())
                    .isEqualTo(tr("privacy.export.started"));
            ProgressBar bar = _get(ProgressBar.class);
            assertThat(bar.getElement().getAttribute("aria-label")).isEqualTo(tr("privacy.export.preparing", 0));
            assertThat(UI.getCurrent().getPollInterval()).isEqualTo(1000);
            assertThat(prepare.isEnabled()).as("one download at a time").isFalse();
        } finally {
            hold.countDown();
        }

        long export = jdbc.queryForObject("select max(id) from data_export where person_id = ?", Long.class,
                personId(CALLUM));
        waitUntil(() -> "READY".equals(jdbc.queryForObject("select status from data_export where id = ?",
                String.class, export)));
        // The browser's next poll finds it ready.
        ComponentUtil.fireEvent(UI.getCurrent(), new PollEvent(UI.getCurrent(), true));
        assertThat(_find(ProgressBar.class)).isEmpty();
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(-1);
        assertThat(prepare.isEnabled()).isTrue();
        assertThat(_get(Paragraph.class, spec -> spec.withId("export-message")).getText())
                .isEqualTo(tr("privacy.export.ready"));
        Anchor link = _get(Anchor.class, spec -> spec.withClasses("export-download"));
        Long size = jdbc.queryForObject("select size_bytes from data_export where id = ?", Long.class, export);
        assertThat(link.getText()).isEqualTo(tr("privacy.export.download", String.format(UI.getCurrent().getLocale(),
                "%.1f", Math.max(size / 1_048_576.0, 0.1))));

        byte[] zip = download(link);
        Map<String, byte[]> files = DataExportsTest.unzip(new ByteArrayInputStream(zip));
        assertThat(files).containsKey("index.html");
        assertThat(new String(files.get("index.html"), StandardCharsets.UTF_8)).contains("Callum Reid");
    }

    @Test
    void a_person_asks_for_erasure_confirms_sees_the_date_and_cancels() {
        signInAs(CALLUM);
        long callum = personId(CALLUM);
        UI.getCurrent().navigate(MyDataView.class);
        Button ask = _get(Button.class, spec -> spec.withId("ask-erasure"));
        assertThat(ask.getText()).isEqualTo(tr("privacy.erasure.ask"));
        assertThat(_get(Paragraph.class, spec -> spec.withId("erasure-problem")).getText()).isEmpty();
        // Every choice is a labelled checkbox.
        assertThat(_find(Checkbox.class)).isNotEmpty().allSatisfy(box -> assertThat(box.getLabel()).isNotBlank());

        // Asked, then thought better of it: nothing is recorded.
        _click(ask);
        ConfirmDialog confirm = _get(ConfirmDialog.class, spec -> spec.withId("erasure-confirm"));
        assertThat(confirm.getElement().getProperty("confirmText")).isEqualTo(tr("privacy.erasure.confirm.yes"));
        assertThat(confirm.getElement().getProperty("cancelText")).isEqualTo(tr("privacy.erasure.confirm.no"));
        ComponentUtil.fireEvent(confirm, new ConfirmDialog.CancelEvent(confirm, true));
        confirm.close(); // as the browser does
        assertThat(pendingFor(callum)).isZero();

        _click(ask);
        confirm = _get(ConfirmDialog.class, spec -> spec.withId("erasure-confirm"));
        ComponentUtil.fireEvent(confirm, new ConfirmDialog.ConfirmEvent(confirm, true));
        confirm.close();
        assertThat(pendingFor(callum)).isOne();
        Instant due = jdbc.queryForObject("select due_at from erasure_request where person_id = ? and status = 'PENDING'",
                LocalDateTime.class, callum).toInstant(ZoneOffset.UTC);
        assertThat(Duration.between(Instant.now(), due)).isBetween(Duration.ofDays(14).minusMinutes(5),
                Duration.ofDays(14));
        String day = dates.dates(FormatStyle.LONG, UI.getCurrent().getLocale()).format(due);
        assertThat(_get(Paragraph.class, spec -> spec.withId("erasure-pending")).getText())
                .isEqualTo(tr("privacy.erasure.pending", day));
        assertThat(_find(Button.class, spec -> spec.withId("ask-erasure"))).isEmpty();

        _click(_get(Button.class, spec -> spec.withId("cancel-erasure")));
        assertThat(pendingFor(callum)).isZero();
        assertThat(jdbc.queryForObject("select status from erasure_request where person_id = ? order by id desc limit 1",
                String.class, callum)).isEqualTo("CANCELLED");
        assertThat(_find(Paragraph.class, spec -> spec.withId("erasure-pending"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("ask-erasure"))).hasSize(1);
    }

    @Test
    void the_last_platform_admin_is_told_she_cannot_be_erased() {
        signInAs("admin" + ServiceTest.DOMAIN);
        UI.getCurrent().navigate(MyDataView.class);
        Paragraph problem = _get(Paragraph.class, spec -> spec.withId("erasure-problem"));
        assertThat(problem.getText()).isEqualTo(tr("privacy.erasure.last-admin"));
        assertThat(problem.getElement().getAttribute("role")).isEqualTo("alert");
        _click(_get(Button.class, spec -> spec.withId("ask-erasure")));
        assertThat(_find(ConfirmDialog.class)).isEmpty();
        assertThat(problem.getText()).isEqualTo(tr("privacy.erasure.last-admin"));
        assertThat(pendingFor(personId("admin" + ServiceTest.DOMAIN))).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_organisation_admin_records_a_request_for_one_of_her_people_sees_it_pending_and_cancels_it() {
        long sanna = personId("sanna" + ServiceTest.DOMAIN);
        signInAs("riikka" + ServiceTest.DOMAIN);
        UI.getCurrent().navigate(ErasureRequestsView.class);
        Button record = _get(Button.class, spec -> spec.withId("record-erasure"));
        Paragraph problem = _get(Paragraph.class, spec -> spec.withId("erasure-problem"));
        _click(record);
        assertThat(problem.getText()).isEqualTo(tr("privacy.requests.choose-person"));

        // Sanna wrote to her: she finds her by the address the e-mail came from.
        ComboBox<PersonSummary> person = _get(ComboBox.class, spec -> spec.withId("erasure-person"));
        assertThat(person.getLabel()).isEqualTo(tr("privacy.requests.person"));
        ComboBoxKt.setUserInput(person, "sanna@demo");
        assertThat(ComboBoxKt.getSuggestions(person)).containsExactly("Sanna Nieminen (sanna" + ServiceTest.DOMAIN + ")");
        _setValue(person, ComboBoxKt.getSuggestionItems(person).getFirst());
        _click(record);
        assertThat(problem.getText()).isEmpty();
        assertThat(jdbc.queryForObject("select origin from erasure_request where person_id = ? and status = 'PENDING'",
                String.class, sanna)).isEqualTo("ADMIN");

        Grid<Erasures.Request> grid = _get(Grid.class, spec -> spec.withId("erasure-requests"));
        int row = rowOf(grid, "Sanna Nieminen");
        assertThat(_getFormattedRow(grid, row)).contains(tr("privacy.origin.admin"));
        Button cancel = (Button) _getCellComponent(grid, row, "action");
        assertThat(cancel.getText()).isEqualTo(tr("privacy.erasure.cancel"));
        _click(cancel);
        assertThat(pendingFor(sanna)).isZero();
        assertThat(IntStream.range(0, _size(grid)).mapToObj(i -> _getFormattedRow(grid, i).getFirst()))
                .doesNotContain("Sanna Nieminen");
    }

    @Test
    void the_platform_admin_sets_retention_periods_is_told_of_a_value_out_of_range_and_runs_the_job() {
        Map<String, Object> saved = jdbc.queryForMap("select * from retention_setting where id = 1");
        try {
            signInAs("admin" + ServiceTest.DOMAIN);
            UI.getCurrent().navigate(RetentionView.class);
            IntegerField answers = _get(IntegerField.class, spec -> spec.withId("retention-answers"));
            IntegerField accounts = _get(IntegerField.class, spec -> spec.withId("retention-accounts"));
            IntegerField files = _get(IntegerField.class, spec -> spec.withId("retention-files"));
            for (IntegerField field : List.of(answers, accounts, files)) {
                assertThat(field.getLabel()).isNotBlank();
            }
            Button save = _get(Button.class, spec -> spec.withId("save-retention"));

            _setValue(answers, 400);
            _setValue(accounts, 1000);
            _setValue(files, 10);
            _click(save);
            assertThat(jdbc.queryForMap("select private_answers_days, inactive_account_days, export_file_days"
                    + " from retention_setting where id = 1")).containsEntry("private_answers_days", 400)
                    .containsEntry("inactive_account_days", 1000).containsEntry("export_file_days", 10);
            assertThat(answers.isInvalid()).isFalse();

            _setValue(answers, 5);
            _click(save);
            assertThat(answers.isInvalid()).isTrue();
            assertThat(answers.getErrorMessage()).isEqualTo(tr("privacy.retention.days-range",
                    RetentionSettings.MIN_DAYS, RetentionSettings.MAX_DAYS));
            assertThat(accounts.isInvalid()).isFalse();
            assertThat(jdbc.queryForObject("select private_answers_days from retention_setting where id = 1",
                    Integer.class)).isEqualTo(400);

            long runs = jdbc.queryForObject("select count(*) from retention_run", Long.class);
            _click(_get(Button.class, spec -> spec.withId("run-retention")));
            assertThat(jdbc.queryForObject("select count(*) from retention_run", Long.class)).isEqualTo(runs + 1);
            @SuppressWarnings("unchecked")
            Grid<RetentionSettings.Run> grid = _get(Grid.class, spec -> spec.withId("retention-runs"));
            assertThat(_size(grid)).isEqualTo((int) Math.min(10, runs + 1));
            assertThat(String.join(" | ", _getFormattedRow(grid, 0)))
                    .contains(tr("privacy.retention.kind.exportFiles", 0))
                    .contains(tr("privacy.retention.kind.inactiveAccounts", 0));
        } finally {
            jdbc.update("""
                            update retention_setting set private_answers_days = ?, inactive_account_days = ?,
                                   export_file_days = ?, updated_by = ?, updated_at = ? where id = 1""",
                    saved.get("private_answers_days"), saved.get("inactive_account_days"),
                    saved.get("export_file_days"), saved.get("updated_by"), saved.get("updated_at"));
        }
    }

    private long pendingFor(long personId) {
        return jdbc.queryForObject("select count(*) from erasure_request where person_id = ? and status = 'PENDING'",
                Long.class, personId);
    }

    private static int rowOf(Grid<?> grid, String name) {
        return IntStream.range(0, _size(grid)).filter(i -> _getFormattedRow(grid, i).getFirst().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError(name + " is not in the grid"));
    }

    /** Runs the link's download as a browser's click would, into memory. */
    private static byte[] download(Anchor anchor) throws Exception {
        var resource = VaadinSession.getCurrent().getResourceRegistry().getResource(URI.create(anchor.getHref()))
                .orElseThrow();
        DownloadHandler handler = (DownloadHandler) ((StreamResourceRegistry.ElementStreamResource) resource)
                .getElementRequestHandler();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        VaadinResponse response = mock(VaadinResponse.class);
        when(response.getOutputStream()).thenReturn(bytes);
        handler.handleDownloadRequest(new DownloadEvent(VaadinRequest.getCurrent(), response,
                VaadinSession.getCurrent(), anchor.getElement()));
        return bytes.toByteArray();
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) {
        long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("not within 90 s");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
