package org.encounter.base.ui;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;

/**
 * Whether a failure is the database not answering in time: no free connection within the pool's wait
 * (DB_CONNECTION_WAIT_MS), or a lock held elsewhere for longer than DB_LOCK_WAIT_SECONDS. The person is told the
 * database is slow and to try again, not that something broke: nothing they saved is lost.
 */
public final class SlowDatabase {

    /** MariaDB: lock wait timeout exceeded; statement interrupted by max_statement_time; deadlock. */
    private static final int LOCK_WAIT = 1205;
    private static final int STATEMENT_TIME = 1969;
    private static final int DEADLOCK = 1213;

    private SlowDatabase() {
    }

    public static boolean caused(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLTimeoutException
                    || t instanceof QueryTimeoutException || t instanceof PessimisticLockingFailureException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                int code = sql.getErrorCode();
                if (code == LOCK_WAIT || code == STATEMENT_TIME || code == DEADLOCK) {
                    return true;
                }
            }
        }
        return false;
    }
}
