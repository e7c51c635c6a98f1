package dev.longrun.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Named statements of another Longrun feature's SQL file ({@code db/<dialect>/<file>}), run with the job store's
 * loader, type mapping and transactions. Used by {@code dev.longrun.notify}, so its SQL stays in resource files
 * per dialect and its SQLite writes queue behind the same per-database write lock as the job store's.
 */
public final class NamedSql {

    /** Work inside one connection (a read, or one write transaction). */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Maps the current row. */
    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final Database db;
    private final SqlTypes types;

    private NamedSql(Database db, SqlTypes types) {
        this.db = db;
        this.types = types;
    }

    /**
     * Loads {@code db/<dialect>/<file>} for the database the DataSource connects to; {@code schema} is the
     * PostgreSQL schema (ignored on SQLite).
     */
    public static NamedSql load(DataSource dataSource, String schema, String file) {
        return load(dataSource, JobStores.detect(dataSource), schema, file);
    }

    static NamedSql load(DataSource dataSource, Dialect dialect, String schema, String file) {
        SqlTypes types = dialect == Dialect.POSTGRESQL ? new PostgresTypes() : new SqliteTypes(new JobJson());
        String quoted = dialect == Dialect.POSTGRESQL ? Migrations.quote(schema == null ? JobStores.DEFAULT_SCHEMA : schema) : null;
        NamedStatements statements = NamedStatements.load(dialect, quoted, file);
        return new NamedSql(new Database(dataSource, statements, types, dialect == Dialect.SQLITE), types);
    }

    /**
     * Values bound as one parameter: a typed array on PostgreSQL ({@code = ANY(:p::text[])}, {@code unnest}), a JSON
     * array on SQLite ({@code json_each(:p)}). Elements may be null.
     */
    public static Object texts(java.util.Collection<String> values) {
        return SqlList.of(SqlList.Type.TEXT, new java.util.ArrayList<>(values));
    }

    /** As {@link #texts}, for bigint values. */
    public static Object longs(java.util.Collection<Long> values) {
        return SqlList.of(SqlList.Type.BIGINT, new java.util.ArrayList<>(values));
    }

    /** As {@link #texts}, for instants ({@code ::timestamptz[]} on PostgreSQL, epoch milliseconds on SQLite). */
    public static Object instants(java.util.Collection<Instant> values) {
        return SqlList.of(SqlList.Type.INSTANT, new java.util.ArrayList<>(values));
    }

    public <T> T read(Work<T> work) {
        return db.read(work::run);
    }

    /** One transaction; on SQLite serialized with every other write of this JVM to the same database. */
    public <T> T write(Work<T> work) {
        return db.write(work::run);
    }

    /** Runs a query; parameter values may be null (use a HashMap, not Map.of). */
    public <T> List<T> query(Connection c, String name, Map<String, ?> params, Row<T> row) {
        return db.query(c, name, params(params), row::map);
    }

    public int update(Connection c, String name, Map<String, ?> params) {
        return db.update(c, name, params(params));
    }

    public UUID uuid(ResultSet rs, String column) throws SQLException {
        return types.uuid(rs, column);
    }

    public Instant instant(ResultSet rs, String column) throws SQLException {
        return types.instant(rs, column);
    }

    private static Params params(Map<String, ?> values) {
        Params p = new Params();
        values.forEach(p::set);
        return p;
    }
}
