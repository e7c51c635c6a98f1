package dev.longrun.store;

import dev.longrun.LongrunException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/** Creates the {@link JobStore} for a DataSource, choosing the dialect from the database it connects to. */
public final class JobStores {

    public static final String DEFAULT_SCHEMA = "longrun";

    private JobStores() {
    }

    /**
     * @param schema PostgreSQL schema of Longrun's tables (created by {@link JobStore#migrate}); ignored on
     *               SQLite, where the tables are prefixed {@code longrun_}. Null means {@value #DEFAULT_SCHEMA}.
     */
    public static SqlJobStore create(DataSource dataSource, String schema) {
        return create(dataSource, schema, new JobJson());
    }

    public static SqlJobStore create(DataSource dataSource, String schema, JobJson json) {
        Dialect dialect = detect(dataSource);
        String effective = schema == null ? DEFAULT_SCHEMA : schema;
        if (dialect == Dialect.POSTGRESQL) {
            Migrations.quote(effective);
        }
        return new SqlJobStore(dialect, dataSource, effective, json);
    }

    public static Dialect detect(DataSource dataSource) {
        String product;
        try (Connection c = dataSource.getConnection()) {
            product = c.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw StoreException.fromConnection(e);
        } catch (RuntimeException e) {
            // A pool started by its first use reports a database it cannot reach unchecked (HikariCP's PoolInitializationException).
            if (StoreException.isConnectionFailure(e)) {
                throw LongrunException.storeUnavailable(e);
            }
            throw e;
        }
        String p = product == null ? "" : product.toLowerCase(Locale.ROOT);
        if (p.contains("postgres")) {
            return Dialect.POSTGRESQL;
        }
        if (p.contains("sqlite")) {
            return Dialect.SQLITE;
        }
        throw new LongrunException("unsupported_database", "Longrun stores jobs in PostgreSQL or SQLite, but the DataSource connects to "
                + product + ". Point it at PostgreSQL, or leave it out to use the embedded database.");
    }
}
