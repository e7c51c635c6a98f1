package dev.longrun.server.db;

import dev.longrun.store.Dialect;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Migrates the server's own tables (contacts, outbox) with Flyway from {@code db/server/<dialect>/migration},
 * keeping its history in a table of its own so it never mixes with Longrun's or a host's migrations.
 */
public final class ServerSchema {

    public static final String HISTORY_TABLE = "server_schema_history";

    private ServerSchema() {
    }

    public static void migrate(DataSource dataSource, Dialect dialect) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/server/" + dialect.folder() + "/migration")
                .table(HISTORY_TABLE)
                // The database usually already holds Longrun's tables; baseline at 0 so V1 still runs.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
