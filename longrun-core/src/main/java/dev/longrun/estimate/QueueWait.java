package dev.longrun.estimate;

/**
 * How long a queued job will likely wait before a worker takes it: the jobs ahead of it are
 * worked off {@code concurrency} at a time, each lasting about what recent jobs of the queue
 * lasted. Pure; the range narrows as the number of jobs ahead grows, since their durations
 * average out.
 */
final class QueueWait {

    private QueueWait() {
    }

    /**
     * @param position    1-based place among the runnable pending jobs of the queue
     * @param concurrency workers serving the queue
     * @param durations   spread of recent durations in the queue
     * @return null when no worker serves the queue or nothing is known about durations
     */
    static Guess estimate(int position, int concurrency, Spread durations) {
        if (position < 1 || concurrency < 1 || durations == null || !durations.enough()) {
            return null;
        }
        double waves = (double) position / concurrency;
        if (waves <= 1) {
            // A worker frees up when one of the running jobs ends: any moment up to a whole run.
            return Guess.of(0, durations.high());
        }
        double shrink = 1 / Math.sqrt(waves);
        double low = durations.mean() - (durations.mean() - durations.low()) * shrink;
        double high = durations.mean() + (durations.high() - durations.mean()) * shrink;
        return Guess.of((waves - 1) * low, Math.ceil(waves) * high);
    }
}
