package org.encounter.learning.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import org.encounter.identity.Role;
import org.encounter.learning.LearningItem;
import org.encounter.learning.LearningService;
import org.encounter.learning.MyLearning;

/** The learner's own list: in progress, awaiting report back (with dates), assigned (with due dates), completed. */
@Route("learn/mine")
@RolesAllowed(Role.Names.LEARNER)
@Menu(order = 11, title = "menu.my-learning", icon = "vaadin:user-check")
public class MyLearningView extends VerticalLayout implements HasDynamicTitle {

    private final transient LearningService learning;
    private final DateTimeFormatter dates;
    private final transient java.util.Map<Long, org.encounter.learning.InductionService.InductionStep> induction;

    public MyLearningView(LearningService learning, org.encounter.base.Dates calendar,
                          org.encounter.learning.InductionService induction) {
        this.learning = learning;
        this.induction = induction.mine();
        this.dates = calendar.dates(FormatStyle.MEDIUM, getLocale());
        addClassName("view");
        MyLearning mine = learning.myLearning();
        add(new H1(getTranslation("my-learning.title")));
        section("my-learning.assigned", "my-learning-assigned", mine.assigned());
        section("my-learning.in-progress", "my-learning-in-progress", mine.inProgress());
        section("my-learning.awaiting", "my-learning-awaiting", mine.awaitingReportBack());
        section("my-learning.completed", "my-learning-completed", mine.completed());
        if (mine.assigned().isEmpty() && mine.inProgress().isEmpty() && mine.awaitingReportBack().isEmpty()
                && mine.completed().isEmpty()) {
            add(new Paragraph(getTranslation("my-learning.empty")));
        }
    }

    private void section(String titleKey, String id, List<LearningItem> items) {
        if (items.isEmpty()) {
            return;
        }
        Div section = new Div(new H2(getTranslation(titleKey)));
        section.setId(id);
        for (LearningItem item : items) {
            Div card = new Div(new Paragraph(item.title()));
            card.addClassNames("home-card", "learning-item");
            var step = induction.get(item.moduleId());
            if (step != null && item.completedAt() == null) {
                Paragraph path = new Paragraph(getTranslation("my-learning.induction", step.pathway(), step.step(),
                        step.steps()));
                path.addClassName("induction-step");
                card.add(path);
            }
            if (item.dueDate() != null) {
                Span due = new Span(getTranslation(item.overdue() ? "learning.overdue" : "learning.due",
                        dates.format(item.dueDate())));
                due.getElement().getThemeList().add(item.overdue() ? "badge error" : "badge");
                card.add(due);
            }
            if (item.reportBackOpensAt() != null && item.completedAt() == null) {
                card.add(new Paragraph(getTranslation("my-learning.report-back-opens",
                        dates.format(item.reportBackOpensAt()))));
            }
            if (item.completedAt() != null) {
                card.add(new Paragraph(getTranslation("my-learning.completed-on",
                        dates.format(item.completedAt()))));
            }
            String action = item.attemptId() == null ? "catalogue.start" : "my-learning.open";
            Button open = org.encounter.base.ui.ShortButton.create(getTranslation(action + ".short"),
                    getTranslation(action, item.title()), e -> UI.getCurrent().navigate("learn/attempt/"
                    + (item.attemptId() == null ? learning.start(item.moduleId()) : item.attemptId())));
            open.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            card.add(open);
            section.add(card);
        }
        add(section);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("my-learning.title") + " · " + getTranslation("app.name");
    }
}
