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
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PostgreSQL unreachable at start, and gone for a while in the middle of a run. */
class DatabaseOutageTest {

    static PostgresSchema schema;

    @TempDir
    Path dataDir;

    @BeforeAll
    static void createSchema() {
        schema = PostgresSchema.create(DatabaseOutageTest.class);
    }

    @AfterAll
    static void dropSchema() {
        schema.close();
    }

    static HikariDataSource viaPort(int port) {
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + port + "/test?connectTimeout=2&socketTimeout=5");
        c.setUsername("postgres");
        c.setMaximumPoolSize(10);
        c.setConnectionTimeout(1_000);
        c.setInitializationFailTimeout(-1);
        return c.getJdbcUrl() == null ? null : new HikariDataSource(c);
    }

    @Test
    void aDatabaseThatStaysDownAtStartIsWaitedForThenGivesAClearErrorAndNoEngine() throws Exception {
        TcpProxy proxy = new TcpProxy(5432);
        proxy.cut();
        try (HikariDataSource ds = viaPort(proxy.port())) {
            assertThatThrownBy(() -> Longrun.builder().dataSource(ds).schema(schema.name()).dataDir(dataDir)
                    .databaseWaitAtStart(Duration.ofSeconds(3)).build())
                    .isInstanceOfSatisfying(LongrunException.class, e -> assertThat(e.code()).isEqualTo("store_unavailable"))
                    .hasMessageContaining("The job database stayed unreachable for")
                    .hasMessageContaining("(last error: Connection refused)")
                    .hasMessageContaining("Check that the database is running and reachable from this node");
        }
    }

    @Test
    void jobsRunningWhenTheDatabaseGoesAwayAllFinishOnceItIsBack() throws Exception {
        Map<UUID, AtomicInteger> completions = new ConcurrentHashMap<>();
        try (TcpProxy proxy = new TcpProxy(5432); HikariDataSource ds = viaPort(proxy.port());
             Longrun longrun = Longrun.builder().dataSource(ds).schema(schema.name()).dataDir(dataDir)
                     .lease(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).concurrency(4)
                     .register(JobType.builder("outage.work", Map.class, ctx -> {
                         for (int i = 0; i < 10; i++) {
                             ctx.progress(i, 10, "Step " + i);
                             Thread.sleep(30);
                         }
                         completions.computeIfAbsent(ctx.jobId(), k -> new AtomicInteger()).incrementAndGet();
                         return JobResult.done();
                     }).build()).build()) {
            List<UUID> ids = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                ids.add(longrun.start("outage.work", Map.of("n", i), StartOptions.forUser("acme", "alice")).job().id());
            }
            Thread.sleep(400);
            proxy.cut();
            Thread.sleep(2_000);
            proxy.restore();
            await().atMost(Duration.ofSeconds(60)).until(() -> ids.stream()
                    .allMatch(id -> longrun.get(id).map(j -> j.status() == JobStatus.SUCCEEDED).orElse(false)));
            assertThat(ids).allSatisfy(id -> assertThat(completions.get(id)).as("job %s ran to the end", id).isNotNull());
        }
    }
}
