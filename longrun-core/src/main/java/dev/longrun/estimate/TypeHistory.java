package dev.longrun.estimate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The recent successful runs of one job type, kept incrementally in a fixed ring (the oldest run
 * drops out when a new one arrives). The {@link Estimator} asks it for the spread of durations,
 * for the whole type or for runs of a similar size. Thread-safe.
 */
final class TypeHistory {

    /** Runs kept per type: enough for stable percentiles, few enough to follow a changing system. */
    static final int CAPACITY = 50;

    private final double[] seconds = new double[CAPACITY];
    private final long[] totals = new long[CAPACITY]; // 0 = the run counted no units
    private int next;
    private int count;
    private Spread cached;

    /** Seeds from stored samples, which come newest first. */
    TypeHistory(List<DurationSample> newestFirst) {
        for (int i = Math.min(newestFirst.size(), CAPACITY) - 1; i >= 0; i--) {
            DurationSample s = newestFirst.get(i);
            add(s.millis() / 1000.0, s.total());
        }
    }

    synchronized void add(double durationSeconds, Long total) {
        if (durationSeconds < 0 || Double.isNaN(durationSeconds)) {
            return;
        }
        seconds[next] = durationSeconds;
        totals[next] = total != null && total > 0 ? total : 0;
        next = (next + 1) % CAPACITY;
        count = Math.min(count + 1, CAPACITY);
        cached = null;
    }

    synchronized int size() {
        return count;
    }

    /** The spread over all kept runs, or null when there are none. */
    synchronized Spread all() {
        if (cached == null && count > 0) {
            cached = spreadOf(Arrays.copyOf(seconds, count));
        }
        return cached;
    }

    /**
     * The spread for a job of {@code size} units: runs of the same size bucket when there are
     * enough, else every counted run scaled linearly to that size (wider, since fixed costs do not
     * scale), else null: durations of other sizes would mislead. A type whose runs never count
     * units has no sizes to compare, so all its runs count.
     */
    synchronized Spread forSize(long size) {
        int bucket = SizeBuckets.of(size);
        List<Double> same = new ArrayList<>();
        List<Double> scaled = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (totals[i] == 0) {
                continue;
            }
            if (SizeBuckets.of(totals[i]) == bucket) {
                same.add(seconds[i]);
            }
            scaled.add(seconds[i] * size / totals[i]);
        }
        if (scaled.isEmpty()) {
            return all();
        }
        if (same.size() >= Spread.ENOUGH) {
            return spreadOf(same.stream().mapToDouble(Double::doubleValue).toArray());
        }
        if (scaled.size() >= Spread.ENOUGH) {
            return spreadOf(scaled.stream().mapToDouble(Double::doubleValue).toArray()).widened(0.25);
        }
        return null;
    }

    static Spread spreadOf(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        return new Spread(v.length, percentile(v, 0.10), percentile(v, 0.50), percentile(v, 0.90), sum / v.length);
    }

    /** Linear interpolation between closest ranks; {@code sorted} must not be empty. */
    static double percentile(double[] sorted, double p) {
        double rank = p * (sorted.length - 1);
        int lo = (int) Math.floor(rank);
        int hi = (int) Math.ceil(rank);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
    }
}
