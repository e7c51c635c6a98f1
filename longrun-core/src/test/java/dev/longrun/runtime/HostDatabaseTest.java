package dev.longrun.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.JobResult;
import dev.longrun.JobType;
import dev.longrun.Longrun;
import dev.longrun.store.EmbeddedDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Longrun moves into a database that already holds the host application's own tables. */
class HostDatabaseTest {

    @TempDir
    Path dataDir;

    @Test
    void anEmbeddedDatabaseWithTheHostsTablesIsMigratedWithoutTouchingThem() throws Exception {
        String url = "jdbc:sqlite:" + dataDir.resolve(EmbeddedDatabase.FILE_NAME);
        try (Connection c = DriverManager.getConnection(url)) {
            c.createStatement().execute("CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT)");
            c.createStatement().execute("INSERT INTO contacts (name) VALUES ('Ada')");
        }
        try (Longrun longrun = Longrun.builder().dataDir(dataDir)
                .register(JobType.builder("host.noop", Map.class, ctx -> JobResult.done()).build()).build()) {
            assertThat(longrun.jobTypes()).hasSize(1);
        }
        try (Connection c = DriverManager.getConnection(url);
             var rs = c.createStatement().executeQuery("SELECT count(*) FROM contacts")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }
}
