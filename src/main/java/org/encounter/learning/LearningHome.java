package org.encounter.learning;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import java.util.Optional;
import java.util.stream.Stream;
import org.encounter.base.HomeSection;
import org.encounter.identity.CurrentPerson;
import org.encounter.identity.Role;

/** On the home page: the learner's next thing to do — continue, report back, or an assignment. */
@org.springframework.stereotype.Component
class LearningHome implements HomeSection {

    private final LearningService learning;
    private final CurrentPerson current;

    LearningHome(LearningService learning, CurrentPerson current) {
        this.learning = learning;
        this.current = current;
    }

    @Override
    public int order() {
        return 11;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> create() {
        if (!current.has(Role.LEARNER)) {
            return Optional.empty();
        }
        MyLearning mine = learning.myLearning();
        Div card = new Div(new H2(card().getTranslation("home.next.title")));
        card.addClassName("home-card");
        card.setId("home-next");
        Stream.of(mine.awaitingReportBack(), mine.inProgress(), mine.assigned()).flatMap(java.util.List::stream).limit(3)
                .forEach(item -> card.add(item(card, item)));
        if (card.getChildren().count() == 1) {
            card.add(new Button(card.getTranslation("home.next.browse"), e -> UI.getCurrent().navigate("learn")));
        }
        return Optional.of(card);
    }

    /** The module's title as text that wraps, and beside it a short "Start" or "Open". */
    private static Div item(Div card, LearningItem item) {
        String action = item.attemptId() == null ? "catalogue.start" : "my-learning.open";
        Span title = new Span(item.title());
        Div row = new Div(title, org.encounter.base.ui.ShortButton.create(card.getTranslation(action + ".short"),
                card.getTranslation(action, item.title()), e -> UI.getCurrent().navigate(item.attemptId() == null
                        ? "learn" : "learn/attempt/" + item.attemptId())));
        row.addClassName("home-item");
        return row;
    }

    private static Div card() {
        return new Div();
    }
}
