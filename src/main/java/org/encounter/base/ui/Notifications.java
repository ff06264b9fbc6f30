package org.encounter.base.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** Short, polite messages after an action. */
public final class Notifications {

    private Notifications() {
    }

    public static void success(String text) {
        show(text, NotificationVariant.LUMO_SUCCESS, 3000);
    }

    public static void error(String text) {
        show(text, NotificationVariant.LUMO_ERROR, 6000);
    }

    private static void show(String text, NotificationVariant variant, int millis) {
        Notification notification = Notification.show(text, millis, Notification.Position.BOTTOM_CENTER);
        notification.addThemeVariants(variant);
    }
}
