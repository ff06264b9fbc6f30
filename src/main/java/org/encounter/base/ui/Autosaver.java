package org.encounter.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;
import java.io.Serializable;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionTimedOutException;

/**
 * Runs a form's saves as the person types, and shows their state. A save that fails for a while (the database
 * unreachable, a lock held elsewhere, a deadlock, a timeout) is kept and retried, with pauses growing from 4 seconds
 * to a minute, and logged once however long it takes; nothing typed is lost to a blip. A save the database refuses
 * for good (a value it cannot store, a broken constraint) is not retried: the person is told to change it, their
 * text stays in the field, and their next change is saved as usual. A service's field message is shown by the save
 * itself, which then calls {@link #invalid()}.
 */
public class Autosaver implements Serializable {

    public interface Save extends Serializable {
        void run();
    }

    static final int FIRST_RETRY_MILLIS = 4_000;
    static final int LONGEST_RETRY_MILLIS = 60_000;
    /** MariaDB's "lock wait timeout exceeded" and "deadlock found", which JdbcTemplate does not categorise. */
    private static final int LOCK_WAIT_TIMEOUT = 1205;
    private static final int DEADLOCK = 1213;

    private static final Logger log = LoggerFactory.getLogger(Autosaver.class);

    private final SaveStatus status;
    private final TextKeeper keeper = new TextKeeper();
    private final Map<Object, Save> pending = new LinkedHashMap<>();
    private Registration polling;
    private int retryMillis;

    public Autosaver(SaveStatus status) {
        this.status = status;
    }

    /** Queues the latest save for {@code key} (replacing an older one) and runs it now. */
    public void save(Object key, Save save) {
        pending.put(key, save);
        flush();
    }

    /**
     * Keeps what is typed into this field in the browser tab as well, until this saver has saved it: see
     * {@link TextKeeper}. {@code what} names what is edited, e.g. "attempt:12:step:3:answer".
     */
    public <F extends com.vaadin.flow.component.Component & com.vaadin.flow.component.HasValue<?, String>> F keep(
            F field, String what) {
        return keeper.keep(field, what);
    }

    /** The save was refused with a message at its field. */
    public void invalid() {
        status.set(SaveStatus.State.INVALID);
    }

    /** Runs the queued saves; what the next poll does while a save is being retried. */
    public void flush() {
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
                if (passing(e)) {
                    retryLater(e);
                    return;
                }
                iterator.remove();
                refused(e);
            }
        }
        if (SaveStatus.State.SAVING.name().equalsIgnoreCase(status.getElement().getAttribute("data-state"))) {
            status.set(SaveStatus.State.SAVED);
            keeper.saved();
        }
        stopRetrying();
    }

    /** Failures that pass by themselves: worth trying the same save again in a while. */
    static boolean passing(Throwable failure) {
        if (failure instanceof TransientDataAccessException || failure instanceof RecoverableDataAccessException
                || failure instanceof DataAccessResourceFailureException
                || failure instanceof CannotCreateTransactionException || failure instanceof TransactionTimedOutException) {
            return true;
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && (sql.getErrorCode() == LOCK_WAIT_TIMEOUT || sql.getErrorCode() == DEADLOCK
                    || (sql.getSQLState() != null && sql.getSQLState().startsWith("08")))) {
                return true;
            }
        }
        return false;
    }

    private void retryLater(RuntimeException e) {
        if (retryMillis == 0) {
            log.warn("Save failed, retrying until it goes through: {}", e.getMessage());
            retryMillis = FIRST_RETRY_MILLIS;
        } else {
            log.debug("Save failed again, next try in {} ms: {}", retryMillis, e.getMessage());
            retryMillis = Math.min(retryMillis * 2, LONGEST_RETRY_MILLIS);
        }
        status.set(SaveStatus.State.RETRYING);
        UI ui = UI.getCurrent();
        if (ui != null) {
            ui.setPollInterval(retryMillis);
            if (polling == null) {
                polling = ui.addPollListener(event -> flush());
            }
        }
    }

    private void refused(RuntimeException e) {
        log.warn("Save refused by the database, not retried: {}", e.getMessage());
        status.set(SaveStatus.State.FAILED);
        Notifications.error(status.getTranslation("save.failed.detail"));
    }

    private void stopRetrying() {
        if (retryMillis > 0) {
            log.debug("Save went through after retrying");
        }
        retryMillis = 0;
        if (polling != null) {
            polling.remove();
            polling = null;
            UI.getCurrent().setPollInterval(-1);
        }
    }
}
