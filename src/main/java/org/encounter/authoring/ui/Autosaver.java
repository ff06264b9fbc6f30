package org.encounter.authoring.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.encounter.base.ui.SaveStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.transaction.TransactionException;

/**
 * Runs the editor's saves and shows their state. A save that fails because the server or the
 * database is unreachable is kept and retried every few seconds until it goes through, so
 * nothing typed is lost to a blip.
 */
class Autosaver implements Serializable {

    interface Save extends Serializable {
        void run();
    }

    private static final Logger log = LoggerFactory.getLogger(Autosaver.class);
    private static final int RETRY_MILLIS = 4000;

    private final SaveStatus status;
    private final Map<Object, Save> pending = new LinkedHashMap<>();
    private Registration polling;

    Autosaver(SaveStatus status) {
        this.status = status;
    }

    /** Queues the latest save for {@code key} (replacing an older one) and runs it now. */
    void save(Object key, Save save) {
        pending.put(key, save);
        flush();
    }

    void invalid() {
        status.set(SaveStatus.State.INVALID);
    }

    void flush() {
        status.set(SaveStatus.State.SAVING);
        var iterator = pending.entrySet().iterator();
        while (iterator.hasNext()) {
            var entry = iterator.next();
            try {
                entry.getValue().run();
                iterator.remove();
            } catch (OptimisticLockingFailureException e) {
                throw e;
            } catch (DataAccessException | TransactionException e) {
                log.warn("Save failed, will retry: {}", e.getMessage());
                status.set(SaveStatus.State.RETRYING);
                startRetrying();
                return;
            }
        }
        if (status.getElement().getAttribute("data-state").equals("saving")) {
            status.set(SaveStatus.State.SAVED);
        }
        stopRetrying();
    }

    private void startRetrying() {
        UI ui = UI.getCurrent();
        if (ui != null && polling == null) {
            ui.setPollInterval(RETRY_MILLIS);
            polling = ui.addPollListener(e -> flush());
        }
    }

    private void stopRetrying() {
        if (polling != null) {
            polling.remove();
            polling = null;
            UI.getCurrent().setPollInterval(-1);
        }
    }
}
