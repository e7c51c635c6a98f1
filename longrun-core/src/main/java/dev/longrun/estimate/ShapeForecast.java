package dev.longrun.estimate;

import java.util.Arrays;

/**
 * What past runs of a type say about the rest of a running job, from their progress shapes. For
 * each past run: how long it needed from the job's last grid point to its end, scaled by how much
 * slower or faster this job got there. How much of that speed carries over to the rest is learned
 * from the past runs themselves (a run that is slow at the start of one slow step is not slow in
 * the next, while a slow machine is slow throughout): the slope of their rest against their head,
 * in log scale. Past runs that would have ended by now are left out, so a job that sits longer
 * than some of them did is judged by the ones that sat longer still. Pure.
 */
final class ShapeForecast {

    private ShapeForecast() {
    }

    /**
     * @param shapes       past runs' shares of their duration at each grid point (and their
     *                     duration, when known)
     * @param k            the last grid point the job has passed, 0..GRID
     * @param reachedAfter seconds after start the job reached grid points 1..k, NaN where unknown
     * @param movingAt     seconds the job had spent moving when it reached grid point k
     *                     ({@link MovingTime}), NaN when unknown
     * @param nextStep     for a step job, the grid point its next step starts at (k < nextStep <= GRID):
     *                     it reports only there, so a past run that got there sooner than this job's
     *                     silence so far is left out, and silence is judged against the whole step;
     *                     0 for a job that reports as it goes
     * @param elapsed      seconds since the job started
     * @return null when the job's time at grid point k is unknown or no past run is still
     *         consistent with it
     */
    static ShapeHistory.Prediction predict(float[][] shapes, int k, double[] reachedAfter, double movingAt,
                                           int nextStep, double elapsed) {
        return predict(shapes, k, reachedAfter, movingAt, nextStep, elapsed, null);
    }

    /**
     * @param motion where the job stands in its cycle of bursts and waits, null when unknown: for a
     *               job of a type that works in bursts the range then comes from {@link WaitModel}
     */
    static ShapeHistory.Prediction predict(float[][] shapes, int k, double[] reachedAfter, double movingAt,
                                           int nextStep, double elapsed, WaitModel.Motion motion) {
        if (k == 0) {
            return beforeFirstPoint(shapes, elapsed, Double.NaN);
        }
        if (k > ShapeHistory.GRID || !(reachedAfter[k - 1] > 0)) {
            return null;
        }
        double since = Math.max(0, elapsed - reachedAfter[k - 1]);
        float[][] moving = movingAt > 0 ? withMovingTime(shapes, k) : new float[0][];
        if (moving.length >= Spread.ENOUGH) {
            ShapeHistory.Prediction p = byMovingTime(moving, k, movingAt, since);
            return p == null || motion == null ? p
                    : p.withRange(WaitModel.range(moving, k, movingAt, motion));
        }
        int next = nextStep > k ? Math.min(nextStep, ShapeHistory.GRID) : k + 1;
        double slope = carryOver(shapes, k, false);
        double[] remaining = new double[shapes.length];
        double[] segments = new double[shapes.length];
        int kept = 0;
        for (float[] shape : shapes) {
            double speed = speedRatio(shape, k, reachedAfter); // this job's time ÷ the past run's
            double head = shape[k - 1];
            double restShare = 1 - head;
            double segShare = k < ShapeHistory.GRID ? shape[next - 1] - head : restShare;
            double factor;
            if (shape.length > ShapeHistory.GRID) {
                double total = shape[ShapeHistory.GRID];
                factor = total * Math.pow(speed, slope);
            } else {
                factor = reachedAfter[k - 1] / Math.max(head, 1e-3f); // duration unknown: full carry-over
            }
            double rest = restShare * factor - since;
            segments[kept] = segShare * factor;
            // a step job still in its step is unlike a past run that would have finished that step by now
            boolean consistent = nextStep > k ? segShare * factor > since : rest > 0;
            if (consistent && rest > 0) {
                remaining[kept++] = rest;
            }
        }
        boolean stepsAhead = nextStep > k && next < ShapeHistory.GRID;
        return kept == 0 ? null : prediction(remaining, segments, kept, shapes.length, stepsAhead);
    }

    /**
     * Past runs scaled by this job's moving time against theirs at grid point k: bursts and waits
     * of the head (how many waits fell into it) no longer pass for speed, so a job that works in
     * bursts is compared by how fast it works, and the waits still to come are what past runs had
     * from here. How much of that speed carries over to the rest is learned as for head times.
     */
    private static ShapeHistory.Prediction byMovingTime(float[][] shapes, int k, double movingAt, double since) {
        double slope = carryOver(shapes, k, true);
        double[] remaining = new double[shapes.length];
        double[] segments = new double[shapes.length];
        int kept = 0;
        for (float[] shape : shapes) {
            double total = shape[ShapeHistory.GRID];
            double head = shape[k - 1];
            double factor = total * Math.pow(movingAt / (shape[ShapeHistory.MOVING + k - 1] * total), slope);
            double rest = (1 - head) * factor - since;
            segments[kept] = (k < ShapeHistory.GRID ? shape[k] - head : 1 - head) * factor;
            if (rest > 0) {
                remaining[kept++] = rest;
            }
        }
        return kept == 0 ? null : prediction(remaining, segments, kept, shapes.length, false);
    }

    /** The past runs that know their moving time at grid point k. */
    private static float[][] withMovingTime(float[][] shapes, int k) {
        return Arrays.stream(shapes)
                .filter(s -> s.length == ShapeHistory.MOVING + ShapeHistory.GRID && s[ShapeHistory.MOVING + k - 1] > 0)
                .toArray(float[][]::new);
    }

    /**
     * Before the job's first grid point its pace says little (and nothing of a stall to come):
     * past runs' whole durations, less the time already spent, of those that would still run. A
     * step job that has not reported its next step (at {@code nextReport} of its work; NaN for a job
     * that reports as it goes) is slower so far than every past run that reported there sooner:
     * such a run's rest is scaled by how much slower, as far as speed carries over
     * ({@link #carryOver}), rather than left to say the job may end at once.
     */
    static ShapeHistory.Prediction beforeFirstPoint(float[][] shapes, double elapsed, double nextReport) {
        boolean stepAhead = nextReport > 0 && nextReport < 1;
        double slope = stepAhead ? carryOver(shapes, Math.max(1, ShapeHistory.gridPoint(nextReport)), false) : 1;
        double[] remaining = new double[shapes.length];
        double[] segments = new double[shapes.length];
        int kept = 0;
        for (float[] shape : shapes) {
            if (shape.length <= ShapeHistory.GRID) {
                continue;
            }
            double total = shape[ShapeHistory.GRID];
            double share = stepAhead ? shareAt(shape, nextReport) : 1;
            double left = total - elapsed;
            if (stepAhead && share * total < elapsed) {
                left = (1 - share) * total * Math.pow(elapsed / Math.max(share * total, 1e-3), slope);
            }
            if (left > 0) {
                // a step job is quiet until its next step; other jobs report within their first twentieth
                segments[kept] = (stepAhead ? share : shape[0]) * total;
                remaining[kept++] = left;
            }
        }
        if (kept == 0) {
            return null;
        }
        ShapeHistory.Prediction p = prediction(remaining, segments, kept, shapes.length, false);
        // A step job sits in its first step for up to a third of its run, knowing nothing of its own
        // yet: while every past run is still in play, their whole durations (raised to the least this
        // job can still need where it outlasted their first step) are a sample of its own, and their
        // order statistics say the range without a fitted law's tails (PredictionInterval.ofWholeRuns).
        return kept < shapes.length || !stepAhead ? p : p.withRange(PredictionInterval.ofWholeRuns(p.remaining()));
    }

    /** The share of a past run's duration that had passed when it reached {@code fraction}, between grid points. */
    private static double shareAt(float[] shape, double fraction) {
        double x = Math.max(0, Math.min(1, fraction)) * ShapeHistory.GRID;
        int j = Math.min((int) Math.floor(x), ShapeHistory.GRID - 1);
        double below = j == 0 ? 0 : shape[j - 1];
        return below + (shape[j] - below) * (x - j);
    }

    private static ShapeHistory.Prediction prediction(double[] remaining, double[] segments, int kept, int runs,
                                                      boolean stepsAhead) {
        double[] left = Arrays.copyOf(remaining, kept);
        double[] segs = Arrays.copyOf(segments, kept);
        Arrays.sort(left);
        Arrays.sort(segs);
        return new ShapeHistory.Prediction(left, TypeHistory.percentile(segs, 0.9), runs, stepsAhead);
    }

    /**
     * This job's time against a past run's over the later half of the grid points it reached
     * (log-average), so a point reported a second late does not move it much.
     */
    private static double speedRatio(float[] shape, int k, double[] reachedAfter) {
        boolean knownTotal = shape.length > ShapeHistory.GRID;
        double sum = 0;
        int used = 0;
        for (int j = Math.max(1, (k + 1) / 2); j <= k; j++) {
            if (reachedAfter[j - 1] > 0) {
                double past = Math.max(shape[j - 1], 1e-3f) * (knownTotal ? shape[ShapeHistory.GRID] : 1);
                sum += Math.log(reachedAfter[j - 1] / past);
                used++;
            }
        }
        return Math.exp(sum / used);
    }

    /**
     * How much of a head start's speed carries over to the rest, 0..1: the least-squares slope of
     * log(rest) on log(head) — or on log(moving time in the head) — over past runs with known
     * durations, pulled towards 1 while few.
     */
    static double carryOver(float[][] shapes, int k, boolean byMoving) {
        CarryOver fit = new CarryOver();
        for (float[] shape : shapes) {
            if (shape.length <= ShapeHistory.GRID || shape[k - 1] <= 0 || shape[k - 1] >= 1) {
                continue;
            }
            double total = shape[ShapeHistory.GRID];
            fit.add((byMoving ? shape[ShapeHistory.MOVING + k - 1] : shape[k - 1]) * total, (1 - shape[k - 1]) * total);
        }
        return fit.slope();
    }
}
