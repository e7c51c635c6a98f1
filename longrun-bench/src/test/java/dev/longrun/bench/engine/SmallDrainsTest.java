package dev.longrun.bench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.bench.peers.DbSchedulerDrain;
import dev.longrun.bench.peers.JobRunrDrain;
import org.junit.jupiter.api.Test;

/**
 * Each harness drains a small batch on the local PostgreSQL end to end, so the benchmark's figures
 * come from drains that really finished every job (the harness checks the database, not a counter).
 */
class SmallDrainsTest {

    private static final BenchSettings SMALL = BenchSettings.parse(new String[] {
            "--jobs=500", "--concurrency=16", "--peer-workers=16", "--pool=4", "--samples=20", "--warmup=5",
            "--progress-calls=10000", "--timeout-seconds=60"});

    @Test
    void ourEngineDrainsEveryPreInsertedJob() {
        DrainResult r = LongrunDrain.run(SMALL, 16);

        assertThat(r.error()).isNull();
        assertThat(r.jobsPerSecond()).isPositive();
        assertThat(r.insertedBy()).isNotBlank();
    }

    @Test
    void jobRunrDrainsEveryEnqueuedJob() {
        DrainResult r = JobRunrDrain.run(SMALL);

        assertThat(r.error()).isNull();
        assertThat(r.jobsPerSecond()).isPositive();
    }

    @Test
    void dbSchedulerDrainsEveryScheduledExecution() {
        DrainResult r = DbSchedulerDrain.run(SMALL);

        assertThat(r.error()).isNull();
        assertThat(r.jobsPerSecond()).isPositive();
    }

    @Test
    void pickupLatencyIsMeasuredForEverySample() {
        PickupLatency.Result r = PickupLatency.run(SMALL, 16);

        assertThat(r.error()).isNull();
        assertThat(r.sortedMillis()).hasSize(20);
        assertThat(r.percentile(50)).isLessThanOrEqualTo(r.percentile(99));
    }

    @Test
    void progressCallsAreCountedAndTheirWritesAreFewerThanTheCalls() {
        ProgressCoalescing.Result r = ProgressCoalescing.run(SMALL, 0);

        assertThat(r.error()).isNull();
        assertThat(r.calls()).isEqualTo(10_000);
        assertThat(r.writes()).isBetween(0L, 100L);
    }
}
