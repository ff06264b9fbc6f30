package org.encounter.notifications.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import org.encounter.notifications.NotificationService;
import org.encounter.notifications.NotificationView;

/** The person's notifications, newest first; opening the page marks them read. */
@Route("notifications")
@PermitAll
@Menu(order = 80, title = "menu.notifications", icon = "vaadin:bell")
public class NotificationsView extends VerticalLayout implements HasDynamicTitle {

    public NotificationsView(NotificationService notifications, org.encounter.base.Dates dates) {
        addClassName("view");
        add(new H1(getTranslation("notifications.title")));
        DateTimeFormatter format = dates.dateTimes(getLocale());
        List<NotificationView> mine = notifications.mine(50);
        if (mine.isEmpty()) {
            add(new Paragraph(getTranslation("notifications.none")));
        }
        Div list = new Div();
        list.setId("notifications");
        for (NotificationView n : mine) {
            Span when = new Span(format.format(n.at()));
            when.addClassName("muted");
            Div item = new Div(when, new Paragraph(getTranslation(n.messageKey(), org.encounter.base.NotifyPerson.formatArgs(n.args()))));
            item.addClassNames("home-card", n.read() ? "read" : "unread");
            if (n.link() != null) {
                item.add(new Anchor(n.link(), getTranslation("notifications.open")));
            }
            list.add(item);
        }
        add(list);
        notifications.markAllRead();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("notifications.title") + " · " + getTranslation("app.name");
    }
}
