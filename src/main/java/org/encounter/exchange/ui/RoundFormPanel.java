package org.encounter.exchange.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.encounter.base.InvalidInputException;
import org.encounter.base.ui.DatePickers;
import org.encounter.base.ui.FormErrors;
import org.encounter.exchange.ExchangeRounds.Choice;
import org.encounter.exchange.ExchangeRounds.RoundSummary;
import org.encounter.exchange.RoundForm;

/**
 * A round's settings: the partnership (when opening one), its name, the application window, the exchange period, the
 * visits each way, the group briefing and debrief with their place, and the organisations taking part (the
 * partnership's current members, all ticked at first). Saving hands a {@link Draft} to the page, which asks the
 * service; the service's messages come back to their fields.
 */
class RoundFormPanel extends VerticalLayout {

    /** What the coordinator asked to save, and for which partnership. */
    record Draft(long partnershipId, RoundForm form) {
    }

    private final Select<Choice> partnership = new Select<>();
    private final TextField name = new TextField();
    private final DatePicker applicationsOpen = DatePickers.create("");
    private final DatePicker applicationsClose = DatePickers.create("");
    private final DatePicker startsOn = DatePickers.create("");
    private final DatePicker endsOn = DatePickers.create("");
    private final IntegerField visits = new IntegerField();
    private final DateTimePicker briefing = DatePickers.localise(new DateTimePicker());
    private final DateTimePicker debrief = DatePickers.localise(new DateTimePicker());
    private final TextField place = new TextField();
    private final CheckboxGroup<Choice> organisations = new CheckboxGroup<>();
    private final Function<Long, List<Choice>> members;
    private final ZoneId zone;

    /**
     * @param partnerships the partnerships to choose from when opening a round; a single fixed one when changing it
     * @param current the round being changed, or null for a new one
     */
    RoundFormPanel(List<Choice> partnerships, Function<Long, List<Choice>> members, RoundSummary current,
                   ZoneId zone, Consumer<Draft> save) {
        this.members = members;
        this.zone = zone;
        setPadding(false);
        partnership.setLabel(getTranslation("exchange-round.form.partnership"));
        partnership.setItems(partnerships);
        partnership.setItemLabelGenerator(Choice::name);
        partnership.setId("round-partnership");
        partnership.setVisible(current == null);
        partnership.addValueChangeListener(e -> tickAll());
        label(name, "round-name", "exchange-round.form.name");
        name.setRequired(true);
        name.setMaxLength(150);
        name.setWidthFull();
        label(applicationsOpen, "round-applications-open", "exchange-round.form.applications-open");
        label(applicationsClose, "round-applications-close", "exchange-round.form.applications-close");
        label(startsOn, "round-starts-on", "exchange-round.form.starts-on");
        label(endsOn, "round-ends-on", "exchange-round.form.ends-on");
        label(visits, "round-visits", "exchange-round.form.visits");
        visits.setHelperText(getTranslation("exchange-round.form.visits-help"));
        visits.setMin(1);
        visits.setMax(6);
        visits.setStepButtonsVisible(true);
        label(briefing, "round-briefing", "exchange-round.form.briefing");
        label(debrief, "round-debrief", "exchange-round.form.debrief");
        briefing.setHelperText(getTranslation("exchange-round.form.optional", zone.getId()));
        debrief.setHelperText(getTranslation("exchange-round.form.optional", zone.getId()));
        label(place, "round-place", "exchange-round.form.place");
        place.setMaxLength(200);
        label(organisations, "round-organisations", "exchange-round.form.organisations");
        organisations.setItemLabelGenerator(Choice::name);
        Button saveButton = new Button(getTranslation(current == null ? "exchange-round.form.open"
                : "exchange-round.form.save"), e -> save.accept(draft()));
        saveButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saveButton.setId("round-save");
        FormLayout dates = new FormLayout(applicationsOpen, applicationsClose, startsOn, endsOn, visits, briefing,
                debrief, place);
        add(partnership, name, dates, organisations, saveButton);
        if (current == null) {
            visits.setValue(2);
            if (!partnerships.isEmpty()) {
                partnership.setValue(partnerships.get(0));
            }
        } else {
            fill(partnerships.get(0), current);
        }
    }

    private void fill(Choice fixed, RoundSummary current) {
        partnership.setValue(fixed);
        RoundForm f = current.form();
        name.setValue(f.name());
        applicationsOpen.setValue(f.applicationsOpen());
        applicationsClose.setValue(f.applicationsClose());
        startsOn.setValue(f.startsOn());
        endsOn.setValue(f.endsOn());
        visits.setValue(f.visitsEachWay());
        briefing.setValue(local(f.briefingAt()));
        debrief.setValue(local(f.debriefAt()));
        place.setValue(f.place() == null ? "" : f.place());
        organisations.setValue(organisations.getListDataView().getItems()
                .filter(c -> f.organisations().contains(c.id())).collect(Collectors.toSet()));
    }

    private void tickAll() {
        Choice p = partnership.getValue();
        List<Choice> current = p == null ? List.of() : members.apply(p.id());
        organisations.setItems(current);
        organisations.setValue(Set.copyOf(current));
    }

    Draft draft() {
        Choice p = partnership.getValue();
        return new Draft(p == null ? -1 : p.id(), new RoundForm(name.getValue(), applicationsOpen.getValue(),
                applicationsClose.getValue(), startsOn.getValue(), endsOn.getValue(),
                visits.getValue() == null ? 0 : visits.getValue(), instant(briefing.getValue()),
                instant(debrief.getValue()), place.getValue(),
                organisations.getValue().stream().map(Choice::id).collect(Collectors.toSet())));
    }

    void show(InvalidInputException e) {
        FormErrors.show(e, this, Map.ofEntries(Map.entry("name", name), Map.entry("place", place),
                Map.entry("applicationsOpen", applicationsOpen), Map.entry("applicationsClose", applicationsClose),
                Map.entry("startsOn", startsOn), Map.entry("endsOn", endsOn), Map.entry("visitsEachWay", visits),
                Map.entry("briefingAt", briefing), Map.entry("debriefAt", debrief),
                Map.entry("organisations", organisations)));
    }

    private void label(HasValidation field, String id, String key) {
        var component = (com.vaadin.flow.component.Component) field;
        component.setId(id);
        component.getElement().setProperty("label", getTranslation(key));
    }

    private Instant instant(LocalDateTime at) {
        return at == null ? null : at.atZone(zone).toInstant();
    }

    private LocalDateTime local(Instant at) {
        return at == null ? null : LocalDateTime.ofInstant(at, zone);
    }
}
