package dev.longrun.bench.engine;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Times a drain the same way for every system: handlers count into {@link #handled()} (cheap, in
 * memory); once they have all run, the database is asked every few milliseconds how many jobs are
 * recorded as finished, and the drain ends when that reaches the total. So the figure includes each
 * system's own completion writes, and the watcher does not load the database while the drain runs.
 *
 * <p>The drain is timed from the first job a handler runs, not from {@link #start()}: a node's start-up (Longrun's
 * Flyway check took 43–535 ms, db-scheduler has none) is not draining, and in a drain of a few seconds it was up to
 * a quarter of the figure. The raw limit beside it has no start-up either.
 */
public final class DrainClock {

    private static final long SETTLE_POLL_MILLIS = 5;
    private static final long RUN_POLL_MILLIS = 20;

    private final AtomicLong handled = new AtomicLong();
    private volatile long firstNanos;
    private long startNanos;
    private String loadAtStart = "?";

    /** What a handler calls once per job it ran; the first call marks when draining began. */
    public void countHandled() {
        if (handled.incrementAndGet() == 1) {
            firstNanos = System.nanoTime();
        }
    }

    public long handled() {
        return handled.get();
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
     * @return seconds from the first job a handler ran (from {@link #start()} if none was counted one by one)
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
        long first = firstNanos;
        return (System.nanoTime() - (first == 0 ? startNanos : first)) / 1e9;
    }
}
