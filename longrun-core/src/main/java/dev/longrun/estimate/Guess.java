package dev.longrun.estimate;

/**
 * A range of seconds before rounding for people, and whether it is backed strongly enough to say
 * "Almost done". Produced by {@link RemainingTime} and {@link QueueWait}, worded by {@link EtaWords}.
 */
record Guess(double low, double high, boolean confident) {

    Guess {
        if (low < 0 || high < low || Double.isNaN(low) || Double.isNaN(high)) {
            throw new IllegalArgumentException("A time range needs 0 <= low <= high, got " + low + ".." + high);
        }
    }

    static Guess of(double low, double high) {
        double lo = Math.max(0, Math.min(low, high));
        return new Guess(lo, Math.max(lo, high), false);
    }

    Guess confident(boolean c) {
        return new Guess(low, high, c);
    }

    /** True when a time remaining this uncertain would mislead more than help. */
    boolean tooWide() {
        return widerThan(4);
    }

    /** True when the upper end exceeds {@code ratio} times the lower one, by more than 90 s. */
    boolean widerThan(double ratio) {
        return high > ratio * Math.max(low, 1) && high - low > 90;
    }
}
