package dev.longrun.estimate;

/**
 * A 90 % prediction interval for the next value from n past ones (seconds left, as past runs
 * predict them): a log-normal fit with Student's t, which widens with few values and with their
 * spread, made to the values plus {@link #SHIFT_SECONDS}. Under {@link #ENOUGH_FOR_FIT} values the
 * range also holds the order statistics (the j-th smallest and largest of n hold the next with
 * probability (n + 1 - 2j) / (n + 1), so j = 0.05 (n + 1)), and under a dozen a normal fit too
 * ({@link #normalFit}). Pure.
 */
final class PredictionInterval {

    static final double Z95 = 1.6449;
    /**
     * Under this many values the log-normal fit alone can miss a left-skewed law (runs that share a
     * long fixed part and differ by an added delay) about one time in ten, so the normal fit counts
     * too; from a dozen on it holds such runs over 90 % of the time by itself (PredictionIntervalTest).
     */
    static final int FEW = 12;
    /**
     * Seconds added to every value before the log-normal fit (and taken off its ends). Near a job's
     * end past runs need 1 s or 20 s from here, a difference of a report's timing or one more wait,
     * not a twentyfold spread: fitted in plain logarithms those values gave "Less than 1½ minutes"
     * with 15 s left, and an upper end that rose as the values shrank. Large values barely change.
     */
    static final double SHIFT_SECONDS = 5;
    /**
     * From this many values the fit alone gives the range. The order statistics then sit at the
     * 1.5th smallest and largest of 30, the noisiest estimate of the 5 % and 95 % points: holding
     * them beside the fit held the truth 96-98 % of the time, where 90 % is asked.
     */
    static final int ENOUGH_FOR_FIT = 19;

    private PredictionInterval() {
    }

    /**
     * @param sorted   the past values, ascending, all positive; at least two
     * @param outlived the job has already outlived some other past runs, which were left out: with
     *                 few left its end may come any moment, so the range starts at 0
     */
    static Guess of(double[] sorted, boolean outlived) {
        int n = sorted.length;
        double rank = Math.max(0, 0.05 * (n + 1) - 1);
        double low = atRank(sorted, rank);
        double high = atRank(sorted, n - 1 - rank);
        if (n >= 2) {
            double mean = 0;
            for (double v : sorted) {
                mean += Math.log(v + SHIFT_SECONDS);
            }
            mean /= n;
            double var = 0;
            for (double v : sorted) {
                double d = Math.log(v + SHIFT_SECONDS) - mean;
                var += d * d;
            }
            double half = t95(n - 1) * Math.sqrt(var / (n - 1) * (1 + 1.0 / n));
            double fitLow = Math.exp(mean - half) - SHIFT_SECONDS;
            double fitHigh = Math.exp(mean + half) - SHIFT_SECONDS;
            if (n >= ENOUGH_FOR_FIT) {
                return Guess.of(fitLow, fitHigh);
            }
            low = Math.min(low, fitLow);
            high = Math.max(high, fitHigh);
            if (n < FEW) {
                Guess linear = normalFit(sorted);
                low = Math.min(low, linear.low());
                high = Math.max(high, linear.high());
            }
        }
        return Guess.of(outlived ? 0 : low, high);
    }

    /**
     * A 90 % prediction interval from past runs' own whole durations (less the time already spent),
     * not forecasts scaled to this job's pace: such values are a sample of the very quantity, so the
     * order statistics hold the next one with the stated probability whatever its law, and a fitted
     * shape can only be wrong. Runs of 10-40 s spread evenly (demo.wait) fitted a log-normal
     * upper end of 48 s, above every past run ("About 10-50 seconds"). Null under
     * {@link #ENOUGH_FOR_FIT} values: there the 1st smallest and largest hold less than 90 %.
     *
     * @param sorted the values, ascending
     */
    static Guess ofWholeRuns(double[] sorted) {
        int n = sorted.length;
        if (n < ENOUGH_FOR_FIT) {
            return null;
        }
        double rank = 0.05 * (n + 1) - 1;
        return Guess.of(atRank(sorted, rank), atRank(sorted, n - 1 - rank));
    }

    /**
     * The same t interval fitted to the values themselves rather than their logarithms. Past runs
     * that share a long fixed part and differ by an added delay (a stall of 1–4 minutes after a
     * steady run) are skewed to the left in log scale, where the log-normal fit misses the short
     * ones; with fewer than {@link #FEW} runs the order statistics cannot cover for it, so both fits count.
     */
    private static Guess normalFit(double[] values) {
        int n = values.length;
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= n;
        double var = 0;
        for (double v : values) {
            var += (v - mean) * (v - mean);
        }
        double half = t95(n - 1) * Math.sqrt(var / (n - 1) * (1 + 1.0 / n));
        return Guess.of(mean - half, mean + half);
    }

    /** One-sided 95 % quantiles of Student's t for 1 to 3 degrees of freedom, where the expansion below is 6-27 % low. */
    private static final double[] T95_FEW = {6.314, 2.920, 2.353};

    /**
     * One-sided 95 % quantile of Student's t: from the table for 1-3 degrees of freedom (a few past
     * runs beside a job's own pace, {@link RemainingTime#withFewRuns}); else the Cornish–Fisher
     * expansion, within 1 % from 4 degrees of freedom.
     */
    static double t95(int df) {
        if (df >= 1 && df <= T95_FEW.length) {
            return T95_FEW[df - 1];
        }
        double z = Z95;
        double z3 = z * z * z;
        double z5 = z3 * z * z;
        return z + (z3 + z) / (4.0 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96.0 * df * df);
    }

    private static double atRank(double[] sorted, double rank) {
        int lo = (int) Math.floor(rank);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
    }
}
