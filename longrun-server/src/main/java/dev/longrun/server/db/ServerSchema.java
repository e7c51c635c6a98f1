package dev.longrun.server.db;

import dev.longrun.store.SqlFolder;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Migrates the server's own tables (contacts, outbox) with Flyway from {@code db/server/<dialect>/migration},
 * keeping its history in a table of its own so it never mixes with Longrun's or a host's migrations.
 */
public final class ServerSchema {

    public static final String HISTORY_TABLE = "server_schema_history";
    /** The server's SQL: {@code db/server/<dialect>/<feature>.sql} and {@code db/server/<dialect>/migration}. */
    public static final String FOLDER = "db/server";

    private ServerSchema() {
    }

    /** The server's SQL for the database {@code dataSource} connects to. */
    public static SqlFolder sql(DataSource dataSource) {
        return SqlFolder.of(dataSource, FOLDER);
    }

    public static MigrateResult migrate(DataSource dataSource, SqlFolder sql) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations(sql.migrations())
                .table(HISTORY_TABLE)
                // The database usually already holds Longrun's tables; baseline at 0 so V1 still runs.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
