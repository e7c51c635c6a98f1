package dev.longrun.store;

import dev.longrun.LongrunException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * A database error the store could not handle, with the statement that failed. Connection failures
 * become {@link LongrunException#storeUnavailable} instead, so callers can tell "try again" from a bug.
 */
public final class StoreException extends LongrunException {

    public StoreException(String message, Throwable cause) {
        super("store_error", message, cause);
    }

    /** Maps a JDBC failure of {@code statement} to an unchecked exception. */
    public static LongrunException from(SQLException e, String statement) {
        if (isConnectionFailure(e)) {
            return LongrunException.storeUnavailable(e);
        }
        return new StoreException("Job store statement " + statement + " failed: " + e.getMessage()
                + (e.getSQLState() == null ? "" : " (SQLState " + e.getSQLState() + ")"), e);
    }

    /** Getting, committing or releasing a connection failed (no particular statement). */
    static LongrunException fromConnection(SQLException e) {
        if (isConnectionFailure(e)) {
            return LongrunException.storeUnavailable(e);
        }
        return new StoreException("The job store could not use its database connection: " + e.getMessage()
                + (e.getSQLState() == null ? "" : " (SQLState " + e.getSQLState() + ")"), e);
    }

    /** Class 08 (connection exception); 57P01-57P03: the server is shutting down, crashed or still starting. */
    private static boolean isUnavailableState(String state) {
        return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
    }

    static boolean isConnectionFailure(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && isUnavailableState(sql.getSQLState())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
