package dev.longrun.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.sqlite.SQLiteConnection;

/**
 * Keeps each named statement prepared on each SQLite connection, so a statement is compiled once per connection
 * instead of on every call (sqlite-jdbc has no statement cache and HikariCP keeps none by design; compiling was a
 * third of a queue standing's cost and about a tenth of an HTTP start's CPU). PostgreSQL needs none: pgjdbc keeps its
 * server-side statements per connection itself.
 *
 * <p>Statements live on the driver's own connection, under the pool's proxy, and are lent out, not shared: {@link #take}
 * removes a statement from its connection's shelf (or prepares one), {@link #giveBack} puts it back after a use that
 * ended cleanly; a statement whose use failed is closed instead (rare, and then no half-used state is kept).
 * Only the thread holding a connection from the pool touches that connection's shelf. Closing a connection finalizes
 * its statements (sqlite-jdbc), and the shelves of connections the pool closed are dropped when a new one appears.
 *
 * <p>A statement is given back still bound to its use's values unless one of them was large: clearing the parameters
 * ({@code sqlite3_clear_bindings}) expires any statement whose plan SQLite made with a bound value in view (a
 * {@code LIMIT} parameter, an {@code ORDER BY}), so its next use is compiled again, 1.5-15 times the cost of the use
 * (docs/benchmarks/http.md, "Sixth pass (branch {@code reprepare})"); the next use binds every parameter anyway.
 */
final class SqliteStatementCache {

    private final Map<SQLiteConnection, Map<String, PreparedStatement>> shelves = new ConcurrentHashMap<>();

    /** A statement for {@code sql} on the connection under {@code pooled}, bound to nothing yet or to a past use's values. */
    PreparedStatement take(Connection pooled, String sql) throws SQLException {
        SQLiteConnection driver = driverConnection(pooled);
        if (driver == null) {
            return pooled.prepareStatement(sql);
        }
        PreparedStatement kept = shelf(driver).remove(sql);
        return kept != null ? kept : driver.prepareStatement(sql);
    }

    /** Values bound longer than this many characters or bytes are not kept bound between uses. */
    static final int KEPT_VALUE_LENGTH = 1_024;

    /**
     * After a use that ended cleanly (its result set closed, which resets the statement): kept for the next use, its
     * parameters cleared only when {@code boundLarge} (see {@link #large}), so that a kept statement holds no large
     * past value (a batch's JSON) alive, in sqlite-jdbc or in SQLite, while it waits.
     */
    void giveBack(Connection pooled, String sql, PreparedStatement statement, boolean boundLarge) throws SQLException {
        SQLiteConnection driver = driverConnection(pooled);
        if (driver == null || driver.isClosed()) {
            statement.close();
            return;
        }
        if (boundLarge) {
            statement.clearParameters();
        }
        PreparedStatement other = shelf(driver).putIfAbsent(sql, statement);
        if (other != null) {
            statement.close(); // a nested use of the same statement prepared a second one
        }
    }

    /** Whether a value, once bound, is too large to stay bound while its statement waits: lists (JSON) and long texts. */
    static boolean large(Object value) {
        return switch (value) {
            case SqlList list -> true; // bound as one JSON text as long as the list: a batch's rows
            case CharSequence text -> text.length() > KEPT_VALUE_LENGTH;
            case byte[] bytes -> bytes.length > KEPT_VALUE_LENGTH;
            case null, default -> false;
        };
    }

    /** Statements kept for this connection (for tests). */
    int kept(Connection pooled) throws SQLException {
        SQLiteConnection driver = driverConnection(pooled);
        Map<String, PreparedStatement> shelf = driver == null ? null : shelves.get(driver);
        return shelf == null ? 0 : shelf.size();
    }

    /** Connections with a shelf (for tests). */
    int connections() {
        return shelves.size();
    }

    private Map<String, PreparedStatement> shelf(SQLiteConnection driver) {
        Map<String, PreparedStatement> shelf = shelves.get(driver);
        if (shelf == null) {
            // A connection new to this cache: the pool may have closed others since (retired, evicted); forget them.
            shelves.keySet().removeIf(SqliteStatementCache::closed);
            shelf = shelves.computeIfAbsent(driver, d -> new HashMap<>());
        }
        return shelf;
    }

    private static boolean closed(SQLiteConnection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    /** The driver's connection under the pool's proxy; null when there is none to unwrap (then nothing is kept). */
    private static SQLiteConnection driverConnection(Connection pooled) throws SQLException {
        if (pooled instanceof SQLiteConnection driver) {
            return driver;
        }
        return pooled.isWrapperFor(SQLiteConnection.class) ? pooled.unwrap(SQLiteConnection.class) : null;
    }
}
