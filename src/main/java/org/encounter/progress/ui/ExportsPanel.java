package org.encounter.progress.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.encounter.base.InvalidInputException;
import org.encounter.base.ui.DownloadLink;
import org.encounter.base.ui.FormErrors;
import org.encounter.progress.ImpactService;
import org.encounter.progress.ProgressFilter;
import org.encounter.progress.TeamProgressService;

/**
 * The manager's CSV exports: the matrix as filtered, the team's impact figures (released cohorts only, as on
 * the impact tab), and the team's certificates for a date range.
 */
class ExportsPanel extends Div {

    ExportsPanel(TeamProgressService progress, ImpactService impact, org.encounter.base.Dates dates, LongSupplier team,
                 Supplier<ProgressFilter> filter) {
        Anchor matrixCsv = download("progress.csv.matrix", "team-progress.csv",
                () -> progress.matrixCsv(team.getAsLong(), filter.get(), getLocale()));
        matrixCsv.setId("progress-csv");
        Anchor impactCsv = download("impact.csv.download", "team-impact.csv",
                () -> impact.teamCsv(team.getAsLong(), getLocale()));
        impactCsv.setId("progress-impact-csv");
        DatePicker certFrom = org.encounter.base.ui.DatePickers.create(getTranslation("progress.filter.from"));
        DatePicker certTo = org.encounter.base.ui.DatePickers.create(getTranslation("progress.filter.to"));
        certFrom.setValue(dates.today().minusYears(1));
        certTo.setValue(dates.today());
        certFrom.setId("progress-cert-from");
        certTo.setId("progress-cert-to");
        Anchor certCsv = download("progress.csv.certificates", "team-certificates.csv",
                () -> progress.certificationsCsv(team.getAsLong(), certFrom.getValue(), certTo.getValue(),
                        getLocale()));
        certCsv.setId("progress-cert-csv");
        Runnable check = () -> {
            try {
                progress.checkCertificationRange(certFrom.getValue(), certTo.getValue());
                FormErrors.clear(Map.of("from", certFrom, "to", certTo));
                certCsv.setEnabled(true);
            } catch (InvalidInputException e) {
                FormErrors.show(e, this, Map.of("from", certFrom, "to", certTo));
                certCsv.setEnabled(false);
            }
        };
        certFrom.addValueChangeListener(e -> check.run());
        certTo.addValueChangeListener(e -> check.run());
        HorizontalLayout certs = new HorizontalLayout(certFrom, certTo, certCsv);
        certs.setWrap(true);
        certs.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new H2(getTranslation("progress.exports")), matrixCsv, new Paragraph(impactCsv),
                new Paragraph(getTranslation("progress.csv.certificates-help")), certs);
        addClassName("progress-exports");
    }

    private Anchor download(String labelKey, String fileName, Supplier<byte[]> bytes) {
        return DownloadLink.of(getTranslation(labelKey), fileName, DownloadLink.CSV, bytes);
    }

}
