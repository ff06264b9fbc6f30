package org.encounter.authoring.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;
import java.util.Optional;
import org.encounter.authoring.AuthorWaiting;
import org.encounter.authoring.ReviewInbox;
import org.encounter.base.HomeSection;
import org.encounter.identity.CurrentPerson;
import org.encounter.identity.Role;

/** On an author's home page, after the authoring guidance: their modules where the curators wait for an answer. */
@org.springframework.stereotype.Component
class AuthorWaitingHome implements HomeSection {

    private final ReviewInbox inbox;
    private final CurrentPerson current;

    AuthorWaitingHome(ReviewInbox inbox, CurrentPerson current) {
        this.inbox = inbox;
        this.current = current;
    }

    @Override
    public int order() {
        return 31;
    }

    @Override
    public Optional<Component> create() {
        if (!current.has(Role.AUTHOR)) {
            return Optional.empty();
        }
        List<AuthorWaiting> waiting = inbox.forAuthor();
        Div card = new Div();
        card.addClassName("home-card");
        card.setId("home-author-waiting");
        card.add(new H2(card.getTranslation("home.author-waiting.title")));
        if (waiting.isEmpty()) {
            card.add(new Paragraph(card.getTranslation("home.author-waiting.none")));
            return Optional.of(card);
        }
        UnorderedList list = new UnorderedList();
        waiting.forEach(m -> list.add(new ListItem(new Anchor("authoring/" + m.moduleId(), line(card, m)))));
        card.add(list);
        return Optional.of(card);
    }

    private static String line(Component context, AuthorWaiting m) {
        if (m.changesRequested() && m.newComments() > 0) {
            return context.getTranslation("home.author-waiting.both", m.title(), m.newComments());
        }
        return m.changesRequested() ? context.getTranslation("home.author-waiting.changes", m.title())
                : context.getTranslation("home.author-waiting.comments", m.title(), m.newComments());
    }
}
