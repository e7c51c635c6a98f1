package dev.longrun.estimate;

/**
 * Median and spread of past total durations of a type, in seconds; used by the {@link Estimator}
 * as the prior for time remaining and for queue waits.
 *
 * @param samples how many runs the figures come from
 * @param low     10th percentile
 * @param median  50th percentile
 * @param high    90th percentile
 * @param mean    arithmetic mean (what throughput depends on)
 */
record Spread(int samples, double low, double median, double high, double mean) {

    /** Fewer runs than this tell too little to show anything from history alone. */
    static final int ENOUGH = 5;

    boolean enough() {
        return samples >= ENOUGH;
    }

    /** Every figure multiplied, for scaling durations to another size of work. */
    Spread times(double factor) {
        return new Spread(samples, low * factor, median * factor, high * factor, mean * factor);
    }

    /** Widens the band by a relative margin on each side (used when the figures were extrapolated). */
    Spread widened(double margin) {
        return new Spread(samples, low * (1 - margin), median, high * (1 + margin), mean);
    }
}
