package org.encounter.privacy.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.PermitAll;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Optional;
import org.encounter.base.Dates;
import org.encounter.base.InvalidInputException;
import org.encounter.base.PersonalData.ErasureChoices;
import org.encounter.base.ui.Notifications;
import org.encounter.identity.CurrentPerson;
import org.encounter.privacy.DataExports;
import org.encounter.privacy.Erasures;

/**
 * "Your data", for everyone signed in: download everything the platform holds about you, and ask for it to be erased
 * (or take the request back while the cool-off lasts). Reached from the profile page.
 */
@Route("my-data")
@PermitAll
public class MyDataView extends VerticalLayout implements HasDynamicTitle {

    private final DataExports exports;
    private final Erasures erasures;
    private final Dates dates;
    private final long me;
    private final Div exportList = new Div();
    private final Div erasure = new Div();
    private final Paragraph exportMessage = new Paragraph();
    private final Button prepare;
    private Registration polling;
    private boolean working;

    public MyDataView(DataExports exports, Erasures erasures, CurrentPerson current, Dates dates) {
        this.exports = exports;
        this.erasures = erasures;
        this.dates = dates;
        this.me = current.requireId();
        addClassName("view");
        add(new H1(getTranslation("privacy.title")));

        add(new H2(getTranslation("privacy.export.heading")));
        add(new Paragraph(getTranslation("privacy.export.intro")));
        prepare = new Button(getTranslation("privacy.export.prepare"), e -> prepare());
        prepare.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        prepare.setId("prepare-export");
        exportMessage.getElement().setAttribute("role", "status");
        exportMessage.setId("export-message");
        exportList.setId("exports");
        add(prepare, exportMessage, exportList);

        add(new H2(getTranslation("privacy.erasure.heading")));
        erasure.setId("erasure");
        add(erasure);
        showExports();
        showErasure();
    }

    /** While a download is being prepared the page asks every second how far it got. */
    @Override
    protected void onAttach(AttachEvent event) {
        polling = event.getUI().addPollListener(e -> showExports());
        event.getUI().setPollInterval(working ? 1000 : -1);
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (polling != null) {
            polling.remove();
            polling = null;
        }
        event.getUI().setPollInterval(-1);
    }

    private void prepare() {
        try {
            exports.request(me);
            exportMessage.setText(getTranslation("privacy.export.started"));
        } catch (InvalidInputException e) {
            exportMessage.setText(getTranslation(e.errors().getFirst().messageKey()));
        }
        showExports();
    }

    private void showExports() {
        exportList.removeAll();
        List<DataExports.Export> mine = exports.mine();
        boolean wasWorking = working;
        working = false;
        var when = dates.dateTimes(getLocale());
        var day = dates.dates(FormatStyle.LONG, getLocale());
        for (DataExports.Export export : mine) {
            Div row = new Div();
            row.addClassName("home-card");
            row.add(new Paragraph(getTranslation("privacy.export.requested", when.format(export.requestedAt()))));
            switch (export.status()) {
                case QUEUED, RUNNING -> {
                    working = true;
                    ProgressBar bar = new ProgressBar(0, 100, export.percent());
                    String label = getTranslation("privacy.export.preparing", export.percent());
                    bar.getElement().setAttribute("aria-label", label);
                    bar.addClassName("export-progress");
                    row.add(new Span(label), bar);
                }
                case READY -> {
                    Anchor download = new Anchor(DownloadHandler.fromInputStream(e -> new DownloadResponse(
                            exports.open(export.id()), exports.fileName(export.id()), "application/zip",
                            export.sizeBytes() == null ? -1 : export.sizeBytes())),
                            getTranslation("privacy.export.download", megabytes(export.sizeBytes())));
                    download.getElement().setAttribute("download", true);
                    download.addClassName("export-download");
                    row.add(download, new Paragraph(getTranslation("privacy.export.until",
                            day.format(export.expiresAt()))));
                }
                case FAILED -> row.add(new Paragraph(getTranslation("privacy.export.failed")));
                case EXPIRED -> row.add(new Paragraph(getTranslation("privacy.export.expired")));
            }
            exportList.add(row);
        }
        prepare.setEnabled(!working);
        if (wasWorking && !working && !mine.isEmpty() && mine.getFirst().status() == DataExports.Status.READY) {
            exportMessage.setText(getTranslation("privacy.export.ready"));
        }
        UI ui = UI.getCurrent();
        if (ui != null) {
            ui.setPollInterval(working ? 1000 : -1);
        }
    }

    private String megabytes(Long bytes) {
        double mb = bytes == null ? 0 : bytes / 1_048_576.0;
        return String.format(getLocale(), "%.1f", Math.max(mb, 0.1));
    }

    private void showErasure() {
        erasure.removeAll();
        Optional<Erasures.Request> pending = erasures.pending(me);
        var day = dates.dates(FormatStyle.LONG, getLocale());
        if (pending.isPresent()) {
            Erasures.Request request = pending.get();
            Paragraph status = new Paragraph(getTranslation("privacy.erasure.pending", day.format(request.dueAt())));
            status.setId("erasure-pending");
            Button cancel = new Button(getTranslation("privacy.erasure.cancel"), e -> {
                erasures.cancel(request.id());
                Notifications.success(getTranslation("privacy.erasure.cancelled"));
                showErasure();
            });
            cancel.setId("cancel-erasure");
            erasure.add(status, cancel);
            return;
        }
        erasure.add(new Paragraph(getTranslation("privacy.erasure.intro", erasures.coolOff().toDays())));
        UnorderedList stays = new UnorderedList(new ListItem(getTranslation("privacy.erasure.stays.certificates")),
                new ListItem(getTranslation("privacy.erasure.stays.aggregates")),
                new ListItem(getTranslation("privacy.erasure.stays.modules")));
        erasure.add(new Paragraph(getTranslation("privacy.erasure.stays")), stays);
        Checkbox keepStories = new Checkbox(getTranslation("privacy.erasure.keep-stories"));
        Checkbox coDesigner = new Checkbox(getTranslation("privacy.erasure.co-designer"));
        Checkbox endExchange = new Checkbox(getTranslation("privacy.erasure.end-exchange"));
        keepStories.setId("keep-stories");
        coDesigner.setId("credit-co-designer");
        endExchange.setId("end-exchange");
        Paragraph problem = new Paragraph();
        problem.getElement().setAttribute("role", "alert");
        problem.setId("erasure-problem");
        List<String> standing = erasures.blockers(me, new ErasureChoices(false, false, false));
        endExchange.setVisible(standing.contains("privacy.erasure.open-exchange"));
        if (standing.contains("privacy.erasure.last-admin")) {
            // Nothing the person ticks changes this one: say so before they try.
            problem.setText(getTranslation("privacy.erasure.last-admin"));
        }
        Button ask = new Button(getTranslation("privacy.erasure.ask"));
        ask.addThemeVariants(ButtonVariant.LUMO_ERROR);
        ask.setId("ask-erasure");
        ask.addClickListener(e -> {
            ErasureChoices choices = new ErasureChoices(keepStories.getValue(), coDesigner.getValue(),
                    endExchange.getValue());
            List<String> blockers = erasures.blockers(me, choices);
            if (!blockers.isEmpty()) {
                problem.setText(getTranslation(blockers.getFirst()));
                endExchange.setVisible(endExchange.isVisible() || blockers.contains("privacy.erasure.open-exchange"));
                return;
            }
            problem.setText("");
            ConfirmDialog confirm = new ConfirmDialog();
            confirm.setId("erasure-confirm");
            confirm.setHeader(getTranslation("privacy.erasure.confirm.header"));
            confirm.setText(getTranslation("privacy.erasure.confirm.text", erasures.coolOff().toDays()));
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("privacy.erasure.confirm.no"));
            confirm.setConfirmText(getTranslation("privacy.erasure.confirm.yes"));
            confirm.setConfirmButtonTheme("error primary");
            confirm.addConfirmListener(c -> {
                try {
                    erasures.request(me, choices);
                    showErasure();
                } catch (InvalidInputException ex) {
                    problem.setText(getTranslation(ex.errors().getFirst().messageKey()));
                }
            });
            confirm.open();
        });
        erasure.add(keepStories, new Div(), coDesigner, new Div(), endExchange, problem, ask);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("privacy.title") + " · " + getTranslation("app.name");
    }
}
