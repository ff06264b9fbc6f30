package org.encounter.authoring.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.encounter.authoring.DetailsConflictException;
import org.encounter.authoring.Limits;
import org.encounter.authoring.ModuleDetails;
import org.encounter.authoring.ModuleService;
import org.encounter.base.InvalidInputException;
import org.encounter.base.ui.Autosaver;
import org.encounter.base.ui.FormErrors;
import org.encounter.base.ui.Notifications;
import org.encounter.base.ui.Markup;

/** Title, summary, audience, time, language, themes and the impact statements; saved as the author types. */
class DetailsForm extends VerticalLayout {

    private final transient ModuleService modules;
    private final long moduleId;
    private final Autosaver saver;
    private ModuleDetails base;

    private final TextField title = Fields.text(getTranslation("module.title"), Limits.TITLE);
    private final TextArea summary = Fields.area(getTranslation("module.summary"), Limits.SUMMARY);
    private final TextField audience = Fields.text(getTranslation("module.audience"), Limits.AUDIENCE);
    private final IntegerField minutes = new IntegerField(getTranslation("module.estimated-minutes"));
    private final IntegerField validity = new IntegerField(getTranslation("module.validity"));
    private final Select<String> language = new Select<>();
    private final TextField themes = Fields.text(getTranslation("module.themes"), Limits.THEMES);
    private final List<TextField> statements = new ArrayList<>();
    private final Map<String, HasValidation> byName = new HashMap<>();

    DetailsForm(ModuleService modules, long moduleId, ModuleDetails details, boolean editable, Autosaver saver) {
        this.modules = modules;
        this.moduleId = moduleId;
        this.saver = saver;
        this.base = details;
        setPadding(false);
        title.setId("module-title");
        title.setRequired(true);
        summary.setHelperText(getTranslation("module.summary.help"));
        audience.setHelperText(getTranslation("module.audience.help"));
        minutes.setMin(1);
        minutes.setMax(Limits.MAX_MINUTES);
        minutes.setStepButtonsVisible(true);
        minutes.setValueChangeMode(ValueChangeMode.TIMEOUT);
        validity.setHelperText(getTranslation("module.validity.help"));
        validity.setMin(1);
        validity.setMax(120);
        validity.setValueChangeMode(ValueChangeMode.TIMEOUT);
        validity.setId("module-validity");
        language.setLabel(getTranslation("module.language"));
        language.setItems("en", "fi", "sv");
        language.setItemLabelGenerator(code -> getTranslation("language." + code));
        themes.setHelperText(getTranslation("module.themes.help"));
        for (int i = 1; i <= 3; i++) {
            TextField statement = Fields.text(getTranslation("module.statement", i), Limits.STATEMENT);
            statement.setId("module-statement-" + i);
            statements.add(statement);
            byName.put("statement" + i, statement);
        }
        statements.getFirst().setHelperText(getTranslation("module.statement.help"));
        byName.putAll(Map.of("title", title, "summary", summary, "audience", audience, "estimatedMinutes", minutes,
                "language", language, "themes", themes, "validityMonths", validity));
        show(details);

        FormLayout about = new FormLayout(title, summary, audience, minutes, language, themes, validity);
        about.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        about.setColspan(title, 2);
        about.setColspan(summary, 2);
        FormLayout impact = new FormLayout();
        statements.forEach(impact::add);
        impact.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(Markup.element("h2", getTranslation("module.about")), about, Markup.element("h2", getTranslation("module.impact")),
                Markup.element("p", getTranslation("module.impact.help")), impact);

        String what = "module:" + moduleId + ":details:";
        saver.keep(title, what + "title");
        saver.keep(summary, what + "summary");
        saver.keep(audience, what + "audience");
        saver.keep(themes, what + "themes");
        for (int i = 0; i < statements.size(); i++) {
            saver.keep(statements.get(i), what + "statement" + (i + 1));
        }

        List<HasValue<?, ?>> all = new ArrayList<>();
        all.addAll(List.of(title, summary, audience, minutes, language, themes, validity));
        all.addAll(statements);
        for (HasValue<?, ?> field : all) {
            field.setReadOnly(!editable);
            field.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    saver.save("details", this::save);
                }
            });
        }
    }

    private void show(ModuleDetails d) {
        title.setValue(d.title() == null ? "" : d.title());
        summary.setValue(d.summary() == null ? "" : d.summary());
        audience.setValue(d.audience() == null ? "" : d.audience());
        minutes.setValue(d.estimatedMinutes());
        language.setValue(d.language());
        themes.setValue(String.join(", ", d.themes()));
        validity.setValue(d.validityMonths());
        for (int i = 0; i < 3; i++) {
            statements.get(i).setValue(i < d.statements().size() ? d.statements().get(i) : "");
        }
    }

    private ModuleDetails collect() {
        List<String> themeList = Arrays.stream(themes.getValue().split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        return new ModuleDetails(title.getValue(), Fields.value(summary.getValue()), Fields.value(audience.getValue()),
                minutes.getValue(), language.getValue(), themeList,
                statements.stream().map(TextField::getValue).filter(s -> !s.isBlank()).toList(), validity.getValue());
    }

    private void save() {
        try {
            base = modules.updateDetails(moduleId, base, collect());
            FormErrors.clear(byName);
        } catch (InvalidInputException e) {
            FormErrors.show(e, this, byName);
            saver.invalid();
        } catch (DetailsConflictException e) {
            base = e.current();
            show(e.current());
            Notifications.error(getTranslation("module.details-conflict"));
        }
    }
}
