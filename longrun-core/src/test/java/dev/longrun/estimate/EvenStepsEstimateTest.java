package dev.longrun.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.longrun.Eta;
import dev.longrun.Job;
import dev.longrun.JobStatus;
import dev.longrun.testing.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Jobs like demo.wait: equal steps, and runs of one type that differ in length and in their number
 * of steps, so that past runs of few steps must speak for a run of many (issue 17, sixth round).
 */
class EvenStepsEstimateTest {

    private static final String TYPE = "demo.wait";

    private final SettableClock clock = SettableClock.startingAt("2026-01-05T09:00:00Z");
    private final Estimator estimator = new Estimator(clock, HistorySource.NONE);

    /** A run of {@code steps} equal steps over {@code seconds}, up to {@code until}; the latest snapshot. */
    private Job evenSteps(UUID id, Instant start, int steps, double seconds, double until) {
        Job job = null;
        for (int step = 1; step <= steps && (step - 1) * seconds / steps <= until; step++) {
            clock.set(start.plusMillis(Math.round((step - 1) * seconds / steps * 1000)));
            job = TestJobs.step(id, TYPE, start, step, steps);
            estimator.observe(job);
        }
        clock.set(start.plusMillis(Math.round(until * 1000)));
        return job;
    }

    private void learn(int runs, int steps, double seconds) {
        for (int i = 0; i < runs; i++) {
            Instant start = clock.instant().plus(Duration.ofHours(1));
            Job last = evenSteps(UUID.randomUUID(), start, steps, seconds, seconds);
            Job done = TestJobs.finished(last, JobStatus.SUCCEEDED, clock.instant());
            estimator.observe(done);
            estimator.recordSuccess(done);
        }
    }

    @Test
    void aRunsShapeAfterItsLastReportFollowsItsPaceThere() {
        // a step job reports where its steps start: a run of 3 steps last reported 2/3 at 20 s and
        // ended at 30 s; it reached 90 % at 27 s, not at its end
        Instant start = Instant.parse("2026-01-05T09:00:00Z");
        ProgressTrack track = new ProgressTrack(start);
        track.record(start, 0);
        track.record(start.plusSeconds(10), 1.0 / 3);
        track.record(start.plusSeconds(20), 2.0 / 3);

        float[] shape = ShapeHistory.shapeOf(start.toEpochMilli(), track.snapshot(), 30);

        assertThat(shape[17]).as("share of the run at 90 %").isCloseTo(0.9f, within(1e-4f));
        assertThat(shape[19]).as("at 100 %: its end").isEqualTo(1f);
    }

    @Test
    void pastRunsOfFewStepsTellARunOfManyItsLastSeconds() {
        // a run of 3 steps was counted as reaching 90 % at its very end, so it said a run of 10 steps
        // needed nothing from its last step and was left out as if it had ended: with the 4 runs of
        // 10 steps left, too few to trust, the last step read "Less than 15 seconds" with 2 s to go
        learn(6, 3, 30);
        learn(4, 10, 30);
        Instant start = clock.instant().plus(Duration.ofHours(1));

        Job lastStep = evenSteps(UUID.randomUUID(), start, 10, 30, 28);

        assertThat(estimator.insight(lastStep, null, 1).eta()).isEqualTo(new Eta(0, 5, "About 5 seconds"));
    }

    @Test
    void aFirstStepLongerThanPastRunsFirstStepsRaisesTheLowEnd() {
        // runs of 12 to 40 s in 5 steps; a run of 10 steps that has not reported its second step
        // after 3 s will take more than 30 s in all (truth: 36 s, 33 s left). Past runs that would
        // have reported it by now are as much slower as this one, not runs that may end any moment
        for (double seconds : new double[] {12, 18, 24, 30, 36, 40}) {
            learn(1, 5, seconds);
        }
        Instant start = clock.instant().plus(Duration.ofHours(1));

        Eta eta = estimator.insight(evenSteps(UUID.randomUUID(), start, 10, 36, 3), null, 1).eta();

        assertThat(eta).isNotNull();
        assertThat(eta.lowSeconds()).as(eta.text()).isGreaterThanOrEqualTo(20).isLessThanOrEqualTo(33);
        assertThat(eta.highSeconds()).as(eta.text()).isGreaterThanOrEqualTo(33).isLessThanOrEqualTo(50);
    }

    @Test
    void aFirstStepWithinPastRunsFirstStepsKeepsTheirWholeRange() {
        // the same past runs, 1 s into a run: every one of them was still in its first step then
        for (double seconds : new double[] {12, 18, 24, 30, 36, 40}) {
            learn(1, 5, seconds);
        }
        Instant start = clock.instant().plus(Duration.ofHours(1));

        Eta eta = estimator.insight(evenSteps(UUID.randomUUID(), start, 10, 36, 1), null, 1).eta();

        assertThat(eta).isNotNull();
        assertThat(eta.lowSeconds()).as(eta.text()).isLessThanOrEqualTo(11);
        assertThat(eta.highSeconds()).as(eta.text()).isGreaterThanOrEqualTo(39);
    }
    @Test
    void beforeItsSecondStepARunIsToldThePastRunsRangeNotAFittedTail() {
        // 21 runs of 10-40 s (demo.wait); a new run at its start knows only them: "About 10-40
        // seconds", not the log-normal fit's "About 10-50 seconds", whose tail passed every one
        for (int i = 0; i <= 20; i++) {
            learn(1, 3 + i % 5, 10 + 1.5 * i);
        }
        Instant start = clock.instant().plus(Duration.ofHours(1));

        Eta eta = estimator.insight(evenSteps(UUID.randomUUID(), start, 4, 30, 0), null, 1).eta();

        assertThat(eta).isEqualTo(new Eta(10, 40, "About 10–40 seconds"));
    }
    @Test
    void twoPastRunsOfEvenStepsNarrowARunsOwnPace() {
        // issue 17, second pass: with two past runs (too few to give the range alone) a run of 8 even
        // steps of 3 s, 14 s from its end, read "About 10-20 seconds" from its own pace, whose
        // evenness nothing vouched for; the past runs, scaled to it, needed 14 s from here
        learn(2, 8, 24);
        Instant start = clock.instant().plus(Duration.ofHours(1));

        Eta eta = estimator.insight(evenSteps(UUID.randomUUID(), start, 8, 24, 10), null, 1).eta();

        assertThat(eta).isEqualTo(new Eta(10, 15, "About 15 seconds"));
    }
}
