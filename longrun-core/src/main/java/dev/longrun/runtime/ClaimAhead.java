package dev.longrun.runtime;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * How many jobs the claim loop keeps claimed ahead of free slots: twice what the workers finish during one claim round
 * trip (completion rate × claim latency × 2, both smoothed), at most {@code cap}. Jobs that take seconds give 0, so
 * they stay pending for any node until a slot here is free; no-op jobs give hundreds, so the workers never wait for a
 * claim. A job claimed ahead thus waits about one claim round trip before it starts.
 */
final class ClaimAhead {

    /**
     * Slots plus reserve: a claim of this many jobs is already cheap per job, so the reserve of a node only tops its
     * slots up to it ({@link #capFor}); a node with this many workers claims that much for its free slots alone and
     * keeps no reserve (with 1024 workers a reserve measured no gain, and it holds jobs away from other nodes).
     */
    static final int CAP = 256;

    /** The reserve's cap for a node with {@code concurrency} workers. */
    static int capFor(int concurrency) {
        return Math.max(0, CAP - concurrency);
    }

    private final int cap;
    private final LongSupplier nanoTime;
    private final LongAdder completed = new LongAdder();
    // written by the claim loop only
    private long countedAt;
    private long counted;
    private double ratePerNano;
    private double latencyNanos;
    private volatile int target;

    ClaimAhead(int cap) {
        this(cap, System::nanoTime);
    }

    /** {@code nanoTime}: a monotonic clock (tests pass their own). */
    ClaimAhead(int cap, LongSupplier nanoTime) {
        this.cap = cap;
        this.nanoTime = nanoTime;
        this.countedAt = nanoTime.getAsLong();
    }

    /** A handler returned. Any thread. */
    void completed() {
        completed.increment();
    }

    /** A claim took {@code nanos}; updates the target. The claim loop's thread only. */
    void claimed(long nanos) {
        long now = nanoTime.getAsLong();
        long done = completed.sum();
        long elapsed = now - countedAt;
        if (elapsed > 0) {
            double rate = (done - counted) / (double) elapsed;
            ratePerNano = ratePerNano == 0 ? rate : (ratePerNano + rate) / 2;
            counted = done;
            countedAt = now;
        }
        latencyNanos = latencyNanos == 0 ? nanos : 0.7 * latencyNanos + 0.3 * nanos;
        // the epsilon keeps 31.999… (binary fractions) from losing a job
        target = (int) Math.min(cap, Math.floor(2 * ratePerNano * latencyNanos + 1e-9));
    }

    int target() {
        return target;
    }
}
