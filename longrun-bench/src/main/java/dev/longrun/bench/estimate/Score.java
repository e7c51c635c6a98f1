package dev.longrun.bench.estimate;

import dev.longrun.Eta;

/**
 * What one workload's shown estimates scored against the true time remaining, sampled at a fixed
 * interval through every run.
 */
final class Score {

    /** "Almost done" with more than this left is a broken promise. */
    static final double ALMOST_DONE_LIMIT = 30;

    int runs;
    long samples;
    long shown;
    long inRange;
    double absError;
    long almostDone;
    long almostDoneTooEarly;

    void add(Eta eta, double trueRemaining) {
        samples++;
        if (eta == null) {
            return;
        }
        shown++;
        if (eta.lowSeconds() <= trueRemaining && trueRemaining <= eta.highSeconds()) {
            inRange++;
        }
        absError += Math.abs((eta.lowSeconds() + eta.highSeconds()) / 2.0 - trueRemaining);
        if ("Almost done".equals(eta.text())) {
            almostDone++;
            if (trueRemaining > ALMOST_DONE_LIMIT) {
                almostDoneTooEarly++;
            }
        }
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
}
