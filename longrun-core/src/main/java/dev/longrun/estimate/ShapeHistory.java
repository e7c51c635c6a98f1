package dev.longrun.estimate;

import java.util.Arrays;

/**
 * How runs of one type spend their time along their work: for each twentieth of the work, the
 * share of the run's whole duration that had passed when it was reached. Jobs that slow down near
 * the end, have one slow step or sit at 99% while finishing each have a typical shape; a running
 * job's elapsed time at the same point, divided by those shares, says when it will likely end.
 * Learned from runs this node watched succeed; kept in a fixed ring. Thread-safe.
 */
final class ShapeHistory {

    static final int GRID = 20;
    static final int CAPACITY = 30;

    private final float[][] shapes = new float[CAPACITY][];
    private int next;
    private int count;

    /**
     * Records a finished run from its progress track; ignored when the track says too little.
     * Returns the shape recorded, or null.
     */
    synchronized float[] add(long startMillis, ProgressTrack.Points points, double durationSeconds) {
        float[] shape = shapeOf(startMillis, points, durationSeconds);
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

    /** Text form for storage: the GRID shares, comma-separated. */
    static String encode(float[] shape) {
        StringBuilder sb = new StringBuilder();
        for (float f : shape) {
            sb.append(sb.isEmpty() ? "" : ",").append(f);
        }
        return sb.toString();
    }

    /** Null unless the text holds GRID shares in [0, 1], non-decreasing. */
    static float[] decode(String text) {
        String[] parts = text == null ? new String[0] : text.split(",");
        if (parts.length != GRID) {
            return null;
        }
        float[] shape = new float[GRID];
        try {
            for (int i = 0; i < GRID; i++) {
                shape[i] = Float.parseFloat(parts[i]);
                if (!(shape[i] >= 0 && shape[i] <= 1) || (i > 0 && shape[i] < shape[i - 1])) {
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
     * What past runs predict for a job that reached grid point {@code k} after {@code reachedAfter}
     * seconds; null when there are too few runs to tell.
     */
    synchronized Prediction predict(int k, double reachedAfter) {
        if (count < Spread.ENOUGH || k < 1 || k > GRID) {
            return null;
        }
        double[] totals = new double[count];
        double[] segments = new double[count];
        for (int i = 0; i < count; i++) {
            float[] shape = shapes[i];
            totals[i] = reachedAfter / Math.max(shape[k - 1], 1e-3f);
            segments[i] = k < GRID ? (shape[k] - shape[k - 1]) * totals[i] : (1 - shape[k - 1]) * totals[i];
        }
        Arrays.sort(totals);
        Arrays.sort(segments);
        return new Prediction(totals, TypeHistory.percentile(segments, 0.9));
    }

    /**
     * @param totals       predicted total duration of the running job, one per past run, sorted
     * @param quietSeconds how long past runs usually went (90th percentile) from this grid point to
     *                     the next: silence up to about this long is normal here, not a stall
     */
    record Prediction(double[] totals, double quietSeconds) {
    }

    /** Null unless the run reported its progress from start to end. */
    static float[] shapeOf(long startMillis, ProgressTrack.Points points, double durationSeconds) {
        if (durationSeconds <= 0 || points.size() < 2 || points.fractions()[0] > 1.0 / GRID) {
            return null;
        }
        float[] shape = new float[GRID];
        for (int k = 1; k <= GRID; k++) {
            double at = reachedAt(startMillis, points, (double) k / GRID);
            shape[k - 1] = (float) Math.min(1, (Double.isNaN(at) ? durationSeconds : at) / durationSeconds);
        }
        return shape;
    }

    /** Seconds after start when the fraction first reached {@code target}; NaN if it never did. */
    static double reachedAt(long startMillis, ProgressTrack.Points points, double target) {
        for (int i = 0; i < points.size(); i++) {
            if (points.fractions()[i] >= target - 1e-9) {
                return (points.millis()[i] - startMillis) / 1000.0;
            }
        }
        return Double.NaN;
    }

    /** The last grid point a job at {@code fraction} has passed (0 when none). */
    static int gridPoint(double fraction) {
        return (int) Math.floor(fraction * GRID + 1e-9);
    }
}
