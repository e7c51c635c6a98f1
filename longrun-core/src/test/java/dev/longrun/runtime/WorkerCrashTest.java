package dev.longrun.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.longrun.Job;
import dev.longrun.JobResult;
import dev.longrun.JobStatus;
import dev.longrun.JobType;
import dev.longrun.Longrun;
import dev.longrun.StartOptions;
import dev.longrun.testing.PostgresSchema;
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

/**
 * A worker JVM is killed with SIGKILL in the middle of its jobs; another process on the same
 * PostgreSQL takes them over once their leases expire, and every job completes exactly once.
 */
class WorkerCrashTest {

    static PostgresSchema schema;

    @TempDir
    Path dataDir;

    @BeforeAll
    static void createSchema() {
        schema = PostgresSchema.create(WorkerCrashTest.class);
    }

    @AfterAll
    static void dropSchema() {
        schema.close();
    }

    @Test
    void jobsOfAKilledWorkerAreTakenOverAndCompleteExactlyOnce() throws Exception {
        Map<UUID, AtomicInteger> completions = new ConcurrentHashMap<>();
        // An API-only node starts the jobs; it runs none itself.
        List<UUID> ids = new ArrayList<>();
        try (Longrun api = Longrun.builder().dataSource(schema.dataSource()).schema(schema.name()).dataDir(dataDir)
                .runWorkers(false).register(JobType.builder("crash.work", Map.class, ctx -> JobResult.done()).build()).build()) {
            for (int i = 0; i < 5; i++) {
                ids.add(api.start("crash.work", Map.of("n", i), StartOptions.forUser("acme", "alice")).job().id());
            }
        }

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                CrashWorkerMain.class.getName(), schema.jdbcUrl(), schema.name())
                .redirectErrorStream(true).redirectOutput(dataDir.resolve("child.log").toFile()).start();
        try (Longrun observer = Longrun.builder().dataSource(schema.dataSource()).schema(schema.name()).dataDir(dataDir)
                .runWorkers(false).build()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> ids.stream().allMatch(id -> {
                Job j = observer.get(id).orElseThrow();
                return j.status() == JobStatus.RUNNING && j.leaseOwner().startsWith("crash-child") && j.progressCurrent() != null;
            }));
        }
        child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no release
        assertThat(child.waitFor()).isNotZero();

        try (Longrun survivor = Longrun.builder().dataSource(schema.dataSource()).schema(schema.name()).dataDir(dataDir)
                .nodeName("survivor").lease(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(100))
                .register(JobType.builder("crash.work", Map.class, ctx -> {
                    completions.computeIfAbsent(ctx.jobId(), k -> new AtomicInteger()).incrementAndGet();
                    return JobResult.message("finished by " + ctx.job().leaseOwner());
                }).build()).build()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> ids.stream()
                    .allMatch(id -> survivor.get(id).orElseThrow().status() == JobStatus.SUCCEEDED));
            for (UUID id : ids) {
                Job done = survivor.get(id).orElseThrow();
                assertThat(done.attempt()).as("second attempt").isEqualTo(2);
                assertThat(done.result().message()).startsWith("finished by survivor");
                assertThat(completions.get(id).get()).as("completed once").isEqualTo(1);
            }
        }
    }
}
