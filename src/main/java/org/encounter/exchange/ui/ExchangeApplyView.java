package org.encounter.exchange.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.DayOfWeek;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.encounter.base.Dates;
import org.encounter.base.InvalidInputException;
import org.encounter.base.RecordNotFound;
import org.encounter.base.ui.FormErrors;
import org.encounter.base.ui.LengthLimit;
import org.encounter.base.ui.Notifications;
import org.encounter.base.ui.PersonPickers;
import org.encounter.exchange.ApplicationForm;
import org.encounter.exchange.ExchangeApplications;
import org.encounter.exchange.ExchangeApplications.OpenRound;
import org.encounter.exchange.Level;
import org.encounter.exchange.Sector;
import org.encounter.exchange.Shown;
import org.encounter.exchange.Theme;
import org.encounter.identity.PersonDirectory;
import org.encounter.identity.PersonRef;
import org.encounter.identity.Role;

/**
 * A leader applies to an open round: who they are at work, what they want to learn and can offer, languages, where
 * they can travel and when, whom to avoid, and what their proposed partner may see. Nothing is stored until every
 * field is right.
 */
@Route("exchange/apply/:roundId")
@RolesAllowed(Role.Names.LEARNER)
public class ExchangeApplyView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final int TEXT_MAX = 1000;
    static final int NOTE_MAX = 300;
    private static final List<String> LANGUAGES = List.of("fi", "sv", "en");
    private static final List<DayOfWeek> WEEKDAYS = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

    private final transient ExchangeApplications applications;
    private final transient PersonDirectory directory;
    private final H1 title = new H1();
    private final Paragraph about = new Paragraph();
    private final Select<Sector> sector = new Select<>();
    private final Select<Level> level = new Select<>();
    private final TextArea wants = LengthLimit.apply(new TextArea(), TEXT_MAX);
    private final MultiSelectComboBox<Theme> wantThemes = new MultiSelectComboBox<>();
    private final TextArea offers = LengthLimit.apply(new TextArea(), TEXT_MAX);
    private final MultiSelectComboBox<Theme> offerThemes = new MultiSelectComboBox<>();
    private final CheckboxGroup<String> languages = new CheckboxGroup<>();
    private final CheckboxGroup<Long> travelsTo = new CheckboxGroup<>();
    private final CheckboxGroup<DayOfWeek> availability = new CheckboxGroup<>();
    private final TextField availabilityNote = LengthLimit.apply(new TextField(), NOTE_MAX);
    private final CheckboxGroup<Long> avoidOrganisations = new CheckboxGroup<>();
    private final MultiSelectComboBox<PersonRef> avoidPeople = new MultiSelectComboBox<>();
    private final CheckboxGroup<Shown> shown = new CheckboxGroup<>();
    private long roundId;

    public ExchangeApplyView(ExchangeApplications applications, PersonDirectory directory) {
        this.applications = applications;
        this.directory = directory;
        addClassName("view");
        sector.setLabel(getTranslation("exchange.form.sector"));
        sector.setItems(Sector.values());
        sector.setItemLabelGenerator(s -> getTranslation(s.labelKey()));
        sector.setId("apply-sector");
        level.setLabel(getTranslation("exchange.form.level"));
        level.setItems(Level.values());
        level.setItemLabelGenerator(l -> getTranslation(l.labelKey()));
        level.setId("apply-level");
        text(wants, "exchange.form.wants", "apply-wants");
        themes(wantThemes, "exchange.form.want-themes", "apply-want-themes");
        text(offers, "exchange.form.offers", "apply-offers");
        themes(offerThemes, "exchange.form.offer-themes", "apply-offer-themes");
        languages.setLabel(getTranslation("exchange.form.languages"));
        languages.setItems(LANGUAGES);
        languages.setItemLabelGenerator(l -> getTranslation("exchange.language." + l));
        languages.setId("apply-languages");
        travelsTo.setLabel(getTranslation("exchange.form.travels-to"));
        travelsTo.setId("apply-travels-to");
        availability.setLabel(getTranslation("exchange.form.availability"));
        availability.setItems(WEEKDAYS);
        availability.setItemLabelGenerator(d -> d.getDisplayName(TextStyle.FULL_STANDALONE, getLocale()));
        availability.setId("apply-availability");
        availabilityNote.setLabel(getTranslation("exchange.form.availability-note"));
        availabilityNote.setWidthFull();
        availabilityNote.setId("apply-availability-note");
        avoidOrganisations.setLabel(getTranslation("exchange.form.avoid-organisations"));
        avoidOrganisations.setId("apply-avoid-organisations");
        avoidPeople.setLabel(getTranslation("exchange.form.avoid-people"));
        PersonPickers.localise(avoidPeople);
        avoidPeople.setHelperText(getTranslation("exchange.form.avoid-people-help"));
        avoidPeople.setItemLabelGenerator(PersonRef::displayName);
        avoidPeople.setItems(query -> directory.pickableAcrossPartners(query.getFilter().orElse(""), Role.LEARNER, 20)
                .stream().skip(query.getOffset()).limit(query.getLimit()));
        avoidPeople.setWidthFull();
        avoidPeople.setId("apply-avoid-people");
        shown.setLabel(getTranslation("exchange.form.shown"));
        shown.setHelperText(getTranslation("exchange.form.shown-help"));
        shown.setItems(Shown.values());
        shown.setItemLabelGenerator(s -> getTranslation("exchange.shown." + s.name().toLowerCase()));
        shown.setValue(Set.of(Shown.values()));
        shown.setId("apply-shown");
        Button send = new Button(getTranslation("exchange.form.send"), e -> send());
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.setId("apply-send");
        add(title, about, sector, level, new H2(getTranslation("exchange.form.learning")), wants, wantThemes, offers,
                offerThemes, new H2(getTranslation("exchange.form.practical")), languages, travelsTo, availability,
                availabilityNote, avoidOrganisations, avoidPeople, new H2(getTranslation("exchange.form.privacy")),
                shown, send);
    }

    private void text(TextArea area, String labelKey, String id) {
        area.setLabel(getTranslation(labelKey));
        area.setWidthFull();
        area.setId(id);
    }

    private void themes(MultiSelectComboBox<Theme> picker, String labelKey, String id) {
        picker.setLabel(getTranslation(labelKey));
        PersonPickers.localise(picker);
        picker.setItems(Theme.values());
        picker.setItemLabelGenerator(t -> getTranslation(t.labelKey()));
        picker.setWidthFull();
        picker.setId(id);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        roundId = ExchangePairView.number(event, "roundId");
        OpenRound round = applications.openRound(roundId);
        title.setText(getTranslation("exchange.apply.title", round.name()));
        about.setText(getTranslation("exchange.apply.about", round.partnership(),
                Dates.days(FormatStyle.MEDIUM, getLocale()).format(round.applicationsClose())));
        Map<Long, String> organisations = round.organisations();
        List<Long> ids = organisations.keySet().stream().sorted((a, b) -> organisations.get(a)
                .compareTo(organisations.get(b))).toList();
        for (CheckboxGroup<Long> group : List.of(travelsTo, avoidOrganisations)) {
            group.setItems(ids);
            group.setItemLabelGenerator(organisations::get);
        }
    }

    private void send() {
        ApplicationForm form = new ApplicationForm(sector.getValue(), level.getValue(), wants.getValue(),
                offers.getValue(), wantThemes.getValue(), offerThemes.getValue(), languages.getValue(),
                travelsTo.getValue(), availability.getValue(), availabilityNote.getValue(),
                avoidPeople.getValue().stream().map(PersonRef::id).collect(Collectors.toSet()),
                avoidOrganisations.getValue(), shown.getValue());
        try {
            applications.apply(roundId, form);
            FormErrors.clear(fields());
            Notifications.success(getTranslation("exchange.apply.sent"));
            getUI().ifPresent(ui -> ui.navigate(ExchangeView.class));
        } catch (InvalidInputException e) {
            FormErrors.show(e, this, fields());
        } catch (RecordNotFound gone) {
            Notifications.error(getTranslation("exchange.apply.closed"));
        }
    }

    private Map<String, HasValidation> fields() {
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        fields.put("sector", sector);
        fields.put("level", level);
        fields.put("wants", wants);
        fields.put("offers", offers);
        fields.put("languages", languages);
        fields.put("travelsTo", travelsTo);
        fields.put("availabilityNote", availabilityNote);
        fields.put("avoidOrganisations", avoidOrganisations);
        fields.put("avoidPeople", avoidPeople);
        return fields;
    }

    @Override
    public String getPageTitle() {
        return title.getText() + " · " + getTranslation("app.name");
    }
}
