package dev.longrun.bench.engine;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Times a drain the same way for every system: handlers count into {@link #handled()} (cheap, in
 * memory); once they have all run, the database is asked every few milliseconds how many jobs are
 * recorded as finished, and the drain ends when that reaches the total. So the figure includes each
 * system's own completion writes, and the watcher does not load the database while the drain runs.
 */
public final class DrainClock {

    private static final long SETTLE_POLL_MILLIS = 5;
    private static final long RUN_POLL_MILLIS = 20;

    private final AtomicLong handled = new AtomicLong();
    private long startNanos;
    private String loadAtStart = "?";

    public AtomicLong handled() {
        return handled;
    }

    public void start() {
        loadAtStart = ResultTable.loadAverage().split(" ")[0];
        startNanos = System.nanoTime();
    }

    /** The machine's 1-minute load average when the drain started: the CPU is shared, so it says how fair a row was. */
    public String loadAtStart() {
        return loadAtStart;
    }

    /**
     * Waits until {@code finishedInDatabase} reports {@code total}, at most {@code timeout}.
     *
     * @return seconds since {@link #start()}
     * @throws IllegalStateException on timeout, with how far the drain got
     */
    public double awaitFinished(long total, LongSupplier finishedInDatabase, Duration timeout) throws InterruptedException {
        long deadline = startNanos + timeout.toNanos();
        while (handled.get() < total) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s: handlers ran "
                        + handled.get() + " of " + total + " jobs");
            }
            Thread.sleep(RUN_POLL_MILLIS);
        }
        long finished;
        while ((finished = finishedInDatabase.getAsLong()) < total) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s: handlers ran all "
                        + total + " jobs but the database shows " + finished + " finished");
            }
            Thread.sleep(SETTLE_POLL_MILLIS);
        }
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
