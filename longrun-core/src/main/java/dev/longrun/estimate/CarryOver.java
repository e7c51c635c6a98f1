package dev.longrun.estimate;

/**
 * How much of a job's speed so far carries over to what it still has to do, 0..1: the least-squares slope of
 * log(rest) on log(head) over past runs, pulled towards 1 (full carry-over) while the runs are few, so a handful
 * of runs cannot say that speed means nothing. Add each past run's (head, rest), then read {@link #slope()}.
 */
final class CarryOver {

    /** Weight of the prior (a slope of 1), in runs. */
    private static final double PRIOR_RUNS = 5;

    private int n;
    private double sx;
    private double sy;
    private double sxx;
    private double sxy;

    /** One past run: its head and its rest, both in seconds and positive. */
    void add(double head, double rest) {
        double x = Math.log(head);
        double y = Math.log(rest);
        n++;
        sx += x;
        sy += y;
        sxx += x * x;
        sxy += x * y;
    }

    double slope() {
        double varX = n > 1 ? sxx - sx * sx / n : 0;
        if (varX <= 1e-9) {
            return 1;
        }
        double slope = Math.max(0, Math.min(1, (sxy - sx * sy / n) / varX));
        return (n * slope + PRIOR_RUNS) / (n + PRIOR_RUNS);
    }
}
