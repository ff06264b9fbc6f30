package org.encounter.privacy.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import java.util.stream.Collectors;
import org.encounter.base.InvalidInputException;
import org.encounter.base.ui.FormErrors;
import org.encounter.base.ui.Notifications;
import org.encounter.identity.Role;
import org.encounter.privacy.RetentionSettings;

/** The platform admin sets how long private answers, inactive accounts and export files are kept. */
@Route("privacy/retention")
@RolesAllowed(Role.Names.ADMIN)
@Menu(order = 99.5, title = "menu.retention", icon = "vaadin:time-backward")
public class RetentionView extends VerticalLayout implements HasDynamicTitle {

    private final RetentionSettings settings;
    private final Grid<RetentionSettings.Run> runs = new Grid<>();

    public RetentionView(RetentionSettings settings, org.encounter.base.Dates dates) {
        this.settings = settings;
        addClassName("view");
        add(new H1(getTranslation("privacy.retention.title")));
        add(new Paragraph(getTranslation("privacy.retention.intro")));
        RetentionSettings.Periods now = settings.periods();
        RetentionSettings.Periods defaults = settings.defaults();
        IntegerField answers = field("privacy.retention.answers", now.privateAnswersDays(),
                defaults.privateAnswersDays());
        IntegerField accounts = field("privacy.retention.accounts", now.inactiveAccountDays(),
                defaults.inactiveAccountDays());
        IntegerField files = field("privacy.retention.files", now.exportFileDays(), defaults.exportFileDays());
        answers.setId("retention-answers");
        accounts.setId("retention-accounts");
        files.setId("retention-files");
        Button save = new Button(getTranslation("privacy.retention.save"), e -> {
            FormErrors.clear(Map.of("privateAnswersDays", answers, "inactiveAccountDays", accounts,
                    "exportFileDays", files));
            try {
                settings.save(new RetentionSettings.Periods(value(answers), value(accounts), value(files)));
                Notifications.success(getTranslation("privacy.retention.saved"));
            } catch (InvalidInputException ex) {
                FormErrors.show(ex, this, Map.of("privateAnswersDays", answers, "inactiveAccountDays", accounts,
                        "exportFileDays", files));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-retention");
        add(answers, accounts, files, save);

        add(new H2(getTranslation("privacy.retention.runs")));
        var when = dates.dateTimes(getLocale());
        runs.addColumn(r -> when.format(r.ranAt())).setHeader(getTranslation("privacy.retention.col.ran"));
        runs.addColumn(r -> r.removed().entrySet().stream().map(e -> removed(e.getKey(), e.getValue()))
                        .collect(Collectors.joining(", ")))
                .setHeader(getTranslation("privacy.retention.col.removed"));
        runs.setAllRowsVisible(true);
        runs.setId("retention-runs");
        Button run = new Button(getTranslation("privacy.retention.run-now"), e -> {
            settings.runNow();
            refresh();
        });
        run.setId("run-retention");
        add(run, runs);
        refresh();
    }

    private IntegerField field(String key, int value, int fallback) {
        IntegerField field = new IntegerField(getTranslation(key));
        field.setValue(value);
        field.setHelperText(getTranslation("privacy.retention.default", fallback));
        field.setSuffixComponent(new com.vaadin.flow.component.html.Span(getTranslation("privacy.retention.days")));
        field.setWidth("min(100%, 20rem)");
        return field;
    }

    /** "private answers: 3"; a kind some feature added without words of its own is counted as other records. */
    private String removed(String kind, int count) {
        String key = "privacy.retention.kind." + kind;
        String words = getTranslation(key, count);
        return words.startsWith("!") ? getTranslation("privacy.retention.kind.other", count) : words;
    }

    private static int value(IntegerField field) {
        return field.getValue() == null ? -1 : field.getValue();
    }

    private void refresh() {
        runs.setItems(settings.runs());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("privacy.retention.title") + " · " + getTranslation("app.name");
    }
}
