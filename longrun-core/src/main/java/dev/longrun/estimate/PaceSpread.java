package dev.longrun.estimate;

/**
 * How far this job's own pace can be trusted, measured on the job itself: its work so far is cut
 * into equal chunks, and the spread of the time each chunk took (against what the overall rate
 * predicts) is how much the rest of the work may stray from that rate. Chunks last at least a few
 * of the job's own gaps, so bursts and steps are measured at their own rhythm; the spread then
 * scales to the work left (shorter rest, less room to stray) and to the work seen (more work
 * seen, a surer rate). Pure.
 *
 * @param chunks     how many chunks the spread was measured on
 * @param chunkSpread log-scale standard deviation of one chunk's time, shrunk towards a prior
 *                   while few chunks were seen
 * @param rateSpread  log-scale standard deviation of the overall rate as an estimate of the true one
 * @param restSpread  log-scale standard deviation of the time the rest of the work will take at
 *                    that rate
 */
record PaceSpread(int chunks, double chunkSpread, double rateSpread, double restSpread) {

    /** What a job's chunk times are assumed to spread by before any are seen, and how many chunks that is worth. */
    static final double PRIOR_SPREAD = 0.35;
    static final double PRIOR_WEIGHT = 3;
    /** Chunks measured at most; more say little more and cost time. */
    private static final int MAX_CHUNKS = 12;

    /**
     * Null when the job's progress has fewer than two moving segments, or nothing is left to do:
     * a single segment says nothing about how steady the pace is.
     */
    static PaceSpread measure(long startMillis, ProgressTrack.Points points, Pace pace) {
        int n = points.size();
        if (pace == null || n == 0 || movingSegments(points) < 2) {
            return null;
        }
        double done = points.fractions()[n - 1];
        double left = 1 - done;
        if (left <= 0) {
            return null;
        }
        // A chunk spans at least two of the job's usual gaps and its longest one, so a burst or a
        // step is one chunk, not many tiny equal ones.
        double minSeconds = Math.max(2 * pace.typicalGap(), pace.longestGap());
        double chunk = Math.max(done / MAX_CHUNKS, minSeconds * pace.overall());
        chunk = Math.min(chunk, done / 3);
        int count = (int) Math.floor(done / chunk + 1e-9);
        double predicted = chunk / pace.overall();
        double sum = 0;
        double sumSq = 0;
        double before = 0;
        for (int i = 1; i <= count; i++) {
            double at = secondsWhenReached(startMillis, points, i * chunk);
            double e = Math.log(Math.max(1e-3, at - before) / predicted);
            sum += e;
            sumSq += e * e;
            before = at;
        }
        double mean = sum / count;
        double sampleVar = count > 1 ? Math.max(0, (sumSq - count * mean * mean) / (count - 1)) : 0;
        double var = (PRIOR_WEIGHT * PRIOR_SPREAD * PRIOR_SPREAD + (count - 1) * sampleVar) / (PRIOR_WEIGHT + count - 1);
        double sd = Math.sqrt(var);
        double rest = left >= chunk ? sd * Math.sqrt(chunk / left) : sd;
        return new PaceSpread(count, sd, sd * Math.sqrt(chunk / done), rest);
    }

    /** Log-scale standard deviation of the time left: the rate's own uncertainty and the rest's. */
    double total() {
        return Math.sqrt(rateSpread * rateSpread + restSpread * restSpread);
    }

    /** Segments between consecutive points in which the fraction rose (counting from the start). */
    static int movingSegments(ProgressTrack.Points p) {
        int moving = 0;
        double prev = 0;
        for (int i = 0; i < p.size(); i++) {
            if (p.fractions()[i] > prev) {
                moving++;
            }
            prev = p.fractions()[i];
        }
        return moving;
    }

    /** Seconds after start when the fraction reached {@code target}, interpolated between points. */
    static double secondsWhenReached(long startMillis, ProgressTrack.Points p, double target) {
        long prevMillis = startMillis;
        double prevFraction = 0;
        for (int i = 0; i < p.size(); i++) {
            double f = p.fractions()[i];
            long m = p.millis()[i];
            if (f >= target - 1e-12) {
                double share = f > prevFraction ? (target - prevFraction) / (f - prevFraction) : 1;
                return (prevMillis + share * (m - prevMillis) - startMillis) / 1000.0;
            }
            prevMillis = m;
            prevFraction = f;
        }
        return (prevMillis - startMillis) / 1000.0;
    }
}
