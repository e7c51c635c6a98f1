package dev.longrun.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * Runs named statements on connections from the DataSource: reads in auto-commit, writes in one
 * transaction each. On SQLite, which allows one writer at a time, writes of this process are serialized
 * here so they queue in Java instead of failing with SQLITE_BUSY (busy_timeout covers other processes).
 */
final class Database {

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private static final Map<DataSource, ReentrantLock> WRITE_LOCKS = new WeakHashMap<>();

    private final DataSource dataSource;
    private final NamedStatements statements;
    private final SqlTypes types;
    private final ReentrantLock writeLock;
    private final SqliteStatementCache cache;

    /** {@code sqlite}: writes serialized in this process, statements kept prepared per connection. */
    Database(DataSource dataSource, NamedStatements statements, SqlTypes types, boolean sqlite) {
        this.dataSource = dataSource;
        this.statements = statements;
        this.types = types;
        this.writeLock = sqlite ? writeLockOf(dataSource) : null;
        this.cache = sqlite ? new SqliteStatementCache() : null;
    }

    /** The statements kept per connection on SQLite; null elsewhere (for tests). */
    SqliteStatementCache statementCache() {
        return cache;
    }

    /** One lock per database, shared by every store on that DataSource in this JVM. */
    private static synchronized ReentrantLock writeLockOf(DataSource dataSource) {
        return WRITE_LOCKS.computeIfAbsent(dataSource, ds -> new ReentrantLock(true));
    }

    <T> T read(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw StoreException.fromConnection(e);
        }
    }

    /**
     * Several reads that see the database at one moment, in one read-only transaction: on PostgreSQL at REPEATABLE
     * READ (at READ COMMITTED each statement would take its own snapshot); on SQLite a deferred one begun by hand,
     * whose first read fixes its WAL snapshot. Not through the driver there: the embedded pool begins its
     * transactions IMMEDIATE, which takes the write lock, so a list read would hold up every write meanwhile.
     */
    <T> T snapshot(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            if (writeLock == null) {
                return inTransaction(c, tx -> {
                    try (var st = tx.createStatement()) {
                        st.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                    }
                    return work.run(tx);
                });
            }
            if (!c.getAutoCommit()) {
                return inTransaction(c, work); // a pool without auto-commit: the driver's transaction is the one there is
            }
            try (var st = c.createStatement()) {
                st.execute("BEGIN DEFERRED");
            }
            try {
                T result = work.run(c);
                try (var st = c.createStatement()) {
                    st.execute("COMMIT");
                }
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                try (var st = c.createStatement()) {
                    st.execute("ROLLBACK");
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw StoreException.fromConnection(e);
        }
    }

    <T> T write(Work<T> work) {
        if (writeLock != null) {
            writeLock.lock();
        }
        try (Connection c = dataSource.getConnection()) {
            return inTransaction(c, work);
        } catch (SQLException e) {
            throw StoreException.fromConnection(e);
        } finally {
            if (writeLock != null) {
                writeLock.unlock();
            }
        }
    }

    /**
     * One write statement committed on its own (auto-commit): one round trip, atomic as any single statement. A pool
     * configured without auto-commit gets an explicit commit, as in {@link #write}: a statement alone would be rolled
     * back when the pool takes the connection back.
     */
    <T> T writeAlone(Work<T> work) {
        if (writeLock != null) {
            writeLock.lock();
        }
        try (Connection c = dataSource.getConnection()) {
            return c.getAutoCommit() ? work.run(c) : inTransaction(c, work);
        } catch (SQLException e) {
            throw StoreException.fromConnection(e);
        } finally {
            if (writeLock != null) {
                writeLock.unlock();
            }
        }
    }

    /**
     * One statement that changes rows, as its own transaction. On PostgreSQL it runs in auto-commit ({@link #writeAlone}):
     * the separate COMMIT of {@link #write} is a second round trip per claim or finish (on a loaded machine each round
     * trip waits for both processes to be scheduled again). SQLite keeps {@link #write}'s transaction.
     */
    <T> List<T> writeOne(String name, Params params, RowMapper<T> mapper) {
        if (writeLock != null) {
            return write(c -> query(c, name, params, mapper));
        }
        return writeAlone(c -> query(c, name, params, mapper));
    }

    private static <T> T inTransaction(Connection c, Work<T> work) throws SQLException {
        c.setAutoCommit(false);
        try {
            T result = work.run(c);
            c.commit();
            return result;
        } catch (SQLException | RuntimeException | Error e) {
            rollbackQuietly(c, e);
            throw e;
        } finally {
            restoreAutoCommit(c);
        }
    }

    <T> List<T> query(Connection c, String name, Params params, RowMapper<T> mapper) {
        NamedStatement statement = statements.get(name);
        try {
            PreparedStatement ps = prepare(c, statement, params);
            boolean boundLarge = boundLarge(statement, params);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
            } catch (SQLException | RuntimeException | Error e) {
                closeAfter(ps, e);
                throw e;
            }
            release(c, statement, ps, boundLarge);
            return rows;
        } catch (SQLException e) {
            throw StoreException.from(e, name);
        }
    }

    int update(Connection c, String name, Params params) {
        NamedStatement statement = statements.get(name);
        try {
            PreparedStatement ps = prepare(c, statement, params);
            boolean boundLarge = boundLarge(statement, params);
            int changed;
            try {
                changed = ps.executeUpdate();
            } catch (SQLException | RuntimeException | Error e) {
                closeAfter(ps, e);
                throw e;
            }
            release(c, statement, ps, boundLarge);
            return changed;
        } catch (SQLException e) {
            throw StoreException.from(e, name);
        }
    }

    /** One statement, many parameter sets, one round trip (JDBC batch). */
    void batch(Connection c, String name, List<Params> rows) {
        if (rows.isEmpty()) {
            return;
        }
        NamedStatement statement = statements.get(name);
        try {
            PreparedStatement ps = statement(c, statement);
            try {
                for (Params row : rows) {
                    bindAll(c, ps, statement, row);
                    ps.addBatch();
                }
                ps.executeBatch();
            } catch (SQLException | RuntimeException | Error e) {
                closeAfter(ps, e);
                throw e;
            }
            release(c, statement, ps, true); // many rows bound: cleared, whatever their size
        } catch (SQLException e) {
            throw StoreException.from(e, name);
        }
    }

    private PreparedStatement prepare(Connection c, NamedStatement statement, Params params) throws SQLException {
        PreparedStatement ps = statement(c, statement);
        try {
            bindAll(c, ps, statement, params);
            return ps;
        } catch (SQLException | RuntimeException e) {
            closeAfter(ps, e);
            throw e;
        }
    }

    /** A statement whose use failed is closed, never kept: no half-used statement is lent out again. */
    private static void closeAfter(PreparedStatement ps, Throwable failure) {
        try {
            ps.close();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /** A kept statement on SQLite, else a new one; a statement whose use failed is closed, never kept. */
    private PreparedStatement statement(Connection c, NamedStatement statement) throws SQLException {
        return cache == null ? c.prepareStatement(statement.jdbcSql()) : cache.take(c, statement.jdbcSql());
    }

    /** After a clean use: kept for the connection's next use on SQLite, closed elsewhere. */
    private void release(Connection c, NamedStatement statement, PreparedStatement ps, boolean boundLarge) throws SQLException {
        if (cache == null) {
            ps.close();
        } else {
            cache.giveBack(c, statement.jdbcSql(), ps, boundLarge);
        }
    }

    private static boolean boundLarge(NamedStatement statement, Params params) {
        for (String name : statement.parameters()) {
            if (SqliteStatementCache.large(params.get(statement.name(), name))) {
                return true;
            }
        }
        return false;
    }

    private void bindAll(Connection c, PreparedStatement ps, NamedStatement statement, Params params) throws SQLException {
        List<String> names = statement.parameters();
        for (int i = 0; i < names.size(); i++) {
            types.bind(c, ps, i + 1, params.get(statement.name(), names.get(i)));
        }
    }

    /**
     * Quietly: on a connection the outage already broke this throws "Connection is closed", which would hide the real
     * failure (e.g. store_unavailable) behind a generic store error; the pool evicts such a connection anyway.
     */
    private static void restoreAutoCommit(Connection c) {
        try {
            c.setAutoCommit(true);
        } catch (SQLException ignored) {
            // see above
        }
    }

    private static void rollbackQuietly(Connection c, Throwable failure) {
        try {
            c.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
