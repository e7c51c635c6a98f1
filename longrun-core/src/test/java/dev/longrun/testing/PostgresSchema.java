package dev.longrun.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A fresh schema on the machine's PostgreSQL (127.0.0.1:5432, database {@code test}, user
 * {@code postgres}; override with LONGRUN_TEST_PG_URL) for one test class, dropped on close.
 * The DataSource's search_path points at the schema, so Longrun's tables land in it.
 */
public final class PostgresSchema implements AutoCloseable {

    public static final String URL = System.getenv().getOrDefault("LONGRUN_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String USER = System.getenv().getOrDefault("LONGRUN_TEST_PG_USER", "postgres");

    private final String name;
    private final HikariDataSource dataSource;

    private PostgresSchema(String prefix, int poolSize) {
        this.name = (prefix + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        execute("CREATE SCHEMA " + name);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + name);
        config.setUsername(USER);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("test-" + name);
        this.dataSource = new HikariDataSource(config);
    }

    /** A schema named after the test class. */
    public static PostgresSchema create(Class<?> testClass) {
        return create(testClass, 10);
    }

    public static PostgresSchema create(Class<?> testClass, int poolSize) {
        return new PostgresSchema("t_" + testClass.getSimpleName(), poolSize);
    }

    public String name() {
        return name;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** JDBC URL of this schema, for a process of its own (crash tests). */
    public String jdbcUrl() {
        return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + name;
    }

    @Override
    public void close() {
        dataSource.close();
        execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
    }

    private static void execute(String sql) {
        try (Connection c = java.sql.DriverManager.getConnection(URL, USER, "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + URL + " is needed for this test (" + e.getMessage()
                    + "). Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start", e);
        }
    }
}
