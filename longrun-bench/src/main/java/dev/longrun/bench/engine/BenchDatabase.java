package dev.longrun.bench.engine;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The local PostgreSQL as the engine benchmark uses it: one fresh schema per system under test
 * (dropped on close), a pool for that system, and a separate connection for the benchmark's own
 * counting so the system's pool is not shared with the watcher.
 */
public final class BenchDatabase implements AutoCloseable {

    public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    private final String url;
    private final String user;
    private final String schema;
    private final Connection admin;

    private BenchDatabase(String url, String user, String schema, Connection admin) {
        this.url = url;
        this.user = user;
        this.schema = schema;
        this.admin = admin;
    }

    /** Creates {@code bench_<label>_<random>}; fails with a hint when PostgreSQL is not reachable. */
    public static BenchDatabase create(String url, String user, String label) {
        String schema = ("bench_" + label + "_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16))
                .toLowerCase(Locale.ROOT);
        try {
            Connection admin = DriverManager.getConnection(url, user, "");
            admin.setAutoCommit(true);
            try (Statement st = admin.createStatement()) {
                st.execute("CREATE SCHEMA " + schema);
            }
            return new BenchDatabase(url, user, schema, admin);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach PostgreSQL at " + url + " as " + user
                    + " (start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start): "
                    + e.getMessage(), e);
        }
    }

    public String schema() {
        return schema;
    }

    /** A pool of {@code size} connections whose search_path is this schema. */
    public HikariDataSource pool(String name, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setSchema(schema);
        config.setPoolName(name);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        config.setConnectionTimeout(30_000);
        return new HikariDataSource(config);
    }

    public void execute(String sql) {
        try (Statement st = admin.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Failed: " + sql + ": " + e.getMessage(), e);
        }
    }

    /** A single number from {@code sql} (e.g. a count), on the benchmark's own connection. */
    public long queryLong(String sql) {
        try (Statement st = admin.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Failed: " + sql + ": " + e.getMessage(), e);
        }
    }

    /** Refreshes planner statistics of a table after the bulk insert; done the same way for every system. */
    public void analyze(String table) {
        execute("ANALYZE " + schema + "." + table);
    }

    @Override
    public void close() {
        try (admin; Statement st = admin.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            System.err.println("Could not drop schema " + schema + ": " + e.getMessage());
        }
    }
}
