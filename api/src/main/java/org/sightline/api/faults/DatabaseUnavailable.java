package org.sightline.api.faults;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Thrown, and recognised, when the database does not answer: no connection within the pool's
 * timeout, a connection lost or refused, the server shutting down. The caller gets 503 with
 * {@code Retry-After}, an operator gets one log line, not a stack trace per request.
 */
public class DatabaseUnavailable extends RuntimeException {

    /** What the caller reads. */
    public static final String MESSAGE = "the database is not answering; try again shortly";

    /** Seconds a caller is told to wait before retrying. */
    public static final int RETRY_AFTER_SECONDS = 5;

    public DatabaseUnavailable(Throwable cause) {
        super(MESSAGE, cause);
    }

    /** Whether {@code failure}, or anything that caused it, says the database is away (rather than a bad query). */
    public static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DatabaseUnavailable || t instanceof SQLTransientConnectionException
                    || t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException) {
                return true;
            }
            if (t instanceof QueryTimeoutException) {
                // A statement timeout is a limit, decided elsewhere, not an outage.
                return false;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    // 08: connection exception; 57P01-03: admin/crash shutdown, cannot connect now.
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
        }
        return false;
    }
}
