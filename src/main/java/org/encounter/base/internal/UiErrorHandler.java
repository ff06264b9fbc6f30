package org.encounter.base.internal;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.encounter.base.ui.Notifications;
import org.encounter.base.ui.SlowDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Failures in clicks and edits become a plain message for the person and a log entry for us; a database that did
 * not answer in time is said as such (try again in a moment), not as a failure.
 */
@Component
class UiErrorHandler implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(UiErrorHandler.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this::handle));
    }

    private void handle(ErrorEvent event) {
        Throwable cause = event.getThrowable();
        boolean denied = false;
        for (Throwable t = cause; t != null; t = t.getCause()) {
            denied |= t instanceof AccessDeniedException;
        }
        boolean slow = !denied && SlowDatabase.caused(cause);
        if (denied) {
            log.warn("Refused: {}", cause.getMessage());
            log.debug("Refused here", cause);
        } else if (slow) {
            log.warn("The database did not answer in time: {}", cause.toString());
        } else {
            log.error("Unexpected error", cause);
        }
        UI ui = UI.getCurrent();
        if (ui != null) {
            Notifications.error(ui.getTranslation(denied ? "error.denied" : slow ? "error.database-slow" : "error.general.text"));
        }
    }
}
