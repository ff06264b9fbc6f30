package org.encounter.authoring.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.Optional;
import org.encounter.authoring.ReviewInbox;
import org.encounter.authoring.ReviewWaiting;
import org.encounter.base.HomeSection;
import org.encounter.identity.CurrentPerson;
import org.encounter.identity.Role;

/** On a curator's home page, after the review guidance: the modules waiting for their decision. */
@org.springframework.stereotype.Component
class ReviewWaitingHome implements HomeSection {

    static final int SHOWN = 5;

    private final ReviewInbox inbox;
    private final CurrentPerson current;

    ReviewWaitingHome(ReviewInbox inbox, CurrentPerson current) {
        this.inbox = inbox;
        this.current = current;
    }

    @Override
    public int order() {
        return 41;
    }

    @Override
    public Optional<Component> create() {
        if (!current.has(Role.CURATOR)) {
            return Optional.empty();
        }
        ReviewWaiting waiting = inbox.forCurator(SHOWN);
        Div card = new Div();
        card.addClassName("home-card");
        card.setId("home-review-waiting");
        card.add(new H2(card.getTranslation("home.review-waiting.title")));
        if (waiting.count() == 0) {
            card.add(new Paragraph(card.getTranslation("home.review-waiting.none")));
            return Optional.of(card);
        }
        Paragraph count = new Paragraph(card.getTranslation("home.review-waiting.count", waiting.count()));
        count.setId("home-review-waiting-count");
        UnorderedList list = new UnorderedList();
        waiting.first().forEach(m -> list.add(new ListItem(new Anchor("review/" + m.id(), m.title()))));
        card.add(count, list, new Button(card.getTranslation("home.review-waiting.open-queue"),
                e -> UI.getCurrent().navigate(ReviewQueueView.class)));
        return Optional.of(card);
    }
}
