package org.encounter.notifications.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import java.util.Optional;
import org.encounter.base.HomeSection;
import org.encounter.notifications.NotificationService;

/** On the home page, first: what is new for this person. */
@org.springframework.stereotype.Component
class UnreadHome implements HomeSection {

    private final NotificationService notifications;

    UnreadHome(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Override
    public int order() {
        return 1;
    }

    @Override
    public Optional<Component> create() {
        var unread = notifications.mine(3).stream().filter(n -> !n.read()).toList();
        if (unread.isEmpty()) {
            return Optional.empty();
        }
        Div card = new Div();
        card.addClassNames("home-card", "notice", "info");
        card.setId("home-unread");
        unread.forEach(n -> card.add(new Paragraph(card.getTranslation(n.messageKey(), n.args().toArray()))));
        card.add(new Button(card.getTranslation("notifications.see-all"), e -> UI.getCurrent().navigate("notifications")));
        return Optional.of(card);
    }
}
