package org.encounter.learning.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.encounter.base.InvalidInputException;
import org.encounter.base.ui.FormErrors;
import org.encounter.base.ui.ShortButton;
import org.encounter.learning.PathwayService.Detail;
import org.encounter.learning.PathwayService.Step;

/**
 * Edits a pathway: its name, its modules in order (each with real buttons to move it up or down or take it out), and
 * the days after joining by which it is due. Saving hands the draft to the page, which asks the service.
 */
class PathwayForm extends VerticalLayout {

    /** What the coordinator asked to save. */
    record Draft(String name, List<Long> moduleIds, int dueDays) {
    }

    private final TextField name = new TextField();
    private final IntegerField dueDays = new IntegerField();
    private final OrderedList list = new OrderedList();
    private final Paragraph empty = new Paragraph();
    private final ComboBox<Step> choose = new ComboBox<>();
    private final List<Step> steps = new ArrayList<>();

    PathwayForm(List<Step> choices, Detail current, Consumer<Draft> save) {
        setPadding(false);
        name.setLabel(getTranslation("pathway.name"));
        name.setMaxLength(150);
        name.setRequired(true);
        name.setWidthFull();
        name.setId("pathway-name");
        dueDays.setLabel(getTranslation("pathway.due-days-label"));
        dueDays.setMin(1);
        dueDays.setMax(365);
        dueDays.setStepButtonsVisible(true);
        dueDays.setRequired(true);
        dueDays.setId("pathway-due-days");
        list.setId("pathway-steps");
        empty.setText(getTranslation("pathway.no-steps"));
        choose.setLabel(getTranslation("pathway.choose"));
        choose.setItems(choices);
        choose.setItemLabelGenerator(Step::title);
        choose.setId("pathway-choose");
        Button add = new Button(getTranslation("pathway.add"), e -> add());
        add.setId("pathway-add");
        Button saveButton = new Button(getTranslation("pathway.save"), e -> save.accept(draft()));
        saveButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saveButton.setId("pathway-save");
        Div adding = new Div(choose, add);
        adding.addClassName("pathway-add");
        add(name, dueDays, new H2(getTranslation("pathway.steps")), empty, list, adding, saveButton);
        if (current != null) {
            name.setValue(current.name());
            dueDays.setValue(current.dueDays());
            steps.addAll(current.steps());
        } else {
            dueDays.setValue(30);
        }
        render();
    }

    Draft draft() {
        return new Draft(name.getValue(), steps.stream().map(Step::moduleId).toList(),
                dueDays.getValue() == null ? 0 : dueDays.getValue());
    }

    void show(InvalidInputException e) {
        FormErrors.show(e, this, Map.of("name", name, "dueDays", dueDays, "modules", choose));
    }

    private void add() {
        Step step = choose.getValue();
        if (step != null && steps.stream().noneMatch(s -> s.moduleId() == step.moduleId())) {
            steps.add(step);
            choose.clear();
            render();
        }
    }

    /** Moves a step and keeps keyboard focus on the same button of the step that moved (or its other one). */
    private void move(int index, int by) {
        steps.add(index + by, steps.remove(index));
        render();
        ListItem moved = (ListItem) list.getComponentAt(index + by);
        Button same = (Button) moved.getComponentAt(by < 0 ? 1 : 2);
        Button other = (Button) moved.getComponentAt(by < 0 ? 2 : 1);
        (same.isEnabled() ? same : other).focus();
    }

    private void render() {
        list.removeAll();
        for (int i = 0; i < steps.size(); i++) {
            int index = i;
            Step step = steps.get(i);
            Button up = ShortButton.create(getTranslation("pathway.up"), getTranslation("pathway.up-named",
                    step.title()), e -> move(index, -1));
            up.setEnabled(i > 0);
            Button down = ShortButton.create(getTranslation("pathway.down"), getTranslation("pathway.down-named",
                    step.title()), e -> move(index, 1));
            down.setEnabled(i < steps.size() - 1);
            Button remove = ShortButton.create(getTranslation("pathway.remove"), getTranslation("pathway.remove-named",
                    step.title()), e -> {
                steps.remove(index);
                render();
            });
            for (Button b : List.of(up, down, remove)) {
                b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            }
            ListItem item = new ListItem(new Span(step.title()), up, down, remove);
            if (!step.shared()) {
                Span gone = new Span(getTranslation("pathway.not-shared"));
                gone.getElement().getThemeList().add("badge error");
                item.add(gone);
            }
            item.addClassName("pathway-step");
            list.add(item);
        }
        empty.setVisible(steps.isEmpty());
        list.setVisible(!steps.isEmpty());
    }
}
