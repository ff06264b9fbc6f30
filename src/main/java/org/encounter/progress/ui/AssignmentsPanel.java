package org.encounter.progress.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.encounter.authoring.CatalogueFilter;
import org.encounter.authoring.CatalogueItem;
import org.encounter.authoring.PublishedModules;
import org.encounter.base.InvalidInputException;
import org.encounter.base.ui.FormErrors;
import org.encounter.base.ui.Notifications;
import org.encounter.identity.PersonRef;
import org.encounter.learning.AssignmentService;
import org.encounter.progress.TeamProgressService;
import org.encounter.progress.TeamProgressService.TeamAssignment;
import org.encounter.progress.TeamProgressService.TeamRef;
import org.springframework.data.domain.PageRequest;

/**
 * The team's assignments: assign a module to one, several or all members with a due date; choose an
 * assignment to change its due date or withdraw it (no buttons inside the grid's rows).
 */
class AssignmentsPanel extends VerticalLayout {

    private final transient TeamProgressService progress;
    private final transient AssignmentService assigning;
    private final transient PublishedModules published;
    private final transient org.encounter.base.Dates calendar;
    private final Runnable changed;
    private final Grid<TeamAssignment> grid = new Grid<>();
    private final DatePicker newDue = org.encounter.base.ui.DatePickers.localise(new DatePicker());
    private final Button changeDue = new Button();
    private final Button withdraw = new Button();
    private TeamRef team;

    AssignmentsPanel(TeamProgressService progress, AssignmentService assigning, PublishedModules published,
                     org.encounter.base.Dates calendar, Runnable changed) {
        this.calendar = calendar;
        this.progress = progress;
        this.assigning = assigning;
        this.published = published;
        this.changed = changed;
        setPadding(false);
        Button assign = new Button(getTranslation("progress.assign"), e -> openAssign());
        assign.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        assign.setId("progress-assign");
        DateTimeFormatter dates = calendar.dates(FormatStyle.MEDIUM, getLocale());
        grid.setId("progress-assignments");
        org.encounter.base.ui.GridRows.openWithEnter(grid);
        grid.setAllRowsVisible(true);
        grid.addColumn(TeamAssignment::learnerName).setHeader(getTranslation("progress.member")).setAutoWidth(true);
        grid.addColumn(TeamAssignment::moduleTitle).setHeader(getTranslation("progress.filter.module"));
        grid.addColumn(a -> dates.format(a.dueDate())).setHeader(getTranslation("progress.due-date"));
        grid.addColumn(a -> getTranslation(a.status().labelKey())).setHeader(getTranslation("progress.filter.status"))
                .setPartNameGenerator(a -> "cell-" + a.status().name().toLowerCase().replace('_', '-')).setKey("status");
        grid.setSelectionMode(Grid.SelectionMode.SINGLE);
        newDue.setLabel(getTranslation("progress.new-due-date"));
        newDue.setId("progress-new-due");
        changeDue.setText(getTranslation("progress.change-due"));
        changeDue.setId("progress-change-due");
        withdraw.setText(getTranslation("progress.withdraw"));
        withdraw.setId("progress-withdraw");
        withdraw.addThemeVariants(ButtonVariant.LUMO_ERROR);
        HorizontalLayout chosen = new HorizontalLayout(newDue, changeDue, withdraw);
        chosen.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        chosen.setWrap(true);
        chosen.setVisible(false);
        grid.asSingleSelect().addValueChangeListener(e -> {
            chosen.setVisible(e.getValue() != null);
            if (e.getValue() != null) {
                newDue.setValue(e.getValue().dueDate());
            }
        });
        changeDue.addClickListener(e -> {
            TeamAssignment a = grid.asSingleSelect().getValue();
            try {
                assigning.changeDue(a.id(), newDue.getValue());
                Notifications.success(getTranslation("progress.due-changed", a.learnerName()));
                changed.run();
            } catch (InvalidInputException ex) {
                FormErrors.show(ex, this, Map.of("dueDate", newDue));
            }
        });
        withdraw.addClickListener(e -> {
            TeamAssignment a = grid.asSingleSelect().getValue();
            ConfirmDialog confirm = new ConfirmDialog(getTranslation("progress.withdraw-title"),
                    getTranslation("progress.withdraw-text", a.moduleTitle(), a.learnerName()),
                    getTranslation("progress.withdraw"), ok -> {
                        assigning.withdraw(a.id());
                        Notifications.success(getTranslation("progress.withdrawn", a.learnerName()));
                        changed.run();
                    });
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("action.cancel"));
            confirm.setConfirmButtonTheme("error primary");
            confirm.open();
        });
        add(assign, grid, chosen);
    }

    void show(TeamRef team) {
        this.team = team;
        List<TeamAssignment> items = progress.assignments(team.id());
        grid.setItems(items);
        grid.setVisible(!items.isEmpty());
    }

    private void openAssign() {
        Dialog dialog = new Dialog(getTranslation("progress.assign-title", team.name()));
        dialog.setWidth("min(36rem, 95vw)");
        ComboBox<CatalogueItem> module = new ComboBox<>(getTranslation("progress.filter.module"));
        module.setItems(query -> published.catalogue(new CatalogueFilter(query.getFilter().orElse(null), null, null, null,
                null), PageRequest.of(query.getPage(), query.getPageSize())).stream());
        module.setItemLabelGenerator(CatalogueItem::title);
        module.setWidthFull();
        module.setId("assign-module");
        List<PersonRef> members = progress.members(team.id());
        MultiSelectComboBox<PersonRef> who = org.encounter.base.ui.PersonPickers.localise(
                new MultiSelectComboBox<>(getTranslation("progress.assign-members")));
        who.setItems(members);
        who.setItemLabelGenerator(PersonRef::displayName);
        who.setWidthFull();
        who.setId("assign-members");
        Checkbox everyone = new Checkbox(getTranslation("progress.assign-everyone", members.size()));
        everyone.setId("assign-everyone");
        everyone.addValueChangeListener(e -> {
            who.setValue(e.getValue() ? Set.copyOf(members) : Set.of());
            who.setEnabled(!e.getValue());
        });
        DatePicker due = org.encounter.base.ui.DatePickers.create(getTranslation("progress.due-date"));
        due.setMin(calendar.today());
        due.setId("assign-due");
        Paragraph notified = new Paragraph(getTranslation("progress.assign-notified"));
        Button save = new Button(getTranslation("progress.assign"), e -> {
            Map<String, com.vaadin.flow.component.HasValidation> fields = Map.of("module", module, "learners", who,
                    "dueDate", due);
            if (module.getValue() == null || who.getValue().isEmpty()) {
                FormErrors.show(new InvalidInputException(module.getValue() == null ? "module" : "learners",
                        "validation.required"), this, fields);
                return;
            }
            try {
                int n = assigning.assign(module.getValue().moduleId(), who.getValue().stream().map(PersonRef::id).toList(),
                        due.getValue()).size();
                Notifications.success(getTranslation("progress.assigned", module.getValue().title(), n));
                dialog.close();
                changed.run();
            } catch (InvalidInputException ex) {
                FormErrors.show(ex, this, fields);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("assign-save");
        Button cancel = new Button(getTranslation("action.cancel"), e -> dialog.close());
        dialog.add(new VerticalLayout(module, who, everyone, due, notified));
        dialog.getFooter().add(cancel, save);
        dialog.open();
        module.focus();
    }

}
