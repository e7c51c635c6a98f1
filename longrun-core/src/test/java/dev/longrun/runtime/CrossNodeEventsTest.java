package dev.longrun.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.longrun.JobResult;
import dev.longrun.JobStatus;
import dev.longrun.JobType;
import dev.longrun.Longrun;
import dev.longrun.StartOptions;
import dev.longrun.event.JobEvent;
import dev.longrun.testing.PostgresSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A job started and watched on node A runs on node B; A hears every change through PostgreSQL. */
class CrossNodeEventsTest {

    static PostgresSchema schema;

    @TempDir
    Path dataDir;

    @BeforeAll
    static void createSchema() {
        schema = PostgresSchema.create(CrossNodeEventsTest.class);
    }

    @AfterAll
    static void dropSchema() {
        schema.close();
    }

    @Test
    void nodeASeesTheProgressOfAJobRunningOnNodeB() throws Exception {
        JobType<Map> steps = JobType.builder("steps.run", Map.class, ctx -> {
            for (int i = 1; i <= 3; i++) {
                ctx.step(i, 3, "Step " + i);
                Thread.sleep(150);
            }
            return JobResult.done();
        }).build();
        List<JobEvent> heardOnA = new CopyOnWriteArrayList<>();
        List<JobEvent> madeOnA = new CopyOnWriteArrayList<>();
        try (Longrun nodeA = Longrun.builder().dataSource(schema.dataSource()).schema(schema.name()).dataDir(dataDir)
                .nodeName("node-a").runWorkers(false).register(steps).build();
             Longrun nodeB = Longrun.builder().dataSource(schema.dataSource()).schema(schema.name()).dataDir(dataDir)
                     .nodeName("node-b").pollInterval(Duration.ofSeconds(30)).register(steps).build();
             AutoCloseable sub = nodeA.events().subscribe(heardOnA::add);
             AutoCloseable local = nodeA.localEvents().subscribe(madeOnA::add)) {
            // Both nodes LISTEN once A hears B claim a job A started: B (polling only every 30 s) heard A's start, and A
            // heard B's claim. A fixed wait for that was too short on a busy machine.
            assertThat(hearsAProbe(heardOnA, JobStatus.RUNNING, 20, Duration.ofSeconds(1),
                    attempt -> nodeA.start("steps.run", Map.of("probe", attempt), StartOptions.forUser("acme", "bob")).job().id()))
                    .as("node B claims what node A starts, and node A hears it").isTrue();
            UUID id = nodeA.start("steps.run", Map.of(), StartOptions.forUser("acme", "alice")).job().id();
            await().atMost(Duration.ofSeconds(10)).until(() -> heardOnA.stream()
                    .anyMatch(e -> e.jobId().equals(id) && e.status() == JobStatus.SUCCEEDED));
            List<JobEvent> ofJob = heardOnA.stream().filter(e -> e.jobId().equals(id)).toList();
            assertThat(ofJob).extracting(JobEvent::status).contains(JobStatus.PENDING, JobStatus.RUNNING, JobStatus.SUCCEEDED);
            assertThat(ofJob.stream().filter(e -> e.status() == JobStatus.RUNNING).count())
                    .as("claim and step progress written on B reach A").isGreaterThanOrEqualTo(2);
            assertThat(madeOnA.stream().filter(e -> e.jobId().equals(id))).as("A's own changes: only the start it served")
                    .extracting(JobEvent::status).containsExactly(JobStatus.PENDING);
        }
    }

    /**
     * LISTEN hears a node's own NOTIFYs too; a subscriber must still get each change of a job running on its own node
     * once (the core alone on PostgreSQL used to deliver every event twice). Node A first hears a job node B started,
     * so its LISTEN is known to be active before its own job runs.
     */
    @Test
    void aNodeHearsItsOwnJobsChangesOnce() throws Exception {
        JobType<Map> steps = JobType.builder("steps.own", Map.class, ctx -> {
            for (int i = 1; i <= 3; i++) {
                ctx.step(i, 3, "Step " + i);
                Thread.sleep(100);
            }
            return JobResult.done();
        }).build();
        List<JobEvent> heardOnA = new CopyOnWriteArrayList<>();
        try (Longrun nodeA = Longrun.builder().dataSource(schema.dataSource()).schema(schema.name()).dataDir(dataDir)
                .nodeName("own-a").register(steps).build();
             Longrun nodeB = Longrun.builder().dataSource(schema.dataSource()).schema(schema.name()).dataDir(dataDir)
                     .nodeName("own-b").runWorkers(false).register(steps).build();
             AutoCloseable sub = nodeA.events().subscribe(heardOnA::add)) {
            // B starts a job; once A hears it queued (only PostgreSQL can tell A that), A's LISTEN is active.
            assertThat(hearsAProbe(heardOnA, JobStatus.PENDING, 100, Duration.ofMillis(300),
                    attempt -> nodeB.start("steps.own", Map.of("n", attempt), StartOptions.forUser("acme", "bob")).job().id()))
                    .as("node A hears node B").isTrue();
            UUID own = nodeA.start("steps.own", Map.of("n", "own"), StartOptions.forUser("acme", "alice")).job().id();
            await().atMost(Duration.ofSeconds(10)).until(() -> heardOnA.stream()
                    .anyMatch(e -> e.jobId().equals(own) && e.status() == JobStatus.SUCCEEDED));
            Thread.sleep(500); // a duplicate NOTIFY of the last change, if any, comes within the announcer's 200 ms batches
            Map<Long, Long> perVersion = heardOnA.stream().filter(e -> e.jobId().equals(own))
                    .collect(java.util.stream.Collectors.groupingBy(JobEvent::version, java.util.stream.Collectors.counting()));
            assertThat(perVersion).isNotEmpty();
            assertThat(perVersion.values()).as("each change of the node's own job, once: " + perVersion).containsOnly(1L);
        }
    }

    /**
     * Starts probe jobs ({@code start} gets the attempt's number) until {@code heard} holds one of them at {@code status},
     * waiting {@code each} for every probe: how a test learns that a node's LISTEN is active without a fixed wait.
     */
    private static boolean hearsAProbe(List<JobEvent> heard, JobStatus status, int attempts, Duration each,
                                       java.util.function.IntFunction<UUID> start) throws InterruptedException {
        for (int attempt = 0; attempt < attempts; attempt++) {
            UUID probe = start.apply(attempt);
            long until = System.nanoTime() + each.toNanos();
            do {
                if (heard.stream().anyMatch(e -> e.jobId().equals(probe) && e.status() == status)) {
                    return true;
                }
                Thread.sleep(10);
            } while (System.nanoTime() < until);
        }
        return false;
    }
}
