package dev.longrun.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The contract on the embedded SQLite file, in a temporary data directory. */
class SqliteJobStoreTest extends JobStoreContract {

    private static Path dataDir;
    private static HikariDataSource dataSource;
    private static SqlJobStore store;

    @BeforeAll
    static void openDatabase() throws IOException {
        dataDir = Files.createTempDirectory("longrun-sqlite-test").resolve("data");
        dataSource = EmbeddedDatabase.open(dataDir);
        store = JobStores.create(dataSource, "ignored_on_sqlite");
        assertThat(store.dialect()).isEqualTo(Dialect.SQLITE);
        store.migrate();
        store.migrate();
    }

    @AfterAll
    static void closeDatabase() {
        dataSource.close();
    }

    @Override
    JobStore store() {
        return store;
    }

    @Override
    void wipe() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String table : new String[] {"longrun_job_logs", "longrun_job_items", "longrun_job_files", "longrun_jobs"}) {
                s.execute("DELETE FROM " + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
