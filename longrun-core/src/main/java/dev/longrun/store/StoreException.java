package dev.longrun.store;

import dev.longrun.LongrunException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

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

    /**
     * Whether anything in {@code e}'s cause chain says the connection to the database failed, rather than a statement:
     * the chain matters because Flyway and pools wrap the driver's error (Flyway's "Failed to execute script" over
     * PostgreSQL's 08006 "An I/O error occurred").
     */
    static boolean isConnectionFailure(Throwable e) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof SQLTransientConnectionException || isPoolsClosedConnection(t)) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && isUnavailableState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * HikariCP swaps a connection whose driver reported a broken link (SQLState 08…) for a closed one, and every later
     * call on it, e.g. Flyway's rollback after the failed statement, throws "Connection is closed" without a SQLState.
     */
    private static boolean isPoolsClosedConnection(Throwable t) {
        return t instanceof SQLException sql && sql.getSQLState() == null && "Connection is closed".equals(sql.getMessage());
    }
}
