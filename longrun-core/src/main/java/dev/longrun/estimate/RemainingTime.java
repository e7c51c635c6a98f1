package dev.longrun.estimate;

/**
 * Time remaining for a running job: the history of its type blended with its own measured pace,
 * as a range whose width follows the uncertainty. Pure: the caller passes the moment to judge at.
 * Returns null when any honest answer would mislead (see {@link #estimate}).
 */
final class RemainingTime {

    /** Cold start: the job's own pace alone counts only after this much evidence. */
    static final int MIN_CHANGES = 3;
    static final double MIN_FRACTION = 0.05;
    static final double MIN_SECONDS = 5;
    /** "Almost done" only if runs of this type that got this far did not need more than this. */
    static final double ALMOST_DONE_TAIL = 30;

    private RemainingTime() {
    }

    /**
     * @param elapsed  seconds since the attempt started
     * @param fraction done fraction (never null: indeterminate jobs get no estimate at all)
     * @param pace     measured pace, or null when the job has not moved yet
     * @param silence  seconds since the last change of progress (or since start)
     * @param history  spread of total durations of similar runs, or null
     * @param shape    what the learned progress shape of the type predicts, or null
     * @return null when the job stalled, when nothing is known yet, or when history and pace disagree
     *         too much to say anything useful
     */
    static Guess estimate(double elapsed, double fraction, Pace pace, double silence, Spread history,
                          ShapeHistory.Prediction shape) {
        if (shape != null) {
            return fromShape(elapsed, pace, silence, shape);
        }
        Spread prior = history != null && history.enough() ? history : null;
        if (pace != null && silence > pace.stallLimit()) {
            return null;
        }
        Guess own = pace == null ? null : fromPace(fraction, pace, silence);
        boolean ownTrusted = own != null && pace.changes() >= MIN_CHANGES && fraction >= MIN_FRACTION
                && pace.measuredSeconds() >= MIN_SECONDS;
        if (prior == null) {
            return ownTrusted ? own : null;
        }
        if (!ownTrusted) {
            return fromHistoryOnly(elapsed, fraction, prior); // a few seconds of pace say less than history
        }
        return blended(elapsed, fraction, pace, silence, prior, own);
    }

    /**
     * The job's elapsed time at its last grid point, stretched by how past runs were shaped from
     * there to the end. Null when the job went quiet for longer than past runs did at this point,
     * or outlived nine in ten of them.
     */
    static Guess fromShape(double elapsed, Pace pace, double silence, ShapeHistory.Prediction shape) {
        double quietLimit = Math.max(pace == null ? 5 : pace.stallLimit(), 1.5 * shape.quietSeconds());
        if (silence > quietLimit) {
            return null;
        }
        double[] totals = shape.totals();
        double low = TypeHistory.percentile(totals, 0.10) - elapsed;
        double high = TypeHistory.percentile(totals, 0.90) - elapsed;
        if (high <= 0) {
            return null;
        }
        // "Almost done" only if no past run needed long from here: one that stalled here holds it back.
        boolean confident = pace != null && pace.changes() >= 5 && silence <= Math.max(2, 2 * pace.typicalGap())
                && totals[totals.length - 1] - elapsed <= ALMOST_DONE_TAIL;
        return Guess.of(low * 0.9, high * 1.1).confident(confident);
    }

    /** Extrapolates overall and recent pace from the last change, with a margin for irregular jobs. */
    static Guess fromPace(double fraction, Pace pace, double silence) {
        double left = 1 - fraction;
        double byOverall = left / pace.overall();
        double byRecent = pace.recent() > 0 ? left / pace.recent() : byOverall * 3;
        double margin = 0.1 + 0.3 * left + 0.5 * Math.min(pace.irregularity(), 2);
        double low = Math.min(byOverall, byRecent) * Math.max(0.2, 1 - margin) - silence;
        double high = Math.max(byOverall, byRecent) * (1 + margin) - silence;
        // While the next update is late, the end is not getting closer: keep room for one more gap.
        return Guess.of(low, Math.max(high, Math.min(pace.typicalGap(), pace.stallLimit() - silence)));
    }

    /** Before the job has moved: runs of this type usually take this long in all. */
    private static Guess fromHistoryOnly(double elapsed, double fraction, Spread prior) {
        if (elapsed > prior.high() * 1.5) {
            return null; // already far slower than usual: history no longer says anything
        }
        double low = Math.min(prior.low() * (1 - fraction), prior.low() - elapsed);
        double high = Math.max(prior.high() * (1 - fraction), prior.high() - elapsed);
        return Guess.of(low, high);
    }

    private static Guess blended(double elapsed, double fraction, Pace pace, double silence, Spread prior,
                                 Guess own) {
        // What the clock says if this run lasts as long as usual runs did in all.
        double clockLow = prior.low() - elapsed;
        double clockHigh = prior.high() - elapsed;
        if (clockHigh <= 0 || own.low() > clockHigh) {
            // Slower than usual runs (more work, or a slow day): its own pace is the better guide.
            return own;
        }
        if (own.high() < clockLow) {
            // Its pace says it ends sooner than usual runs did: either it does, or it slows down or
            // stalls later as they did. Show only what covers both, which is often too wide to show.
            return Guess.of(own.low(), clockHigh);
        }
        double w = Math.min(1, fraction / 0.3) * Math.min(1, pace.changes() / 5.0);
        Guess hist = Guess.of(prior.low() * (1 - fraction), prior.high() * (1 - fraction));
        Guess mix = Guess.of(w * own.low() + (1 - w) * hist.low(), w * own.high() + (1 - w) * hist.high());
        boolean confident = pace.changes() >= 5 && silence <= Math.max(2, 2 * pace.typicalGap())
                && prior.high() - elapsed <= ALMOST_DONE_TAIL;
        // Usual runs may end later than this one's pace says (their pace was not even): keep the
        // clock's view inside the range.
        return Guess.of(Math.min(mix.low(), Math.max(0, clockLow)), Math.max(mix.high(), clockHigh))
                .confident(confident);
    }
}
