package dev.longrun.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.server.testing.ApiClient;
import dev.longrun.server.testing.RunningServer;
import dev.longrun.server.testing.SqliteFile;
import dev.longrun.testing.PostgresSchema;
import dev.longrun.testing.TcpProxy;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A node started while PostgreSQL cannot be reached yet (restarting, or deployed together with the node) waits for it
 * and comes up once it answers, instead of exiting at the first failed connection: the chaos run with a real PostgreSQL
 * restart saw restarted nodes exit during startup. The same holds for a database that drops its connections in the
 * middle of the server's own migration, which runs after Longrun's.
 */
class DatabaseLateAtStartTest {

    /** Sent only by the server's V3 migration: its connection is dropped after Longrun's migration and V1-V2 ran. */
    private static final String IN_SERVER_V3 = "CREATE UNIQUE INDEX outbox_messages_job_recipient_key";

    @Test
    void aServerStartedWhilePostgresIsAwayComesUpWhenItIsBack() throws Exception {
        try (PostgresSchema schema = PostgresSchema.create(DatabaseLateAtStartTest.class);
             SqliteFile dir = SqliteFile.create();
             TcpProxy proxy = new TcpProxy(5432)) {
            proxy.closeNewConnections();
            CompletableFuture<RunningServer> starting = startThrough(proxy, schema, dir);
            Awaitility.await("a second connection attempt, or the start giving up").atMost(Duration.ofMinutes(2))
                    .until(() -> proxy.connectionsClosedAtOnce() >= 2 || starting.isDone());
            assertThat(starting).as("the start kept trying instead of failing at the first closed connection").isNotDone();
            proxy.forwardNewConnections();

            assertStartedAndRunsAJob(starting);
        }
    }

    @Test
    void aServerWhoseDatabaseDropsConnectionsInTheMiddleOfItsOwnMigrationComesUpWhenItIsBack() throws Exception {
        try (PostgresSchema schema = PostgresSchema.create(DatabaseLateAtStartTest.class);
             SqliteFile dir = SqliteFile.create();
             TcpProxy proxy = new TcpProxy(5432)) {
            proxy.dropOnceWhenClientSends(IN_SERVER_V3);
            CompletableFuture<RunningServer> starting = startThrough(proxy, schema, dir);
            Awaitility.await("the server's V3 cut, then new connections refused, or the start giving up")
                    .atMost(Duration.ofMinutes(2))
                    .until(() -> proxy.connectionsClosedAtOnce() >= 2 || starting.isDone());
            assertThat(proxy.drops()).as("the server's migration was cut in the middle").isEqualTo(1);
            assertThat(starting).as("the start kept waiting for the database instead of failing").isNotDone();
            proxy.forwardNewConnections();

            assertStartedAndRunsAJob(starting);
        }
    }

    /** A server on PostgreSQL through {@code proxy}, starting in the background. */
    private static CompletableFuture<RunningServer> startThrough(TcpProxy proxy, PostgresSchema schema, SqliteFile dir) {
        return CompletableFuture.supplyAsync(() -> RunningServer.start(Map.of(
                "spring.datasource.url", schema.jdbcUrl().replace(":5432/", ":" + proxy.port() + "/"),
                "spring.datasource.username", PostgresSchema.USER,
                "longrun.schema", schema.name(),
                "longrun.data-dir", dir.dir().toString(),
                "longrun-demo.contacts", 0,
                // Longer than a test can take, so only the test's own release of the proxy ends the wait.
                "longrun.database-wait-at-start", "5m")));
    }

    private static void assertStartedAndRunsAJob(CompletableFuture<RunningServer> starting) throws Exception {
        try (RunningServer server = starting.get(2, TimeUnit.MINUTES)) {
            ApiClient alice = new ApiClient(server.port(), "acme", "alice");
            String id = alice.start("demo.wait", "{\"seconds\":1}");
            assertThat(alice.awaitStatus(id, "succeeded", "failed").get("status").asString()).isEqualTo("succeeded");
        }
    }
}
