package dev.longrun.estimate;

import java.util.Arrays;

/**
 * How runs of one type spend their time along their work: for each twentieth of the work, the
 * share of the run's whole duration that had passed when it was reached. Jobs that slow down near
 * the end, have one slow step or sit at 99% while finishing each have a typical shape; a running
 * job's elapsed time at the same point says when it will likely end ({@link ShapeForecast}). Each
 * shape also keeps its run's duration. Learned from runs this node watched succeed; kept in a
 * fixed ring. Thread-safe.
 */
final class ShapeHistory {

    static final int GRID = 20;
    /**
     * Where a shape's moving times start: after the GRID shares and the duration come, for each grid
     * point, the share of the duration the run had spent moving when it got there ({@link MovingTime};
     * 0 where it could not be told). Shapes kept before these were recorded have none.
     */
    static final int MOVING = GRID + 1;
    static final int CAPACITY = 30;

    private final float[][] shapes = new float[CAPACITY][];
    private int next;
    private int count;

    /**
     * Records a finished run from its progress track; ignored when the track says too little.
     * Returns the shape recorded, or null.
     */
    synchronized float[] add(long startMillis, ProgressTrack track, double durationSeconds) {
        float[] shape = shapeOf(startMillis, track.snapshot(), durationSeconds);
        if (shape != null) {
            for (int k = 1; k <= GRID; k++) {
                double m = track.movingAt(k);
                shape[MOVING + k - 1] = Double.isNaN(m) ? 0 : (float) Math.min(1, m / durationSeconds);
            }
        }
        if (shape != null) {
            put(shape);
        }
        return shape;
    }

    /** Adds shapes kept from earlier node lifetimes, given newest first; malformed ones are skipped. */
    synchronized void seed(java.util.List<String> newestFirst) {
        for (int i = Math.min(newestFirst.size(), CAPACITY) - 1; i >= 0; i--) {
            float[] shape = decode(newestFirst.get(i));
            if (shape != null) {
                put(shape);
            }
        }
    }

    private void put(float[] shape) {
        shapes[next] = shape;
        next = (next + 1) % CAPACITY;
        count = Math.min(count + 1, CAPACITY);
    }

    /** Text form for storage: the GRID shares, the run's seconds, then its moving shares, comma-separated. */
    static String encode(float[] shape) {
        StringBuilder sb = new StringBuilder();
        for (float f : shape) {
            sb.append(sb.isEmpty() ? "" : ",").append(f);
        }
        return sb.toString();
    }

    /**
     * Null unless the text holds GRID shares in [0, 1], non-decreasing, and optionally the run's
     * duration in seconds and then its GRID moving shares in [0, 1] (shapes kept before those were
     * recorded have none).
     */
    static float[] decode(String text) {
        String[] parts = text == null ? new String[0] : text.split(",");
        if (parts.length != GRID && parts.length != GRID + 1 && parts.length != MOVING + GRID) {
            return null;
        }
        float[] shape = new float[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) {
                shape[i] = Float.parseFloat(parts[i]);
                boolean ok = i == GRID ? shape[i] > 0 && Float.isFinite(shape[i])
                        : i > GRID ? shape[i] >= 0 && shape[i] <= 1
                        : shape[i] >= 0 && shape[i] <= 1 && (i == 0 || shape[i] >= shape[i - 1]);
                if (!ok) {
                    return null;
                }
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return shape;
    }

    synchronized int size() {
        return count;
    }

    /**
     * What past runs predict for a job that reached grid point {@code k} (see {@link ShapeForecast});
     * null when no run has been learned yet.
     */
    Prediction predict(int k, double[] reachedAfter, double movingAt, int nextStep, double elapsed,
                       WaitModel.Motion motion) {
        float[][] copy;
        synchronized (this) {
            copy = Arrays.copyOf(shapes, count);
        }
        return copy.length == 0 ? null
                : ShapeForecast.predict(copy, k, reachedAfter, movingAt, nextStep, elapsed, motion);
    }

    /**
     * What past runs predict before the job reached its first grid point: a step job whose next
     * report, due at {@code nextReport} of its work (NaN when it reports as it goes), has not come.
     */
    Prediction predictBeforeFirstPoint(double nextReport, double elapsed) {
        float[][] copy;
        synchronized (this) {
            copy = Arrays.copyOf(shapes, count);
        }
        return copy.length == 0 ? null : ShapeForecast.beforeFirstPoint(copy, elapsed, nextReport);
    }

    /**
     * @param remaining    seconds left from now, one per past run still consistent with this job
     *                     (runs that would have ended by now are left out), sorted
     * @param quietSeconds how long past runs usually went (90th percentile) from this grid point to
     *                     the next (for a step job, to its next step): silence up to about this long
     *                     is normal here, not a stall
     * @param runs         past runs asked, including those left out
     * @param stepsAhead   the job is in a step with more steps after it: even when it outlived
     *                     past runs' step, its end cannot come before those steps ran
     * @param range        for a job that works in bursts, the range from its own state ({@link WaitModel});
     *                     null when past runs' whole rests give it
     */
    record Prediction(double[] remaining, double quietSeconds, int runs, boolean stepsAhead, Guess range) {

        Prediction(double[] remaining, double quietSeconds, int runs, boolean stepsAhead) {
            this(remaining, quietSeconds, runs, stepsAhead, null);
        }

        Prediction withRange(Guess g) {
            return g == null ? this : new Prediction(remaining, quietSeconds, runs, stepsAhead, g);
        }

        /** Enough past runs agree with this job to give the range on their own. */
        boolean enough() {
            return remaining.length >= Spread.ENOUGH;
        }
    }

    /** Null unless the run reported its progress from start to end; moving shares left at 0 (unknown). */
    static float[] shapeOf(long startMillis, ProgressTrack.Points points, double durationSeconds) {
        if (durationSeconds <= 0 || points.size() < 2 || points.fractions()[0] > 1.0 / GRID) {
            return null;
        }
        float[] shape = new float[MOVING + GRID];
        for (int k = 1; k <= GRID; k++) {
            double at = reachedAt(startMillis, points, (double) k / GRID);
            shape[k - 1] = (float) Math.min(1, (Double.isNaN(at) ? afterLastReport(startMillis, points,
                    (double) k / GRID, durationSeconds) : at) / durationSeconds);
        }
        shape[GRID] = (float) durationSeconds; // how long the run took, for runs unlike in speed
        return shape;
    }

    /**
     * When a run that succeeded passed a point above its last report: between that report and its
     * end, at its pace there. A step job reports only where its steps start, so its last step (and
     * a job of few steps, its last fifth or third) lies after the last report. Counted as reached at
     * the end, a run of 3 steps said a run of 10 needed nothing from its ninth step on, and was left
     * out as if it had ended by then: at its last step too few past runs remained to be trusted.
     */
    private static double afterLastReport(long startMillis, ProgressTrack.Points points, double target,
                                          double durationSeconds) {
        int last = points.size() - 1;
        double lastAt = (points.millis()[last] - startMillis) / 1000.0;
        double lastFraction = points.fractions()[last];
        if (lastFraction >= 1 || lastAt >= durationSeconds) {
            return durationSeconds;
        }
        return lastAt + (target - lastFraction) / (1 - lastFraction) * (durationSeconds - lastAt);
    }

    /**
     * Seconds after start when the fraction reached {@code target}, interpolated between the points
     * around it (a long track keeps only every other point, and a point is not the moment of the
     * crossing); NaN if it never did.
     */
    static double reachedAt(long startMillis, ProgressTrack.Points points, double target) {
        int n = points.size();
        if (n == 0 || points.fractions()[n - 1] < target - 1e-9) {
            return Double.NaN;
        }
        return PaceSpread.secondsWhenReached(startMillis, points, target - 1e-9);
    }

    /** The last grid point a job at {@code fraction} has passed (0 when none). */
    static int gridPoint(double fraction) {
        return (int) Math.floor(fraction * GRID + 1e-9);
    }
}
