package org.encounter.sets.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.encounter.authoring.CatalogueFilter;
import org.encounter.authoring.CatalogueItem;
import org.encounter.authoring.PublishedModules;
import org.encounter.base.InvalidInputException;
import org.encounter.base.RecordNotFound;
import org.encounter.base.ui.FormErrors;
import org.encounter.base.ui.LengthLimit;
import org.encounter.base.ui.Notifications;
import org.encounter.identity.PersonDirectory;
import org.encounter.identity.PersonRef;
import org.encounter.identity.Role;
import org.encounter.sets.SetService;
import org.springframework.data.domain.PageRequest;

/**
 * A facilitator creates or changes a set: name, module, members (4–8 work best, with a warning outside that),
 * an optional co-facilitating author, and the meetings. Nothing is saved until every field is right.
 */
@Route("sets/new")
@RouteAlias("sets/:setId/edit")
@RolesAllowed(Role.Names.FACILITATOR)
public class SetFormView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient SetService sets;
    private final transient PersonDirectory directory;
    private final transient Clock clock;
    private final TextField name = LengthLimit.apply(new TextField(), 120);
    private final ComboBox<CatalogueItem> module = new ComboBox<>();
    private final MultiSelectComboBox<PersonRef> members = new MultiSelectComboBox<>();
    private final Paragraph membersWarning = new Paragraph();
    private final ComboBox<PersonRef> coFacilitator = new ComboBox<>();
    private final Div meetingRows = new Div();
    private final List<MeetingRow> rows = new ArrayList<>();
    private final H1 title = new H1();
    private final Paragraph zoneHelp = new Paragraph();
    private Long setId;
    /** The module of the set being changed: it never moves, even once it has left the facilitator's catalogue. */
    private Long fixedModuleId;

    public SetFormView(SetService sets, PublishedModules published, PersonDirectory directory, Clock clock) {
        this.sets = sets;
        this.directory = directory;
        this.clock = clock;
        addClassName("view");
        name.setLabel(getTranslation("set.name"));
        name.setWidthFull();
        name.setId("set-name");
        module.setLabel(getTranslation("set.module"));
        module.setItems(published.catalogue(CatalogueFilter.any(), PageRequest.of(0, 500)));
        module.setItemLabelGenerator(CatalogueItem::title);
        module.setWidthFull();
        module.setId("set-module");
        members.setLabel(getTranslation("set.members"));
        org.encounter.base.ui.PersonPickers.localise(members);
        members.setHelperText(getTranslation("set.members-help", SetService.RECOMMENDED_MIN, SetService.RECOMMENDED_MAX));
        members.setItemLabelGenerator(PersonRef::displayName);
        members.setItems(query -> people(query.getFilter().orElse(""), Role.LEARNER).stream()
                .skip(query.getOffset()).limit(query.getLimit()));
        members.setWidthFull();
        members.setId("set-members");
        members.addValueChangeListener(e -> warnAboutSize());
        membersWarning.setId("set-members-warning");
        membersWarning.addClassName("warning");
        membersWarning.getElement().setAttribute("role", "status");
        coFacilitator.setLabel(getTranslation("set.co-facilitator"));
        coFacilitator.setHelperText(getTranslation("set.co-facilitator-help"));
        coFacilitator.setItemLabelGenerator(PersonRef::displayName);
        coFacilitator.setItems(query -> people(query.getFilter().orElse(""), Role.AUTHOR).stream()
                .skip(query.getOffset()).limit(query.getLimit()));
        coFacilitator.setClearButtonVisible(true);
        coFacilitator.setWidthFull();
        coFacilitator.setId("set-co");
        meetingRows.setId("set-meetings");
        Button addMeeting = new Button(getTranslation("set.add-meeting"), e -> addRow());
        addMeeting.setId("set-add-meeting");
        Button save = new Button(getTranslation("set.save"), e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("set-save");
        Button cancel = new Button(getTranslation("set.cancel"), e -> leave());
        Paragraph sharingNote = new Paragraph(getTranslation("set.members-sharing-note"));
        sharingNote.setId("set-members-sharing-note");
        add(title, name, module, members, membersWarning, sharingNote, coFacilitator,
                new H2(getTranslation("set.meetings")), zoneHelp, meetingRows, addMeeting,
                new HorizontalLayout(save, cancel));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        setId = event.getRouteParameters().get("setId").map(SetFormView::id).orElse(null);
        fixedModuleId = null;
        rows.clear();
        meetingRows.removeAll();
        if (setId == null) {
            title.setText(getTranslation("set.create-title"));
            zoneHelp.setText(getTranslation("set.meetings-help", sets.zone().getId()));
            addRow();
        } else {
            SetService.Detail d = sets.detail(setId);
            if (d.part() != SetService.Part.FACILITATOR) {
                throw new RecordNotFound("set", setId);
            }
            title.setText(getTranslation("set.edit-title", d.name()));
            name.setValue(d.name());
            fixedModuleId = d.moduleId();
            module.setReadOnly(true);
            module.setHelperText(getTranslation("set.module-fixed"));
            zoneHelp.setText(getTranslation("set.meetings-help", d.zone().getId()));
            module.getListDataView().getItems().filter(i -> i.moduleId() == d.moduleId()).findFirst()
                    .ifPresentOrElse(module::setValue, () -> module.setPlaceholder(d.moduleTitle()));
            members.setValue(new LinkedHashSet<>(d.members()));
            coFacilitator.setValue(d.coFacilitator());
            d.meetings().forEach(m -> row(new MeetingRow(m.id(), m.start().toLocalDate(), m.start().toLocalTime(),
                    m.end().toLocalTime(), m.place(), m.link(), m.past(clock.instant()) || !m.start().toInstant()
                    .isAfter(clock.instant()))));
        }
        warnAboutSize();
    }

    private static long id(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new RecordNotFound("set", -1);
        }
    }

    /** By name, among the people of the facilitator's organisation and its partners (identity decides which). */
    private List<PersonRef> people(String text, Role role) {
        return directory.pickableAcrossPartners(text, role, 20);
    }

    private void warnAboutSize() {
        int n = members.getValue().size();
        boolean outside = n > 0 && (n < SetService.RECOMMENDED_MIN || n > SetService.RECOMMENDED_MAX);
        membersWarning.setText(outside ? getTranslation("set.members-warning", n, SetService.RECOMMENDED_MIN,
                SetService.RECOMMENDED_MAX) : "");
        membersWarning.setVisible(outside);
    }

    /** A new meeting a week after the last one, at the same time and place; the first is a week from today. */
    private void addRow() {
        MeetingRow last = rows.isEmpty() ? null : rows.getLast();
        LocalDate day = last == null || last.date.getValue() == null
                ? LocalDate.now(clock.withZone(sets.zone())).plusDays(7) : last.date.getValue().plusDays(7);
        row(new MeetingRow(null, day, last == null ? LocalTime.of(14, 0) : last.start.getValue(),
                last == null ? LocalTime.of(15, 30) : last.end.getValue(), last == null ? "" : last.place.getValue(),
                last == null ? "" : last.link.getValue(), false));
    }

    private void row(MeetingRow row) {
        rows.add(row);
        row.remove.addClickListener(e -> {
            rows.remove(row);
            meetingRows.remove(row);
            renumber();
        });
        meetingRows.add(row);
        renumber();
    }

    private void renumber() {
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).number(i + 1);
        }
    }

    private void save() {
        SetService.Form form = new SetService.Form(name.getValue(), fixedModuleId != null ? fixedModuleId
                : module.getValue() == null ? null : module.getValue().moduleId(),
                members.getValue().stream().map(PersonRef::id).toList(),
                coFacilitator.getValue() == null ? null : coFacilitator.getValue().id(),
                rows.stream().map(MeetingRow::form).toList());
        Map<String, HasValidation> fields = new HashMap<>();
        fields.put("name", name);
        fields.put("module", module);
        fields.put("members", members);
        fields.put("coFacilitator", coFacilitator);
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).fields(i, fields);
        }
        try {
            long id;
            if (setId == null) {
                id = sets.create(form);
            } else {
                sets.update(setId, form);
                id = setId;
            }
            Notifications.success(getTranslation("set.saved", name.getValue().strip()));
            getUI().ifPresent(ui -> ui.navigate(SetView.class, new RouteParameters("setId", String.valueOf(id))));
        } catch (InvalidInputException e) {
            FormErrors.show(e, this, fields);
        }
    }

    private void leave() {
        if (setId == null) {
            getUI().ifPresent(ui -> ui.navigate(SetsView.class));
        } else {
            getUI().ifPresent(ui -> ui.navigate(SetView.class, new RouteParameters("setId", String.valueOf(setId))));
        }
    }

    @Override
    public String getPageTitle() {
        return (title.getText() == null || title.getText().isEmpty() ? getTranslation("set.create-title")
                : title.getText()) + " · " + getTranslation("app.name");
    }
}
