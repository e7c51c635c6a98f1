package dev.longrun.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.Eta;
import dev.longrun.Job;
import dev.longrun.JobStatus;
import dev.longrun.testing.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Step jobs whose third step is slow: past runs teach the shape, so the slow step is expected. */
class StepJobEstimateTest {

    private static final String TYPE = "reports.generate";
    private static final double[] STEP_SECONDS = {10, 10, 60, 10, 10};

    private final SettableClock clock = SettableClock.startingAt("2026-01-05T09:00:00Z");
    private final Estimator estimator = new Estimator(clock, HistorySource.NONE);

    /** Moves through the steps up to {@code until} seconds; returns the latest snapshot. */
    private Job run(UUID id, Instant start, double until) {
        double t = 0;
        Job job = null;
        for (int step = 1; step <= STEP_SECONDS.length && t <= until; step++) {
            clock.set(start.plusMillis((long) (t * 1000)));
            job = TestJobs.step(id, TYPE, start, step, STEP_SECONDS.length);
            estimator.observe(job);
            t += STEP_SECONDS[step - 1];
        }
        clock.set(start.plusMillis((long) (until * 1000)));
        return job;
    }

    private void learn(int runs) {
        for (int i = 0; i < runs; i++) {
            Instant start = clock.instant().plus(Duration.ofHours(1));
            Job last = run(UUID.randomUUID(), start, 99);
            clock.set(start.plusSeconds(100));
            Job done = TestJobs.finished(last, JobStatus.SUCCEEDED, clock.instant());
            estimator.observe(done);
            estimator.recordSuccess(done);
        }
    }

    @Test
    void theKnownSlowStepKeepsAnEstimateThatHoldsTheTruth() {
        learn(6);
        Instant start = clock.instant().plus(Duration.ofHours(1));
        Job job = run(UUID.randomUUID(), start, 50); // 30 s into the 60 s step: 50 s left

        Eta eta = estimator.insight(job, null, 1).eta();
        assertThat(eta).isNotNull();
        assertThat(eta.lowSeconds()).isLessThanOrEqualTo(50);
        assertThat(eta.highSeconds()).isGreaterThanOrEqualTo(50);
    }

    @Test
    void aStepFarSlowerThanEverBeforeLosesItsEstimate() {
        learn(6);
        Instant start = clock.instant().plus(Duration.ofHours(1));
        Job job = run(UUID.randomUUID(), start, 25);
        clock.set(start.plusSeconds(400)); // step 3 has now run for almost 7 minutes

        assertThat(estimator.insight(job, null, 1).eta()).isNull();
    }

    @Test
    void firstStepOfAnUnknownTypeShowsNothing() {
        Job job = run(UUID.randomUUID(), clock.instant(), 5);

        assertThat(estimator.insight(job, null, 1).eta()).isNull();
    }
}
