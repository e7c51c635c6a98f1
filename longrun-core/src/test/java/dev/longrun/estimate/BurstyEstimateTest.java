package dev.longrun.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.Eta;
import dev.longrun.Job;
import dev.longrun.JobStatus;
import dev.longrun.testing.SettableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, seventh round: a job that works in bursts and waits (a rate-limited API) is told its
 * rest from where it stands in its cycle ({@link WaitModel}): the moving its work still needs, the
 * rest of the wait it is in, and the waits still to come, rather than one interval over past runs'
 * whole rests.
 */
class BurstyEstimateTest {

    private static final String TYPE = "import.rate-limited";
    private static final long UNITS = 10_000;
    private static final long SEED = Long.getLong("bursty.seed", 7);

    private final SettableClock clock = SettableClock.startingAt("2026-01-05T09:00:00Z");
    private final Estimator estimator = new Estimator(clock, HistorySource.NONE);
    private final Random random = new Random(SEED);

    /** A sample: seconds truly left, and the range shown (null when none). */
    private record Sample(double left, Eta eta) {
    }

    /**
     * One run of {@code speed} units a second while it moves: bursts of 3-8 s, then waits of 5-20 s,
     * drawn from {@link #random}; it reports each second it moved. Returns the range shown every 2 s
     * against the truth, and records the run's success.
     */
    private List<Sample> run(double speed) {
        UUID id = UUID.randomUUID();
        Instant start = clock.instant();
        List<Double> reportAt = new ArrayList<>();
        List<Long> count = new ArrayList<>();
        double done = 0;
        int t = 0;
        while (done < UNITS) {
            int burst = 3 + random.nextInt(6);
            for (int s = 0; s < burst && done < UNITS; s++) {
                done = Math.min(UNITS, done + speed);
                t++;
                reportAt.add((double) t);
                count.add((long) done);
            }
            t += 5 + random.nextInt(16);
        }
        double end = reportAt.get(reportAt.size() - 1);
        List<Sample> samples = new ArrayList<>();
        Job job = TestJobs.counted(id, TYPE, start, 0, UNITS);
        int next = 0;
        for (int s = 0; s < end; s += 2) {
            while (next < reportAt.size() && reportAt.get(next) <= s) {
                clock.set(start.plusMillis(Math.round(reportAt.get(next) * 1000)));
                job = TestJobs.counted(id, TYPE, start, count.get(next), UNITS);
                estimator.observe(job);
                next++;
            }
            clock.set(start.plusSeconds(s));
            samples.add(new Sample(end - s, estimator.insight(job, null, 1).eta()));
        }
        clock.set(start.plusMillis(Math.round(end * 1000)));
        job = TestJobs.counted(id, TYPE, start, UNITS, UNITS);
        estimator.observe(job);
        estimator.recordSuccess(TestJobs.finished(job, JobStatus.SUCCEEDED, clock.instant()));
        clock.set(clock.instant().plusSeconds(60));
        return samples;
    }

    /** Runs differ in speed by about a fifth (log-normal), as the bench's bursty workload does. */
    private double speed() {
        return UNITS / 40.0 * Math.exp(0.2 * random.nextGaussian());
    }

    @Test
    void aJobInAWaitWithWorkLeftIsNotToldItMayEndAtOnce() {
        for (int r = 0; r < 20; r++) {
            run(speed()); // history: 20 runs of about 40 s of moving, in 7-8 bursts and as many waits
        }
        List<Sample> shown = new ArrayList<>();
        for (int r = 0; r < 20; r++) {
            run(speed()).stream().filter(s -> s.eta() != null).forEach(shown::add);
        }

        long inRange = shown.stream().filter(s -> s.eta().lowSeconds() <= s.left() && s.left() <= s.eta().highSeconds())
                .count();
        // A range from 0 ("Less than 50 seconds") with more than 15 s to go: past runs that had no wait
        // here were left out as outlived. 56 of 1,207 samples from whole rests, 15 from the job's cycle.
        long fromZero = shown.stream().filter(s -> s.eta().lowSeconds() == 0 && s.left() > 15).count();

        assertThat(shown).as("samples with a range").hasSizeGreaterThan(1000);
        assertThat(100.0 * inRange / shown.size()).as("truth in range, %").isGreaterThanOrEqualTo(90);
        assertThat(fromZero).as("ranges from 0 with more than 15 s left").isLessThanOrEqualTo(20);
    }
}
