package dev.longrun.estimate;

/**
 * Time remaining for a running job: its own measured pace, with a range as wide as that pace has
 * proven unsteady ({@link PaceSpread}), pulled towards the durations of past runs of its type while
 * its own evidence is thin; or, when the type has learned progress shapes, what those shapes
 * predict. Pure: the caller passes the moment to judge at. Returns null when any honest answer
 * would mislead (see {@link #estimate}).
 */
final class RemainingTime {

    /** A first estimate from the job's own pace needs this much of the work and time seen. */
    static final double MIN_FRACTION = 0.03;
    static final double MIN_SECONDS = 3;
    /** "Almost done" only if runs of this type that got this far did not need more than this. */
    static final double ALMOST_DONE_TAIL = 30;
    /**
     * Updates of progress a job must have made before the last seconds are said with confidence
     * ("Almost done", "About 5 seconds"). A step job of fewer steps makes fewer updates in all:
     * {@link #updatesToTrust}.
     */
    static final int UPDATES_TO_TRUST = 5;
    /**
     * Standard deviations each side of the central estimate: the raw range before rounding.
     * Calibrated on the estimate evaluation rather than read off the normal law: the range also
     * keeps room for one more gap, takes in a recent pace off the overall one, and is rounded
     * outward, so at 1.8 the job's own pace held the truth 99.2–100 % of the time on runs with no
     * history (90 % is asked); at 1.3 it holds it 98–99.5 %, 96–98 % at 1.0.
     */
    static final double Z = 1.3;
    /** A step this many times the job's longest step so far is overdue ({@link #overdueStep}). */
    static final double OVERDUE_STEP = 1.5;
    /** A few past runs count beside the job's own pace only when their spread is under this share of its own. */
    static final double AGREEING_FEW = 0.25;

    private RemainingTime() {
    }

    /**
     * @param elapsed  seconds since the attempt started
     * @param fraction done fraction (never null: indeterminate jobs get no estimate at all)
     * @param pace     measured pace, or null when the job has not moved yet
     * @param spread   how steady that pace has been, or null while it cannot be told
     * @param silence  seconds since the last change of progress (or since start)
     * @param history  spread of total durations of similar runs, or null
     * @param shape    what the learned progress shape of the type predicts, or null
     * @param trustAfter updates of progress before the last seconds may be said with confidence
     *                 ({@link #updatesToTrust})
     * @param stepJob  the job reports only its steps: a few past runs' rests, scaled to where its
     *                 steps started, count beside its own pace ({@link #withFewRuns})
     * @return null when the job stalled, when nothing is known yet, or when history and pace disagree
     *         too much to say anything useful
     */
    static Guess estimate(double elapsed, double fraction, Pace pace, PaceSpread spread, double silence,
                          Spread history, ShapeHistory.Prediction shape, int trustAfter, boolean stepJob) {
        if (shape != null && shape.enough()) {
            return fromShape(pace, silence, shape, trustAfter);
        }
        if (stepJob && overdueStep(pace, silence)) {
            return null;
        }
        Guess g = fromPaceOrHistory(elapsed, fraction, pace, spread, silence, history, trustAfter);
        if (g == null || shape == null) {
            return g;
        }
        // A few past runs are too few to give the range, but what they needed from here (a stall
        // at 99 %, a slow last step) is what this job may need too: the range holds it.
        double[] left = shape.remaining();
        Guess base = stepJob && left.length == shape.runs() ? withFewRuns(g, left) : g;
        return Guess.of(Math.min(base.low(), left[0]), Math.max(base.high(), left[left.length - 1])).confident(false);
    }

    /**
     * A job that reports only its steps, silent for half as long again as its longest step so far: its own pace
     * no longer says when this step ends, and too few past runs (under {@link Spread#ENOUGH}) say it either. The
     * first run of a type whose third step is slow counted down from "About 50–90 seconds" to "Less than 40
     * seconds" while that step ran a minute more; now the time left goes until the next step reports.
     */
    static boolean overdueStep(Pace pace, double silence) {
        return pace != null && silence > Math.max(MIN_SECONDS, OVERDUE_STEP * pace.longestGap());
    }

    /**
     * The job's own range blended by precision (in log scale, as with past durations in
     * {@link #fromPace}) with what a few past runs needed from here, scaled to its pace; the past
     * runs' spread is that of their prediction interval ({@link PredictionInterval}, which widens with
     * few runs). Only while they agree among themselves far better than the job's own pace can tell
     * ({@link #AGREEING_FEW}: two runs of demo.wait scaled to a run of 8 steps needed 14.0 s from
     * here where its own pace said 10-20 s), their middle lies inside its own range, and that range
     * would be shown anyway: a few runs do not make an estimate appear. The job's own range otherwise.
     */
    static Guess withFewRuns(Guess own, double[] sortedLeft) {
        if (sortedLeft.length < 2 || own.low() <= 0 || own.tooWide()) {
            return own;
        }
        Guess past = PredictionInterval.of(sortedLeft, false);
        if (past.low() <= 0) {
            return own;
        }
        double ownLog = Math.log(own.low() * own.high()) / 2;
        double ownSpread = Math.max(1e-3, Math.log(own.high() / own.low()) / (2 * Z));
        double pastLog = Math.log(past.low() * past.high()) / 2;
        double pastSpread = Math.max(1e-3, Math.log(past.high() / past.low()) / (2 * PredictionInterval.Z95));
        double pastMid = Math.exp(pastLog);
        if (pastSpread >= AGREEING_FEW * ownSpread || pastMid < own.low() || pastMid > own.high()) {
            return own; // they differ among themselves as much as the job may, or say what its own pace rules out
        }
        double wOwn = 1 / (ownSpread * ownSpread);
        double wPast = 1 / (pastSpread * pastSpread);
        double log = (wOwn * ownLog + wPast * pastLog) / (wOwn + wPast);
        double sd = Math.sqrt(1 / (wOwn + wPast));
        // a 90 % range of the blend: the few runs' own interval is one (Z, the own pace's, is calibrated for its extra room)
        return Guess.of(Math.exp(log - PredictionInterval.Z95 * sd), Math.exp(log + PredictionInterval.Z95 * sd));
    }

    private static Guess fromPaceOrHistory(double elapsed, double fraction, Pace pace, PaceSpread spread,
                                           double silence, Spread history, int trustAfter) {
        Spread prior = history != null && history.enough() ? history : null;
        if (pace != null && silence > pace.stallLimit()) {
            return null;
        }
        boolean ownTrusted = spread != null && fraction >= MIN_FRACTION && pace.measuredSeconds() >= MIN_SECONDS;
        if (!ownTrusted) {
            return prior == null ? null : fromHistoryOnly(elapsed, fraction, prior);
        }
        boolean confident = pace.changes() >= trustAfter && silence <= Math.max(2, 2 * pace.typicalGap())
                && prior != null && prior.high() - elapsed <= ALMOST_DONE_TAIL;
        return fromPace(fraction, pace, spread, silence, prior).confident(confident);
    }

    /**
     * What past runs needed from the job's last grid point, scaled to its pace
     * ({@link ShapeForecast}), as a 90 % prediction interval over them. Null when the job went
     * quiet for longer than past runs did at this point.
     */
    static Guess fromShape(Pace pace, double silence, ShapeHistory.Prediction shape, int trustAfter) {
        double quietLimit = Math.max(pace == null ? 5 : pace.stallLimit(), 1.5 * shape.quietSeconds());
        if (silence > quietLimit) {
            return null;
        }
        double[] left = shape.remaining();
        // "Almost done" only if no past run needed long from here: one that stalled here holds it back.
        boolean confident = pace != null && pace.changes() >= trustAfter
                && silence <= Math.max(2, 2 * pace.typicalGap()) && left[left.length - 1] <= ALMOST_DONE_TAIL;
        boolean outlived = left.length < shape.runs() && !shape.stepsAhead();
        if (shape.range() != null) {
            return shape.range().confident(confident); // from the job's own state in its bursts and waits
        }
        Guess g = PredictionInterval.of(left, outlived);
        return (outlived ? Guess.of(g.low(), outlivedEnd(g.high())) : g).confident(confident);
    }

    /**
     * Updates of progress to ask of a job before its last seconds are said with confidence: a step
     * job of {@code steps} steps reports once per step, so one of three steps has made all its
     * updates on its last step; asking it for five would never let it say "Almost done". 0 steps
     * for a job that counts its progress.
     */
    static int updatesToTrust(int steps) {
        return steps > 0 ? Math.min(UPDATES_TO_TRUST, steps) : UPDATES_TO_TRUST;
    }

    /**
     * The upper end of a range for a job that outlived some past runs (sitting at 99 %, judged by
     * the runs that sat longer), rounded up to the steps of a range read in minutes: half a minute
     * above one. Issue 17's finer seconds suit ranges from the whole history; these rest on the
     * fewer runs still going, and at 10 s steps a long stall read "Less than 70 seconds" with
     * 85–107 s left where half-minute steps had said "Less than 1½ minutes" (seed 11 fell under 90 %).
     */
    static double outlivedEnd(double high) {
        if (high <= 60) {
            return high;
        }
        long step = EtaWords.Near.stepFor(high);
        return Math.ceil(high / step) * step;
    }

    /**
     * The work left at the job's own rate (pulled towards past runs' while its own is unsure), as
     * a range of {@link #Z} spreads each side, counted from its last change of progress.
     */
    static Guess fromPace(double fraction, Pace pace, PaceSpread spread, double silence, Spread prior) {
        double left = 1 - fraction;
        double logTotal = Math.log(1 / pace.overall()); // seconds the whole work takes at this rate
        double logSpread = spread.rateSpread();
        if (prior != null) {
            double priorLog = Math.log(Math.max(1e-3, prior.median()));
            double priorSpread = Math.max(0.05, Math.log(Math.max(prior.high(), 1e-3) / Math.max(prior.low(), 1e-3)) / 2.563);
            // Past runs count only while they agree with this one: a run far off the usual (more
            // work, a slow day) is judged by its own pace.
            if (Math.abs(priorLog - logTotal) <= 3 * Math.hypot(priorSpread, logSpread)) {
                double wOwn = 1 / (logSpread * logSpread);
                double wPrior = 1 / (priorSpread * priorSpread);
                logTotal = (wOwn * logTotal + wPrior * priorLog) / (wOwn + wPrior);
                logSpread = Math.sqrt(1 / (wOwn + wPrior));
            }
        }
        double central = left * Math.exp(logTotal);
        double sd = Math.hypot(logSpread, spread.restSpread());
        double low = central * Math.exp(-Z * sd);
        double high = central * Math.exp(Z * sd);
        // A recent pace clearly off the overall one (a slower step, a faster one) is a visible
        // cause: the range takes it in.
        double byRecent = pace.recent() > 0 ? left / pace.recent() : central * 3;
        if (Math.abs(Math.log(byRecent / central)) > 2 * spread.chunkSpread()) {
            low = Math.min(low, byRecent * Math.exp(-Z * sd));
            high = Math.max(high, byRecent * Math.exp(Z * sd));
        }
        // While the next update is late, the end is not getting closer: keep room for one more gap.
        return Guess.of(low - silence, Math.max(high - silence, Math.min(pace.typicalGap(), pace.stallLimit() - silence)));
    }

    /** Before the job's pace can be told: runs of this type usually take this long in all. */
    private static Guess fromHistoryOnly(double elapsed, double fraction, Spread prior) {
        if (elapsed > prior.high() * 1.5) {
            return null; // already far slower than usual: history no longer says anything
        }
        double low = Math.min(prior.low() * (1 - fraction), prior.low() - elapsed);
        double high = Math.max(prior.high() * (1 - fraction), prior.high() - elapsed);
        return Guess.of(low, high);
    }
}
