package dev.longrun.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.Eta;
import dev.longrun.Job;
import dev.longrun.testing.SettableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: ranges as sharp as they are honest. A steady job's range narrows as it goes, a stall
 * withdraws it, a job with no history gets one once its own pace is steady, and the end never
 * moves away at the last step (issue 11).
 */
class SharpEstimateTest {

    private static final String TYPE = "demo.wait";
    private static final long UNITS = 10_000;

    private final SettableClock clock = SettableClock.startingAt("2026-01-05T09:00:00Z");
    private final Estimator estimator = new Estimator(clock, HistorySource.NONE);

    /** A counted job of {@code seconds} at a steady pace, reporting once a second; the range shown each second. */
    private List<Eta> steadyCounted(double seconds, int until) {
        UUID id = UUID.randomUUID();
        Instant start = clock.instant();
        List<Eta> shown = new ArrayList<>();
        for (int t = 0; t <= until; t++) {
            clock.set(start.plusSeconds(t));
            Job job = TestJobs.counted(id, TYPE, start, Math.min(UNITS, Math.round(UNITS * t / seconds)), UNITS);
            estimator.observe(job);
            shown.add(estimator.insight(job, null, 1).eta());
        }
        return shown;
    }

    /** A step job like demo.wait: {@code steps} equal steps over {@code seconds}; the range shown each second. */
    private List<Eta> evenSteps(int seconds, int steps) {
        UUID id = UUID.randomUUID();
        Instant start = clock.instant();
        List<Eta> shown = new ArrayList<>();
        for (int t = 0; t < seconds; t++) {
            clock.set(start.plusSeconds(t));
            Job job = TestJobs.step(id, TYPE, start, 1 + t * steps / seconds, steps);
            estimator.observe(job);
            shown.add(estimator.insight(job, null, 1).eta());
        }
        return shown;
    }

    private static long width(Eta eta) {
        return eta.highSeconds() - eta.lowSeconds();
    }

    @Test
    void aSteadyJobsRangeNarrowsAsItGoesAndItsEndNeverMovesAway() {
        List<Eta> shown = steadyCounted(120, 110);

        Eta early = shown.get(20);
        Eta late = shown.get(90);
        assertThat(early).as("an estimate by 20 s of a steady job").isNotNull();
        assertThat(width(late)).isLessThan(width(early));
        assertThat((double) width(late)).as("at 30 s left the range is at most ±10 s").isLessThanOrEqualTo(20);
        for (int t = 21; t <= 110; t++) {
            Eta now = shown.get(t);
            assertThat(now).as("t=%d", t).isNotNull();
            assertThat(now.highSeconds()).as("t=%d: %s after %s", t, now, shown.get(t - 1))
                    .isLessThanOrEqualTo(shown.get(t - 1).highSeconds());
            assertThat(now.lowSeconds()).as("t=%d holds the truth", t).isLessThanOrEqualTo(120 - t);
            assertThat(now.highSeconds()).as("t=%d holds the truth", t).isGreaterThanOrEqualTo(120 - t);
            assertThat(width(now)).as("t=%d: %s is no wider than the time left (or 20 s)", t, now)
                    .isLessThanOrEqualTo(Math.max(120 - t, 20));
        }
    }

    @Test
    void aJobThatStallsLosesItsRangeInsteadOfCountingDown() {
        UUID id = UUID.randomUUID();
        Instant start = clock.instant();
        Job job = null;
        for (int t = 0; t <= 40; t++) {
            clock.set(start.plusSeconds(t));
            job = TestJobs.counted(id, TYPE, start, Math.round(UNITS * t / 100.0), UNITS);
            estimator.observe(job);
        }
        Eta before = estimator.insight(job, null, 1).eta();
        assertThat(before).isNotNull();

        clock.set(start.plusSeconds(43)); // late by more than its rhythm allows
        Eta stalled = estimator.insight(job, null, 1).eta();
        clock.set(start.plusSeconds(60));
        Eta longStalled = estimator.insight(job, null, 1).eta();

        assertThat(stalled == null || stalled.highSeconds() >= before.highSeconds() - 3)
                .as("while the update is late the end does not count down: %s after %s", stalled, before).isTrue();
        assertThat(longStalled).as("20 s silent after a second-by-second rhythm").isNull();
    }

    @Test
    void withoutHistoryACountedJobGetsAnEstimateAfterAFewSteadyUpdates() {
        List<Eta> shown = steadyCounted(120, 30); // no earlier run of the type, one update a second

        assertThat(shown.subList(0, 3)).as("a first update or two say nothing about the pace yet").containsOnlyNulls();
        int first = IntStream.range(0, shown.size()).filter(t -> shown.get(t) != null).findFirst().orElse(-1);
        assertThat(first).as("an estimate after a few steady updates, not only after earlier runs").isBetween(3, 8);
        for (int t = first; t < shown.size(); t++) {
            Eta eta = shown.get(t);
            assertThat(eta).as("t=%d: once shown on a steady pace, it stays", t).isNotNull();
            assertThat(eta.lowSeconds()).as("t=%d: %s", t, eta).isLessThanOrEqualTo(120 - t);
            assertThat(eta.highSeconds()).as("t=%d: %s", t, eta).isGreaterThanOrEqualTo(120 - t);
        }
    }

    @Test
    void withoutHistoryAStepJobGetsAnEstimateOnceItsPaceIsSteady() {
        List<Eta> shown = evenSteps(30, 10); // demo.wait seconds=30 steps=10: a step every 3 s

        assertThat(shown.subList(0, 6)).as("one step done says nothing about the pace yet").containsOnlyNulls();
        int first = -1;
        for (int t = 0; t < shown.size(); t++) {
            if (shown.get(t) != null) {
                first = t;
                break;
            }
        }
        assertThat(first).as("an estimate after a few steady steps").isBetween(6, 12);
        for (int t = first; t < shown.size(); t++) {
            Eta eta = shown.get(t);
            assertThat(eta).as("t=%d", t).isNotNull();
            assertThat(eta.lowSeconds()).as("t=%d: %s", t, eta).isLessThanOrEqualTo(30 - t);
            assertThat(eta.highSeconds()).as("t=%d: %s", t, eta).isGreaterThanOrEqualTo(30 - t);
        }
    }

    @Test
    void atTheLastStepTheTimeLeftNeverRises() {
        // issue 11: a first demo.wait run went from "Less than 20 seconds" to "Less than a minute"
        List<Eta> shown = evenSteps(20, 5);

        Eta previous = null;
        for (int t = 0; t < shown.size(); t++) {
            Eta now = shown.get(t);
            if (previous != null && now != null) {
                assertThat(now.highSeconds()).as("t=%d: %s after %s", t, now.text(), previous.text())
                        .isLessThanOrEqualTo(previous.highSeconds());
            }
            previous = now != null ? now : previous;
        }
        assertThat(shown.get(shown.size() - 1)).isNotNull();
        assertThat(shown.get(shown.size() - 1).text()).isNotEqualTo("Less than a minute");
    }

    @Test
    void aNoisyJobWithNoHistoryGetsARangeAsNarrowAsItsPaceAllowsAndStillHonest() {
        // Like the cold-start workload of the estimate evaluation: every run the first of its type,
        // 90 s at speed 1, the run's speed and each second's drawn log-normally (0.3). At a spread of
        // 1.8 each side the ranges held the truth over 99 % of the time and were a median 0.74 of the
        // time left; at 1.3, 0.65, still holding it 98 % of the time.
        java.util.Random r = new java.util.Random(41);
        List<Double> widths = new ArrayList<>();
        int shown = 0;
        int inside = 0;
        for (int run = 0; run < 40; run++) {
            Estimator cold = new Estimator(clock, HistorySource.NONE);
            UUID id = UUID.randomUUID();
            Instant start = clock.instant().plusSeconds(3600);
            double speed = Math.exp(0.3 * r.nextGaussian());
            List<Double> at = new ArrayList<>(); // seconds when each whole unit count was reported
            List<Long> done = new ArrayList<>();
            double units = 0;
            int t = 0;
            while (units < UNITS) {
                units = Math.min(UNITS, units + UNITS / 90.0 * speed * Math.exp(0.3 * r.nextGaussian()));
                t++;
                at.add((double) t);
                done.add((long) units);
            }
            double end = t;
            int next = 0;
            for (int s = 0; s < end; s += 2) {
                while (next < at.size() && at.get(next) <= s) {
                    clock.set(start.plusMillis(Math.round(at.get(next) * 1000)));
                    cold.observe(TestJobs.counted(id, TYPE, start, done.get(next), UNITS));
                    next++;
                }
                clock.set(start.plusSeconds(s));
                long current = next == 0 ? 0 : done.get(next - 1);
                Eta eta = cold.insight(TestJobs.counted(id, TYPE, start, current, UNITS), null, 1).eta();
                if (eta != null) {
                    shown++;
                    double left = end - s;
                    inside += eta.lowSeconds() <= left && left <= eta.highSeconds() ? 1 : 0;
                    widths.add(width(eta) / Math.max(left, 10));
                }
            }
            clock.set(start.plusSeconds(t + 1));
        }
        widths.sort(null);
        assertThat(inside / (double) shown).as("truth in range").isGreaterThanOrEqualTo(0.95);
        assertThat(widths.get(widths.size() / 2)).as("median width ÷ time left").isLessThanOrEqualTo(0.70);
    }
}
