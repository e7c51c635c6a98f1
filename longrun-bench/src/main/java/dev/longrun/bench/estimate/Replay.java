package dev.longrun.bench.estimate;

import dev.longrun.Eta;
import dev.longrun.Job;
import dev.longrun.JobStatus;
import dev.longrun.bench.estimate.Run.Report;
import dev.longrun.estimate.DurationSample;
import dev.longrun.estimate.Estimator;
import dev.longrun.estimate.HistorySource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Replays runs of one workload through an {@link Estimator} on a simulated clock: each progress
 * report is observed at its moment, the shown time remaining is sampled every few seconds and
 * scored against the truth, and each finished run is recorded as a success (except for the cold
 * workload, where every run meets an estimator without history).
 */
final class Replay {

    private static final Instant EPOCH = Instant.parse("2026-01-05T09:00:00Z");
    /** Runs of a type before it has history enough to go on (the estimator's minimum of 5 runs). */
    static final int FRESH_RUNS = 5;

    private final double sampleEvery;
    private final int traceRun;

    /** @param traceRun index of a run whose every sample is printed, or -1 for none */
    Replay(double sampleEvery, int traceRun) {
        this.sampleEvery = sampleEvery;
        this.traceRun = traceRun;
    }

    /**
     * @param restartEachRun each run meets a fresh estimator (as after a node restart) that knows
     *                       the earlier runs only from the store: their durations and the progress
     *                       shapes earlier estimators kept there
     */
    Score play(Workload workload, int runs, long seed, boolean restartEachRun) {
        Random random = new Random(seed);
        SimulatedClock clock = new SimulatedClock(EPOCH);
        Deque<DurationSample> stored = new ArrayDeque<>();
        Deque<String> shapes = new ArrayDeque<>();
        Score score = new Score();
        Estimator estimator = new Estimator(clock, new KeptHistory(stored, shapes));
        for (int i = 0; i < runs; i++) {
            if (workload.cold) {
                estimator = new Estimator(clock, HistorySource.NONE);
            } else if (restartEachRun) {
                estimator = new Estimator(clock, new KeptHistory(stored, shapes));
            }
            Run run = workload.generate(random);
            Instant start = EPOCH.plus(Duration.ofHours(i));
            score.beginRun(run.seconds(), workload.cold || i < FRESH_RUNS);
            Job done = playOne(run, new SimJob(new UUID(seed, i), "bench." + workload.name().toLowerCase(), start),
                    clock, estimator, score, i == traceRun);
            stored.addFirst(new DurationSample(Math.round(run.seconds() * 1000), done.progressTotal()));
        }
        return score;
    }

    private Job playOne(Run run, SimJob sim, SimulatedClock clock, Estimator estimator, Score score,
                         boolean trace) {
        Job job = sim.running(null);
        int next = 0;
        for (double t = 0; t < run.seconds(); t += sampleEvery) {
            while (next < run.reports().size() && run.reports().get(next).at() <= t) {
                Report report = run.reports().get(next++);
                clock.set(sim.at(report.at()));
                job = sim.running(report);
                estimator.observe(job);
            }
            clock.set(sim.at(t));
            Eta eta = estimator.insight(job, null, 1).eta();
            score.add(eta, t, run.seconds() - t);
            if (trace) {
                System.out.printf(java.util.Locale.ROOT, "t=%6.1f done=%5s left=%6.1f shown=%s%n", t,
                        job.progressPct() != null ? job.progressPct() + "%"
                                : "step " + job.currentStep() + "/" + job.totalSteps(),
                        run.seconds() - t, eta == null ? "-" : eta.text() + " [" + eta.lowSeconds() + ", "
                                + eta.highSeconds() + "]");
            }
        }
        score.endRun();
        clock.set(sim.at(run.seconds()));
        Job done = sim.succeeded(job, run.seconds());
        estimator.observe(done);
        estimator.recordSuccess(done);
        return done;
    }

    /** Builds the job snapshots of one simulated run. */
    record SimJob(UUID id, String type, Instant startedAt) {

        Instant at(double seconds) {
            return startedAt.plusMillis(Math.round(seconds * 1000));
        }

        Job running(Report r) {
            return job(JobStatus.RUNNING, r == null ? null : r.current(), r == null ? null : r.total(),
                    r == null ? null : r.step(), r == null ? null : r.steps(), null);
        }

        Job succeeded(Job last, double seconds) {
            return job(JobStatus.SUCCEEDED, last.progressTotal(), last.progressTotal(), last.currentStep(),
                    last.totalSteps(), at(seconds));
        }

        private Job job(JobStatus status, Long current, Long total, Integer step, Integer steps, Instant completedAt) {
            Instant created = startedAt.minusSeconds(1);
            return new Job(id, "bench", "bench", type, "default", 0, status, current, total, null, step, steps,
                    created, startedAt, completedAt, completedAt != null ? completedAt : startedAt, null, null, true,
                    null, 1, 3, null, null, null, null, null, null, null, null, false, null, null, null, null,
                    "bench-node", null, null, 1);
        }
    }

    /** The store as a restarted node finds it: durations and kept shapes, newest first. */
    private record KeptHistory(Deque<DurationSample> durations, Deque<String> shapes) implements HistorySource {
        @Override
        public List<DurationSample> recent(String type, int limit) {
            return List.copyOf(durations).subList(0, Math.min(limit, durations.size()));
        }

        @Override
        public List<String> recentShapes(String type, int limit) {
            return List.copyOf(shapes).subList(0, Math.min(limit, shapes.size()));
        }

        @Override
        public void keepShape(String type, String shape, Instant at, int keep) {
            shapes.addFirst(shape);
        }
    }
}
