package dev.longrun.estimate;

import java.util.Arrays;

/**
 * The measured pace of one running job, from its {@link ProgressTrack}: overall and recent rate of
 * progress, how irregular it is, and how long it usually goes between updates. Used by
 * {@link RemainingTime}; all times in seconds, measured up to the last change of progress.
 */
record Pace(double overall, double recent, double irregularity, double typicalGap, double longestGap,
            int changes, double measuredSeconds) {

    /** Segments looked at for irregularity and gaps: the recent behaviour matters most. */
    private static final int RECENT_SEGMENTS = 12;

    /** Null when the job has not yet moved since it started. */
    static Pace measure(long startMillis, ProgressTrack.Points points) {
        int n = points.size();
        if (n == 0) {
            return null;
        }
        long lastMillis = points.millis()[n - 1];
        double lastFraction = points.fractions()[n - 1];
        double measured = (lastMillis - startMillis) / 1000.0;
        if (measured <= 0 || lastFraction <= 0) {
            return null;
        }
        double overall = lastFraction / measured;
        double window = Math.max(15, 0.25 * measured);
        double then = fractionAt(startMillis, points, lastMillis - (long) (window * 1000));
        double recent = (lastFraction - then) / Math.min(window, measured);
        return withSegments(startMillis, points, overall, Math.max(0, recent), measured);
    }

    private static Pace withSegments(long startMillis, ProgressTrack.Points p, double overall, double recent,
                                     double measured) {
        int n = p.size();
        int from = Math.max(0, n - RECENT_SEGMENTS);
        double[] gaps = new double[n - from];
        double[] rates = new double[n - from];
        for (int i = from; i < n; i++) {
            long prevMillis = i == 0 ? startMillis : p.millis()[i - 1];
            double prevFraction = i == 0 ? 0 : p.fractions()[i - 1];
            double dt = Math.max(0.001, (p.millis()[i] - prevMillis) / 1000.0);
            gaps[i - from] = dt;
            rates[i - from] = (p.fractions()[i] - prevFraction) / dt;
        }
        double[] sortedGaps = gaps.clone();
        Arrays.sort(sortedGaps);
        return new Pace(overall, recent, irregularity(rates, gaps), sortedGaps[sortedGaps.length / 2],
                sortedGaps[sortedGaps.length - 1], n, measured);
    }

    /** Coefficient of variation of the segment rates, weighted by segment duration. */
    private static double irregularity(double[] rates, double[] gaps) {
        double time = 0;
        double sum = 0;
        for (int i = 0; i < rates.length; i++) {
            time += gaps[i];
            sum += rates[i] * gaps[i];
        }
        double mean = sum / time;
        if (rates.length < 2 || mean <= 0) {
            return 1.0; // one segment says nothing about regularity: assume the worst
        }
        double var = 0;
        for (int i = 0; i < rates.length; i++) {
            var += gaps[i] * (rates[i] - mean) * (rates[i] - mean);
        }
        return Math.sqrt(var / time) / mean;
    }

    /** Progress at a past moment, interpolated between the points (0 at the start). */
    static double fractionAt(long startMillis, ProgressTrack.Points p, long atMillis) {
        long prevMillis = startMillis;
        double prevFraction = 0;
        for (int i = 0; i < p.size(); i++) {
            long m = p.millis()[i];
            double f = p.fractions()[i];
            if (m >= atMillis) {
                if (m == prevMillis) {
                    return f;
                }
                double share = Math.max(0, (double) (atMillis - prevMillis) / (m - prevMillis));
                return prevFraction + (f - prevFraction) * share;
            }
            prevMillis = m;
            prevFraction = f;
        }
        return prevFraction;
    }

    /** Silence longer than this means the job stalled: its estimate must go rather than go stale. */
    double stallLimit() {
        return Math.max(5, Math.max(3 * typicalGap, 1.5 * longestGap));
    }
}
