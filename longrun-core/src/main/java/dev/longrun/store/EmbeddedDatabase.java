package dev.longrun.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.longrun.DataDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The embedded default: a SQLite file {@code <dataDir>/longrun.db} in WAL mode, for one node with no setup.
 * Writes wait up to 10 s for the lock (busy_timeout) and start with BEGIN IMMEDIATE; the store also
 * serializes its own writes. Used by the runtime when no DataSource is configured. Close it on shutdown.
 */
public final class EmbeddedDatabase {

    public static final String FILE_NAME = "longrun.db";

    private EmbeddedDatabase() {
    }

    public static HikariDataSource open(Path dataDir) {
        try {
            DataDirectory.create(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + dataDir.toAbsolutePath()
                    + " for the embedded job database; check that it is writable or set longrun.data-dir.", e);
        }
        Path file = dataDir.resolve(FILE_NAME).toAbsolutePath();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:sqlite:" + file);
        config.setPoolName("longrun-sqlite");
        config.setMaximumPoolSize(4);
        config.addDataSourceProperty("journal_mode", "WAL");
        config.addDataSourceProperty("synchronous", "NORMAL");
        config.addDataSourceProperty("busy_timeout", "10000");
        config.addDataSourceProperty("foreign_keys", "true");
        config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
        return new HikariDataSource(config);
    }
}
