package dev.longrun.estimate;

import java.util.Arrays;

/**
 * How long one running attempt spent actually moving, as opposed to waiting between bursts: a job
 * that works in bursts (3–8 s of rows, then 5–20 s waiting on a rate-limited API) reports at its own
 * rhythm while it moves and goes quiet while it waits. The time between two reports counts as
 * moving when it is at most {@link #RHYTHM} times the job's usual (median) such time so far; a
 * longer one is a wait, of which only its last usual gap counts (the report that ends it tells the
 * work done since the burst began). Moving time measures the job's speed without the noise of how
 * many waits happened to fall into its head, so {@link ShapeForecast} compares it with past runs'
 * moving time at the same point of the work. Fed by {@link ProgressTrack} with every point before
 * any is thinned out, and guarded by its lock.
 */
final class MovingTime {

    /** A gap up to this many times the job's usual one is part of its moving rhythm. */
    static final double RHYTHM = 2;
    /** Fewer moving segments than this say nothing about a rhythm. */
    static final int MIN_SEGMENTS = 3;
    /** Gaps are counted in buckets a quarter of a doubling wide, from 100 ms up to about 2 days. */
    private static final int BUCKETS = 4 * 21;

    private final int[] gaps = new int[BUCKETS];
    private final double[] atGrid = new double[ShapeHistory.GRID];
    private int counted;
    private double moving;
    private int segments;
    private double burst;
    private boolean known = true;

    MovingTime() {
        Arrays.fill(atGrid, Double.NaN);
    }

    /**
     * One more report: the fraction went from {@code fromFraction} to {@code toFraction} in
     * {@code gapMillis}. The first report of a track seen past the first grid point leaves the
     * moving time unknown: when the job moved before it was seen is not known.
     */
    void segment(long gapMillis, double fromFraction, double toFraction, boolean first) {
        if (first && toFraction > 1.0 / ShapeHistory.GRID) {
            known = false;
        }
        if (!known || toFraction <= fromFraction || gapMillis <= 0) {
            return;
        }
        gaps[bucket(gapMillis)]++;
        counted++;
        int usual = usualBucket();
        boolean counts = gapMillis <= RHYTHM * upperEdge(usual);
        // The report that ends a wait also counts the work of its last usual gap: the job moved then.
        double worked = counts ? gapMillis / 1000.0 : Math.min(gapMillis, middle(usual)) / 1000.0;
        int before = segments + (counts ? 1 : 0);
        for (int j = ShapeHistory.gridPoint(fromFraction) + 1; j <= ShapeHistory.gridPoint(toFraction); j++) {
            double share = ((double) j / ShapeHistory.GRID - fromFraction) / (toFraction - fromFraction);
            atGrid[j - 1] = before >= MIN_SEGMENTS ? moving + share * worked : Double.NaN;
        }
        moving += worked;
        burst = counts ? burst + worked : worked;
        segments += counts ? 1 : 0;
    }

    /** Seconds spent moving so far; NaN when unknown. */
    double moving() {
        return known && segments >= MIN_SEGMENTS ? moving : Double.NaN;
    }

    /** Seconds moved since the last wait ended (since the start when none came yet). */
    double burst() {
        return burst;
    }

    /** Seconds spent moving when the job reached grid point {@code k} (1..GRID); NaN when unknown. */
    double at(int k) {
        return known && k >= 1 && k <= ShapeHistory.GRID ? atGrid[k - 1] : Double.NaN;
    }

    /** The bucket holding the median gap so far. */
    private int usualBucket() {
        int half = (counted + 1) / 2;
        int seen = 0;
        for (int b = 0; b < BUCKETS; b++) {
            seen += gaps[b];
            if (seen >= half) {
                return b;
            }
        }
        return BUCKETS - 1;
    }

    private static double upperEdge(int bucket) {
        return 100 * Math.pow(2, (bucket + 1) / 4.0);
    }

    private static double middle(int bucket) {
        return 100 * Math.pow(2, (bucket + 0.5) / 4.0);
    }

    private static int bucket(long gapMillis) {
        int b = (int) Math.floor(4 * Math.log(Math.max(gapMillis, 100) / 100.0) / Math.log(2));
        return Math.min(BUCKETS - 1, b);
    }
}
