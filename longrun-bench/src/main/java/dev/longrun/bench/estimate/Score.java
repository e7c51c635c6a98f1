package dev.longrun.bench.estimate;

import dev.longrun.Eta;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What one workload's shown estimates scored against the true time remaining, sampled at a fixed
 * interval through every run: honesty (truth in range), sharpness (range width against the truth),
 * how soon a run got its first estimate, and how often a shown range widened.
 */
final class Score {

    /** "Almost done" with more than this left is a broken promise. */
    static final double ALMOST_DONE_LIMIT = 30;
    /**
     * Width is judged against at least this much time left: the wording's resolution there is 5 s
     * ("About 5 seconds", 0–5 s; "Almost done" is 0–10 s), and without a floor the last seconds
     * would dominate.
     */
    static final double WIDTH_FLOOR_SECONDS = 10;

    int runs;
    long samples;
    long shown;
    long inRange;
    double absError;
    long almostDone;
    long almostDoneTooEarly;
    /**
     * Consecutive shown samples of one run; how many of those steps widened the range, and how
     * many raised its upper end (the end moving away, what a person reads as "it got later").
     */
    long shownPairs;
    long widened;
    long rose;
    int runsWithoutEstimate;
    /** Runs met with no usable history (fewer than 5 earlier runs), and how many of them showed nothing. */
    int freshRuns;
    int freshRunsWithoutEstimate;
    private final List<Double> widthRatios = new ArrayList<>();
    private final List<Double> firstEstimateShare = new ArrayList<>();
    private Eta previous;
    private boolean seenThisRun;
    private boolean freshRun;
    private double runSeconds;

    /**
     * Starts scoring a new run of {@code seconds}: widening and the first estimate are judged per
     * run; the time to a first estimate only on runs that had no history to lean on.
     */
    void beginRun(double seconds, boolean noHistory) {
        previous = null;
        seenThisRun = false;
        freshRun = noHistory;
        runSeconds = seconds;
    }

    /** Ends a run: one that never showed an estimate is counted. */
    void endRun() {
        runs++;
        if (!seenThisRun) {
            runsWithoutEstimate++;
        }
        if (freshRun) {
            freshRuns++;
            if (!seenThisRun) {
                freshRunsWithoutEstimate++;
                firstEstimateShare.add(1.0);
            }
        }
    }

    /** One sample {@code elapsed} seconds into the run, with {@code trueRemaining} seconds really left. */
    void add(Eta eta, double elapsed, double trueRemaining) {
        samples++;
        if (eta == null) {
            previous = null; // a withdrawn estimate that comes back is not a widening of a shown one
            return;
        }
        shown++;
        if (!seenThisRun) {
            seenThisRun = true;
            if (freshRun) {
                firstEstimateShare.add(elapsed / runSeconds);
            }
        }
        if (previous != null) {
            shownPairs++;
            if (width(eta) > width(previous)) {
                widened++;
            }
            if (eta.highSeconds() > previous.highSeconds()) {
                rose++;
            }
        }
        previous = eta;
        if (eta.lowSeconds() <= trueRemaining && trueRemaining <= eta.highSeconds()) {
            inRange++;
        }
        widthRatios.add(width(eta) / Math.max(trueRemaining, WIDTH_FLOOR_SECONDS));
        absError += Math.abs((eta.lowSeconds() + eta.highSeconds()) / 2.0 - trueRemaining);
        if ("Almost done".equals(eta.text())) {
            almostDone++;
            if (trueRemaining > ALMOST_DONE_LIMIT) {
                almostDoneTooEarly++;
            }
        }
    }

    private static long width(Eta eta) {
        return eta.highSeconds() - eta.lowSeconds();
    }

    double inRangePct() {
        return shown == 0 ? Double.NaN : 100.0 * inRange / shown;
    }

    double meanAbsError() {
        return shown == 0 ? Double.NaN : absError / shown;
    }

    double almostDoneTooEarlyPct() {
        return samples == 0 ? Double.NaN : 100.0 * almostDoneTooEarly / samples;
    }

    double nonePct() {
        return samples == 0 ? Double.NaN : 100.0 * (samples - shown) / samples;
    }

    /** Range width ÷ max(true time left, 10 s) at quantile {@code p} over shown estimates. */
    double widthRatio(double p) {
        return quantile(widthRatios, p);
    }

    /**
     * How far into a run without history its first estimate came, as a share of the run (1 when it
     * never came), at quantile {@code p} over such runs; NaN when every run had history.
     */
    double firstEstimateShare(double p) {
        return quantile(firstEstimateShare, p);
    }

    double widenedPct() {
        return shownPairs == 0 ? Double.NaN : 100.0 * widened / shownPairs;
    }

    double rosePct() {
        return shownPairs == 0 ? Double.NaN : 100.0 * rose / shownPairs;
    }

    private static double quantile(List<Double> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        double rank = p * (v.length - 1);
        int lo = (int) Math.floor(rank);
        int hi = (int) Math.ceil(rank);
        return v[lo] + (v[hi] - v[lo]) * (rank - lo);
    }
}
