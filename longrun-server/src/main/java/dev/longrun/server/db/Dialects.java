package dev.longrun.server.db;

import dev.longrun.store.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/** Tells which of Longrun's SQL dialects a DataSource speaks; the server's repositories pick their statements by it. */
public final class Dialects {

    private Dialects() {
    }

    public static Dialect of(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (product.contains("postgres")) {
                return Dialect.POSTGRESQL;
            }
            if (product.contains("sqlite")) {
                return Dialect.SQLITE;
            }
            throw new IllegalStateException("Longrun server runs on PostgreSQL or SQLite, not on " + product);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database to detect its dialect: " + e.getMessage(), e);
        }
    }
}
