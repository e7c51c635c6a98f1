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
    void withoutPastRunsAStepHalfAsLongAgainAsTheLongestSoFarHasNoTimeLeftUntilItEnds() {
        // The first run of the type: steps of 10 s and 10 s said "three more of 10 s", and the range counted down
        // ("Less than 15 seconds") while the 60 s step went on, until its silence reached three usual steps.
        Instant start = clock.instant().plus(Duration.ofHours(1));
        UUID id = UUID.randomUUID();

        Job inStep = run(id, start, 34); // 14 s into the third step: not yet half as long again as the 10 s steps
        assertThat(estimator.insight(inStep, null, 1).eta()).isNotNull();

        Job overdue = run(id, start, 36); // 16 s into it: the pace says nothing of when it ends (64 s are left)
        assertThat(estimator.insight(overdue, null, 1).eta()).isNull();
    }

    /** One run whose third step takes {@code third} seconds, up to {@code until}; the latest snapshot. */
    private Job runWithThirdStep(UUID id, Instant start, double third, double until) {
        double[] seconds = STEP_SECONDS.clone();
        seconds[2] = third;
        double t = 0;
        Job job = null;
        for (int step = 1; step <= seconds.length && t <= until; step++) {
            clock.set(start.plusMillis((long) (t * 1000)));
            job = TestJobs.step(id, TYPE, start, step, seconds.length);
            estimator.observe(job);
            t += seconds[step - 1];
        }
        clock.set(start.plusMillis((long) (until * 1000)));
        return job;
    }

    @Test
    void aLongStepKeepsItsEstimateAndTheStepsAfterItStillCount() {
        // issue 17: the slow step's silence was judged against a twentieth of the work, so the range
        // went away a third into the step; and once the job outlived some past runs' step it read
        // "Less than …", though the two 10 s steps after it were still to come
        for (int i = 0; i < 10; i++) {
            Instant start = clock.instant().plus(Duration.ofHours(1));
            double third = 40 + 5 * i; // 40 to 85 s
            Job last = runWithThirdStep(UUID.randomUUID(), start, third, 1_000);
            clock.set(start.plusMillis((long) ((60 + third) * 1000)));
            Job done = TestJobs.finished(last, JobStatus.SUCCEEDED, clock.instant());
            estimator.observe(done);
            estimator.recordSuccess(done);
        }
        Instant start = clock.instant().plus(Duration.ofHours(1));
        Job job = runWithThirdStep(UUID.randomUUID(), start, 70, 20 + 45); // 45 s into a 70 s step: 45 s left

        Eta eta = estimator.insight(job, null, 1).eta();
        assertThat(eta).as("45 s into a step that past runs took 40 to 85 s for").isNotNull();
        assertThat(eta.lowSeconds()).as("%s: the last two steps take 20 s", eta.text()).isGreaterThanOrEqualTo(20);
        assertThat(eta.lowSeconds()).as(eta.text()).isLessThanOrEqualTo(45);
        assertThat(eta.highSeconds()).as(eta.text()).isGreaterThanOrEqualTo(45);
    }

    @Test
    void aStepFarSlowerThanEverBeforeLosesItsEstimate() {
        learn(6);
        Instant start = clock.instant().plus(Duration.ofHours(1));
        Job job = run(UUID.randomUUID(), start, 25);
        clock.set(start.plusSeconds(400)); // step 3 has now run for almost 7 minutes

        assertThat(estimator.insight(job, null, 1).eta()).isNull();
    }

    /** A job of three even 8 s steps, like demo.wait, up to {@code until} seconds; the latest snapshot. */
    private Job threeEvenSteps(UUID id, Instant start, double until) {
        Job job = null;
        for (int step = 1; step <= 3 && (step - 1) * 8 <= until; step++) {
            clock.set(start.plusSeconds((step - 1) * 8L));
            job = TestJobs.step(id, "demo.wait", start, step, 3);
            estimator.observe(job);
        }
        clock.set(start.plusMillis((long) (until * 1000)));
        return job;
    }

    @Test
    void aJobOfThreeStepsSaysItsLastSecondsOnItsLastStep() {
        // fifth round of issue 17: three steps report three times, never the five updates asked of
        // counted jobs, so their last seconds read "Less than 15 seconds" with 4 s left
        for (int i = 0; i < 6; i++) {
            Instant start = clock.instant().plus(Duration.ofHours(1));
            Job last = threeEvenSteps(UUID.randomUUID(), start, 23);
            clock.set(start.plusSeconds(24));
            Job done = TestJobs.finished(last, JobStatus.SUCCEEDED, clock.instant());
            estimator.observe(done);
            estimator.recordSuccess(done);
        }
        Instant start = clock.instant().plus(Duration.ofHours(1));

        assertThat(estimator.insight(threeEvenSteps(UUID.randomUUID(), start, 17), null, 1).eta())
                .isEqualTo(new Eta(5, 10, "About 10 seconds"));
        assertThat(estimator.insight(threeEvenSteps(UUID.randomUUID(), start, 20), null, 1).eta())
                .isEqualTo(new Eta(0, 5, "About 5 seconds"));
    }

    @Test
    void theFirstStepKeepsItsEstimateAsLongAsPastRunsFirstSteps() {
        // sixth round of issue 17: before its first twentieth a step job's silence was judged against
        // past runs' time to a twentieth of the work (2.5 s of a 10 s step), so the range went away
        // 5 s into the first step; a step job is quiet until its next step, which past runs took 10 s for
        learn(6);
        Instant start = clock.instant().plus(Duration.ofHours(1));

        Eta eta = estimator.insight(run(UUID.randomUUID(), start, 8), null, 1).eta();

        assertThat(eta).as("8 s into a first step past runs took 10 s for").isNotNull();
        assertThat(eta.lowSeconds()).as(eta.text()).isLessThanOrEqualTo(92);
        assertThat(eta.highSeconds()).as(eta.text()).isGreaterThanOrEqualTo(92);
    }

    @Test
    void aFirstStepFarLongerThanPastRunsFirstStepsLosesItsEstimate() {
        learn(6);
        Instant start = clock.instant().plus(Duration.ofHours(1));
        clock.set(start);
        Job job = TestJobs.step(UUID.randomUUID(), TYPE, start, 1, STEP_SECONDS.length);
        estimator.observe(job);
        clock.set(start.plusSeconds(20)); // still in a first step past runs took 10 s for

        assertThat(estimator.insight(job, null, 1).eta()).isNull();
    }

    @Test
    void firstStepOfAnUnknownTypeShowsNothing() {
        Job job = run(UUID.randomUUID(), clock.instant(), 5);

        assertThat(estimator.insight(job, null, 1).eta()).isNull();
    }
}
