package dev.longrun.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.JobResult;
import dev.longrun.JobType;
import dev.longrun.Longrun;
import dev.longrun.StartOptions;
import dev.longrun.StartRequest;
import dev.longrun.testing.PostgresSchema;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Jobs a node claimed ahead of its free slots are "running" with its lease; when the node shuts down they go back to
 * the queue as if never claimed (pending, attempt and started_at as before, no start in their timeline), the handlers
 * that ran finish exactly once, and nothing is left running under the node's name.
 */
class ClaimAheadShutdownTest {

    private static final String TYPE = "ahead.quick";
    private static final int JOBS = 2_000;
    /** Handlers after this many block, so the node holds a reserve it cannot start when it is closed. */
    private static final int RUN_FREELY = 300;

    static PostgresSchema schema;

    @BeforeAll
    static void createSchema() {
        schema = PostgresSchema.create(ClaimAheadShutdownTest.class);
    }

    @AfterAll
    static void dropSchema() {
        schema.close();
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static JobType<Map> type(AtomicInteger handled, CountDownLatch release) {
        return JobType.builder(TYPE, Map.class, ctx -> {
            if (handled.incrementAndGet() > RUN_FREELY) {
                release.await();
            }
            return JobResult.done();
        }).build();
    }

    @Test
    void jobsClaimedAheadGoBackToTheQueueWhenTheNodeShutsDown() throws Exception {
        AtomicInteger handled = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        try (Longrun api = Longrun.builder().dataSource(schema.dataSource()).schema(schema.name()).runWorkers(false)
                .register(type(new AtomicInteger(), release)).build()) {
            List<StartRequest> requests = new ArrayList<>();
            for (int i = 0; i < JOBS; i++) {
                requests.add(new StartRequest(TYPE, Map.of("n", i), StartOptions.forUser("acme", "u" + (i % 10))));
            }
            api.startAll(requests);
        }

        // The engine's clock stands still for this node, so the reserve is never handed back for waiting (that is
        // ReserveHandBackContract's case): it is still claimed ahead when the node closes, however slow the machine.
        Clock stopped = Clock.fixed(Instant.now(), ZoneOffset.UTC);
        Engine node = (Engine) Longrun.builder().dataSource(schema.dataSource()).schema(schema.name()).nodeName("ahead")
                .clock(stopped).concurrency(2).shutdownGrace(Duration.ofMillis(200)).register(type(handled, release)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        // Both workers block after RUN_FREELY quick jobs; the reserve claimed while they ran quickly cannot start.
        while ((handled.get() < RUN_FREELY + 2 || node.claimedAhead() == 0) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        int aheadAtClose = node.claimedAhead();
        assertThat(aheadAtClose).as("jobs claimed ahead when the node was closed").isPositive();
        node.close();
        release.countDown();

        try (Connection c = schema.dataSource().getConnection(); Statement st = c.createStatement()) {
            assertThat(count(st, "status = 'running'")).as("jobs left running").isZero();
            int succeeded = count(st, "status = 'succeeded'");
            assertThat(succeeded).as("every handler that returned finished its job once").isEqualTo(RUN_FREELY);
            // the rest is back in the queue: the reserve as if never claimed, and the two handlers the shutdown stopped
            assertThat(count(st, "status = 'pending' AND attempt = 0 AND lease_owner IS NULL")).isEqualTo(JOBS - succeeded);
            assertThat(count(st, "status = 'pending' AND started_at IS NULL")).as("jobs that never started")
                    .isEqualTo(JOBS - succeeded - 2);
            try (ResultSet rs = st.executeQuery("SELECT count(DISTINCT job_id) FROM " + schema.name()
                    + ".job_events WHERE status = 'pending' AND from_status = 'running'")) {
                rs.next();
                assertThat(rs.getInt(1)).as("jobs whose timeline shows a run handed back: the two stopped handlers'")
                        .isEqualTo(2);
            }
        }
    }

    private static int count(Statement st, String where) throws Exception {
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + schema.name() + ".jobs WHERE " + where)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
