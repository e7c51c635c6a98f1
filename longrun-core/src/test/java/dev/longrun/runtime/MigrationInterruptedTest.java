package dev.longrun.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.longrun.JobResult;
import dev.longrun.JobStatus;
import dev.longrun.JobType;
import dev.longrun.Longrun;
import dev.longrun.LongrunException;
import dev.longrun.StartOptions;
import dev.longrun.testing.PostgresSchema;
import dev.longrun.testing.TcpProxy;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node that starts while PostgreSQL drops its connections in the middle of the migration waits for the database and
 * finishes the migration once it answers (the chaos run saw such a node exit); a real schema error still stops the
 * start at once.
 */
class MigrationInterruptedTest {

    /** Sent only by V5's third statement (V10 replaces the function later): V5 is cut after two of its statements ran. */
    private static final String IN_V5 = ".notify_job_outcomes() RETURNS trigger";

    @TempDir
    Path dataDir;

    @Test
    void aConnectionDroppedInTheMiddleOfTheMigrationIsWaitedOutAndTheSchemaEndsComplete() throws Exception {
        try (PostgresSchema schema = PostgresSchema.create(MigrationInterruptedTest.class);
             TcpProxy proxy = new TcpProxy(5432);
             HikariDataSource ds = viaPort(proxy.port())) {
            proxy.dropOnceWhenClientSends(IN_V5);
            CompletableFuture<Longrun> starting = CompletableFuture.supplyAsync(() -> builder(ds, schema)
                    .databaseWaitAtStart(Duration.ofMinutes(5)).build());

            await("V5 cut, then new connections refused, or the start giving up").atMost(Duration.ofMinutes(2))
                    .until(() -> proxy.connectionsClosedAtOnce() >= 3 || starting.isDone());
            assertThat(proxy.drops()).as("the migration's connection was dropped in the middle of V5").isEqualTo(1);
            assertThat(starting).as("the start kept waiting for the database instead of failing").isNotDone();
            proxy.forwardNewConnections();

            try (Longrun longrun = starting.get(2, TimeUnit.MINUTES)) {
                assertThat(appliedVersions(schema)).as("every migration applied once, none failed")
                        .containsExactlyElementsOf(shippedVersions());
                var job = longrun.start("interrupted.noop", Map.of(), StartOptions.forUser("acme", "alice")).job();
                await().atMost(Duration.ofMinutes(1)).until(() -> longrun.get(job.id()).orElseThrow().status() == JobStatus.SUCCEEDED);
            }
        }
    }

    @Test
    void aChecksumMismatchStopsTheStartAtOnceInsteadOfWaiting() throws Exception {
        try (PostgresSchema schema = PostgresSchema.create(MigrationInterruptedTest.class)) {
            builder(schema.dataSource(), schema).build().close();
            execute(schema, "UPDATE " + schema.name() + ".flyway_schema_history SET checksum = checksum + 1 WHERE version = '3'");

            // Were a schema error waited on, the start would end after the wait as "stayed unreachable" (store_unavailable).
            assertThatThrownBy(() -> builder(schema.dataSource(), schema).databaseWaitAtStart(Duration.ofMinutes(5)).build())
                    .isInstanceOfSatisfying(LongrunException.class, e -> assertThat(e.code()).isEqualTo("store_error"))
                    .hasMessageContaining("checksum mismatch");
        }
    }

    private dev.longrun.LongrunBuilder builder(javax.sql.DataSource ds, PostgresSchema schema) {
        return Longrun.builder().dataSource(ds).schema(schema.name()).dataDir(dataDir).pollInterval(Duration.ofMillis(100))
                .register(JobType.builder("interrupted.noop", Map.class, ctx -> JobResult.done()).build());
    }

    private static HikariDataSource viaPort(int port) {
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + port + "/test");
        c.setUsername(PostgresSchema.USER);
        c.setMaximumPoolSize(4);
        c.setConnectionTimeout(1_000);
        c.setInitializationFailTimeout(-1);
        return new HikariDataSource(c);
    }

    private static List<String> appliedVersions(PostgresSchema schema) throws SQLException {
        List<String> versions = new ArrayList<>();
        try (Connection c = schema.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, success FROM " + schema.name()
                     + ".flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank")) {
            while (rs.next()) {
                versions.add(rs.getString(1) + (rs.getBoolean(2) ? "" : " (failed)"));
            }
        }
        return versions;
    }

    private static List<String> shippedVersions() throws IOException, URISyntaxException {
        Path folder = Path.of(MigrationInterruptedTest.class.getClassLoader().getResource("db/postgresql/migration").toURI());
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString())
                    .map(name -> name.substring(1, name.indexOf("__")))
                    .sorted((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b)))
                    .toList();
        }
    }

    private static void execute(PostgresSchema schema, String sql) throws SQLException {
        try (Connection c = schema.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
