package dev.longrun.estimate;

import dev.longrun.Eta;
import dev.longrun.Insight;
import dev.longrun.Job;
import dev.longrun.JobStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import tools.jackson.databind.JsonNode;

/**
 * Honest estimates for the status screens: queue position and wait, expected duration, and time
 * remaining, rounded for people and left out (null) when they would mislead. The engine feeds it
 * every job change ({@link #observe}) and every success ({@link #recordSuccess}), and asks it for
 * an {@link Insight} when a job is shown. Time comes only from the injected clock. Thread-safe.
 */
public final class Estimator {

    /** Runs of a type read from the store when the type is first met. */
    static final int SEED_LIMIT = TypeHistory.CAPACITY;
    /** Shapes kept per type in the store; this node itself uses the newest {@link ShapeHistory#CAPACITY}. */
    public static final int KEPT_SHAPES = 50;
    /** Tracks of jobs not heard of for this long are dropped (their end was missed). */
    private static final Duration FORGET_AFTER = Duration.ofHours(6);
    private static final int SWEEP_ABOVE = 5_000;
    private static final double USUAL_MAX_RATIO = 10;

    private final Clock clock;
    private final HistorySource source;
    private final ConcurrentMap<String, TypeHistory> byType = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, ShapeHistory> shapes = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, TypeHistory> byQueue = new ConcurrentHashMap<>();
    private final ConcurrentMap<UUID, ProgressTrack> tracks = new ConcurrentHashMap<>();

    public Estimator(Clock clock, HistorySource history) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.source = Objects.requireNonNull(history, "history");
    }

    /** Queue standing may be null (job not pending); queueConcurrency = workers serving that queue. */
    public Insight insight(Job job, QueueStanding standing, int queueConcurrency) {
        return switch (job.status()) {
            case PENDING -> pending(job, standing, queueConcurrency);
            case RUNNING -> new Insight(null, null, null, null, remaining(job));
            default -> Insight.NONE;
        };
    }

    /** Called for every change of a job this node sees; forgets jobs that left the running state. */
    public void observe(Job job) {
        if (job.status() == JobStatus.SUCCEEDED) {
            learnShape(job);
            return;
        }
        if (job.status() != JobStatus.RUNNING || job.startedAt() == null) {
            tracks.remove(job.id());
            return;
        }
        Double fraction = Fraction.of(job);
        ProgressTrack track = trackOf(job);
        if (fraction != null) {
            track.record(clock.instant(), fraction);
        }
        if (tracks.size() > SWEEP_ABOVE) {
            Instant cutoff = clock.instant().minus(FORGET_AFTER);
            tracks.values().removeIf(t -> t.lastSeen().isBefore(cutoff));
        }
    }

    /** Called when a job succeeded: adds its duration to the history of its type and queue. */
    public void recordSuccess(Job job) {
        learnShape(job);
        if (job.startedAt() == null) {
            return;
        }
        double seconds = secondsRun(job);
        Long total = job.totalSteps() == null ? job.progressTotal() : null;
        // A type met here for the first time is seeded from the store first; if the store already
        // holds this run it counts twice, once per node lifetime, which percentiles over 50 absorb.
        historyOf(job.type()).add(seconds, total);
        byQueue.computeIfAbsent(job.queue(), q -> new TypeHistory(List.of())).add(seconds, null);
    }

    /** Expected duration at start ("Usually 2 to 5 minutes") in seconds, or null. */
    public Long expectedDurationSeconds(String type, Long sizeHint) {
        Spread s = spreadFor(type, sizeHint);
        return s == null || Guess.of(s.low(), s.high()).widerThan(USUAL_MAX_RATIO) ? null : (long) Math.ceil(s.median());
    }

    /** The first of observe/recordSuccess to see a success turns the job's track into a shape. */
    private void learnShape(Job job) {
        ProgressTrack track = tracks.remove(job.id());
        if (track != null && job.startedAt() != null && track.startedAt().equals(job.startedAt())) {
            float[] learned = shapesOf(job.type()).add(job.startedAt().toEpochMilli(), track, secondsRun(job));
            if (learned != null) {
                try {
                    source.keepShape(job.type(), ShapeHistory.encode(learned), clock.instant(), KEPT_SHAPES);
                } catch (RuntimeException e) {
                    // kept only to survive a restart; this node goes on with it in memory
                }
            }
        }
    }

    /** The shapes of a type, seeded from the kept ones the first time this node meets it. */
    private ShapeHistory shapesOf(String type) {
        return shapes.computeIfAbsent(type, t -> {
            ShapeHistory h = new ShapeHistory();
            try {
                h.seed(source.recentShapes(t, ShapeHistory.CAPACITY));
            } catch (RuntimeException e) {
                // no stored shapes reachable: learn them afresh
            }
            return h;
        });
    }

    private double secondsRun(Job job) {
        Instant end = job.completedAt() != null ? job.completedAt() : clock.instant();
        return Duration.between(job.startedAt(), end).toMillis() / 1000.0;
    }

    /**
     * The size of a job's work as its params state it (a {@code rows}/{@code count} field, or the
     * length of a list such as {@code contact_ids}), for {@link #expectedDurationSeconds}; null if none.
     */
    public static Long sizeHint(JsonNode params) {
        return SizeHint.fromParams(params);
    }

    /** "Usually 2 to 5 minutes" for a type (and size), e.g. for the job types list; null when unknown. */
    public Eta usualDuration(String type, Long sizeHint) {
        Spread usual = spreadFor(type, sizeHint);
        Guess range = usual == null ? null : Guess.of(usual.low(), usual.high());
        // "Usually 1 to 5 minutes" describes past runs and helps; "10 seconds to 2 hours" does not.
        return range == null || range.widerThan(USUAL_MAX_RATIO) ? null : EtaWords.usual(range);
    }

    /** "Usually 2 to 5 minutes" from a type's declared typical range, for types with no history yet. */
    public static Eta usualRange(Duration min, Duration max) {
        double low = min.toMillis() / 1000.0;
        return EtaWords.usual(Guess.of(low, Math.max(low, max.toMillis() / 1000.0)));
    }

    private Insight pending(Job job, QueueStanding standing, int concurrency) {
        Eta duration = usualDuration(job.type(), SizeHint.of(job));
        if (standing == null) {
            return new Insight(null, null, null, null, duration);
        }
        return new Insight(standing.position(), standing.size(), standing.moreThan(), startWait(job, standing, concurrency), duration);
    }

    private Eta startWait(Job job, QueueStanding standing, int concurrency) {
        if (job.waitingFor() != null) {
            return null; // it starts when the job it waits for ends, which this queue cannot tell
        }
        if (standing.position() == null) {
            return null; // its place is only known to be past the counted part of the line: a wait from that would be low
        }
        TypeHistory ofQueue = byQueue.get(job.queue());
        Spread queue = ofQueue == null ? null : ofQueue.all();
        if (queue == null || !queue.enough()) {
            queue = historyOf(job.type()).all(); // jobs of one queue are often of one kind
        }
        Guess wait = QueueWait.estimate(standing.position(), concurrency, queue);
        if (wait == null) {
            return null;
        }
        double delay = job.runAfter() == null ? 0
                : Math.max(0, Duration.between(clock.instant(), job.runAfter()).toMillis() / 1000.0);
        wait = Guess.of(Math.max(delay, wait.low()), Math.max(delay, wait.high()));
        return wait.tooWide() ? null : EtaWords.startWait(wait);
    }

    private Eta remaining(Job job) {
        Double fraction = Fraction.of(job);
        if (fraction == null || job.startedAt() == null) {
            return null; // indeterminate work has no honest time remaining
        }
        observe(job);
        ProgressTrack track = trackOf(job);
        long now = clock.millis();
        long start = job.startedAt().toEpochMilli();
        ProgressTrack.Points points = track.snapshot();
        long lastChange = points.size() > 0 ? points.millis()[points.size() - 1] : start;
        Pace pace = Pace.measure(start, points);
        double silence = Math.max(0, (now - lastChange) / 1000.0);
        // A step that already ran longer than any of the job's steps before is a slow step: past runs
        // are asked how long theirs took. Short steps say nothing by their silence.
        double report = nextReport(job);
        int next = Double.isNaN(report) ? 0 : ShapeHistory.gridPoint(report);
        boolean slowStep = next > 0 && pace != null && silence > pace.longestGap();
        ShapeHistory.Prediction shape =
                shapePrediction(job.type(), start, track, fraction, report, slowStep ? next : 0,
                        pace != null && silence > MovingTime.RHYTHM * pace.typicalGap() ? silence : 0);
        Guess g = RemainingTime.estimate((now - start) / 1000.0, fraction, pace, PaceSpread.measure(start, points, pace),
                silence, spreadFor(job.type(), sizeOfRunning(job)), shape,
                RemainingTime.updatesToTrust(stepsOnly(job)), stepsOnly(job) > 0);
        Eta eta = g == null || g.tooWide() ? null : EtaWords.remaining(g);
        // A range from past runs' shapes follows what they did from here (a stall they had at 99 %
        // is a cause); one from the job's own pace rises only when that pace gives a cause.
        boolean ownCause = Narrowing.visibleCause(pace, silence);
        boolean confident = g != null && g.confident();
        eta = Narrowing.apply(track.lastShown(), eta, shape != null || ownCause, confident);
        if (shape != null && !ownCause) {
            eta = Narrowing.absorbOneStep(track.lastShown(), eta, confident);
        }
        track.shown(eta);
        return eta;
    }

    /**
     * @param nextReport where a job that reports only its steps reports next ({@link #nextReport}); NaN for others
     * @param waited     seconds the job has been silent beyond its rhythm (in a wait), 0 while it moves
     */
    private ShapeHistory.Prediction shapePrediction(String type, long start, ProgressTrack track,
                                                    double fraction, double nextReport, int nextStep,
                                                    double waited) {
        ProgressTrack.Points points = track.snapshot();
        ShapeHistory shape = shapesOf(type);
        int k = ShapeHistory.gridPoint(fraction);
        boolean stepJob = !Double.isNaN(nextReport);
        if (shape == null || k < 1 || points.size() == 0) {
            return shape == null || k > 0 ? null
                    : shape.predictBeforeFirstPoint(nextReport, (clock.millis() - start) / 1000.0);
        }
        double target = (double) k / ShapeHistory.GRID;
        if (points.fractions()[0] >= target && points.fractions()[0] > 1.0 / ShapeHistory.GRID) {
            return null; // this node first saw the job past that point: when it got there is unknown
        }
        double[] reachedAfter = new double[k];
        for (int j = 1; j <= k; j++) {
            // points this node saw only after the job passed them say nothing about when it did
            boolean seen = points.fractions()[0] < (double) j / ShapeHistory.GRID
                    || points.fractions()[0] <= 1.0 / ShapeHistory.GRID;
            reachedAfter[j - 1] = seen ? ShapeHistory.reachedAt(start, points, (double) j / ShapeHistory.GRID) : Double.NaN;
        }
        // A step job's reports come at its steps, not at a rhythm of its own: its moving time says nothing.
        double movingAt = stepJob ? Double.NaN : track.movingAt(k);
        WaitModel.Motion motion = stepJob ? null : track.motion(waited);
        return shape.predict(k, reachedAfter, movingAt, nextStep, (clock.millis() - start) / 1000.0, motion);
    }

    /**
     * The share of its work at which a job that reports only its steps reports next (where its next
     * step starts); NaN for a job that reports as it goes.
     */
    private static double nextReport(Job job) {
        int steps = stepsOnly(job);
        Integer step = job.currentStep();
        return steps == 0 || step == null || step < 1 ? Double.NaN : (double) Math.min(step, steps) / steps;
    }

    /** The steps of a job that reports only its steps (no counted progress inside them); 0 otherwise. */
    private static int stepsOnly(Job job) {
        Integer steps = job.totalSteps();
        return steps == null || steps <= 0 || job.progressTotal() != null ? 0 : steps;
    }

    /** Jobs whose progress this node is measuring; for tests of forgetting. */
    int trackedJobs() {
        return tracks.size();
    }

    private static Long sizeOfRunning(Job job) {
        return job.totalSteps() == null ? job.progressTotal() : null;
    }

    private Spread spreadFor(String type, Long size) {
        TypeHistory h = historyOf(type);
        Spread s = size != null && size > 0 ? h.forSize(size) : h.all();
        return s != null && s.enough() ? s : null;
    }

    private TypeHistory historyOf(String type) {
        return byType.computeIfAbsent(type, t -> new TypeHistory(source.recent(t, SEED_LIMIT)));
    }

    private ProgressTrack trackOf(Job job) {
        return tracks.compute(job.id(), (id, t) ->
                t != null && t.startedAt().equals(job.startedAt()) ? t.touch(clock.instant())
                        : new ProgressTrack(job.startedAt()).touch(clock.instant()));
    }
}
