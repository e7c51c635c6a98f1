package dev.longrun.estimate;

import java.util.Arrays;

/**
 * The waits and bursts of past runs of a type, read off their shapes for {@link WaitModel}: a grid
 * segment (a twentieth of the work) whose elapsed time exceeds its moving time by more than
 * {@link #WAIT_MIN_SECONDS} held a wait of that excess; a burst is the moving time between two
 * waits, half of each wait's segment counted to each side (where in its segment a wait fell is not
 * kept). That half is a guess of ± half a segment at each end, which would make bursts look more
 * varied than they are, and so the count of waits still to come: the bursts are drawn towards their
 * mean by that much variance (a segment's moving time squared over 6). Pure.
 *
 * @param waits  seconds, one per wait seen
 * @param bursts seconds of moving, one per burst seen between two waits
 */
record Cycles(double[] waits, double[] bursts) {

    /** A segment's elapsed time beyond its moving time that makes it a wait (reports come about every second). */
    static final double WAIT_MIN_SECONDS = 2;

    static Cycles of(float[][] shapes) {
        double[] waits = new double[shapes.length * ShapeHistory.GRID];
        double[] bursts = new double[shapes.length * ShapeHistory.GRID];
        int w = 0;
        int b = 0;
        double moved = 0;
        int segments = 0;
        for (float[] shape : shapes) {
            double total = shape[ShapeHistory.GRID];
            double burst = Double.NaN; // no burst is measured before the first wait: it began with the run
            for (int j = 1; j < ShapeHistory.GRID; j++) {
                double from = shape[ShapeHistory.MOVING + j - 1];
                double to = shape[ShapeHistory.MOVING + j];
                if (!(from > 0 && to > from)) {
                    burst = Double.NaN; // a segment of unknown moving time breaks the count
                    continue;
                }
                double elapsed = (shape[j] - shape[j - 1]) * total;
                double moving = (to - from) * total;
                moved += moving;
                segments++;
                if (elapsed - moving > WAIT_MIN_SECONDS) {
                    waits[w++] = elapsed - moving;
                    if (!Double.isNaN(burst)) {
                        bursts[b++] = burst + moving / 2;
                    }
                    burst = moving / 2;
                } else if (!Double.isNaN(burst)) {
                    burst += moving;
                }
            }
        }
        double segment = segments == 0 ? 0 : moved / segments;
        return new Cycles(Arrays.copyOf(waits, w), towardsMean(Arrays.copyOf(bursts, b), segment * segment / 6));
    }

    /** The values drawn towards their mean so their variance loses {@code noise}. */
    static double[] towardsMean(double[] values, double noise) {
        double mean = Arrays.stream(values).average().orElse(0);
        double var = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).average().orElse(0);
        double f = var > noise ? Math.sqrt((var - noise) / var) : 0;
        return Arrays.stream(values).map(v -> mean + (v - mean) * f).toArray();
    }
}
