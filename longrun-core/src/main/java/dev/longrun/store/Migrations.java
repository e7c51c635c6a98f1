package dev.longrun.store;

import dev.longrun.LongrunException;
import java.util.Map;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Runs Flyway over {@code db/<dialect>/migration}. On PostgreSQL the tables and Flyway's history live in
 * the configured schema ({@code ${schema}} in the scripts); on SQLite they carry a {@code longrun_} prefix.
 */
final class Migrations {

    private static final Pattern SCHEMA_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private Migrations() {
    }

    static void migrate(DataSource dataSource, Dialect dialect, String schema) {
        var config = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/" + dialect.folder() + "/migration")
                .failOnMissingLocations(true)
                // A host database may already hold its own tables: start Longrun's history at 0, then apply V1.
                .baselineOnMigrate(true)
                .baselineVersion("0");
        if (dialect == Dialect.POSTGRESQL) {
            config = config.schemas(schema).defaultSchema(schema).table("flyway_schema_history")
                    .placeholders(Map.of("schema", quote(schema)));
        } else {
            config = config.table("longrun_flyway_history");
        }
        try {
            config.load().migrate();
        } catch (FlywayException e) {
            // Flyway runs each migration with its history row in one transaction here, so one cut off by a dropped
            // connection is rolled back whole and the next try applies it again. Keep every migration transactional
            // (no CREATE INDEX CONCURRENTLY): a non-transactional one cut off leaves a failed row only `flyway repair` clears.
            if (StoreException.isConnectionFailure(e)) {
                throw LongrunException.storeUnavailable(e);
            }
            throw new StoreException("Migrating Longrun's tables (" + dialect.folder() + ") failed: " + e.getMessage(), e);
        }
    }

    /** The schema as a quoted identifier; only plain names are accepted, so nothing else reaches SQL. */
    static String quote(String schema) {
        if (schema == null || !SCHEMA_NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("Schema name '" + schema
                    + "' is not allowed: use letters, digits and underscores, starting with a letter or underscore (e.g. longrun).");
        }
        return '"' + schema + '"';
    }
}
