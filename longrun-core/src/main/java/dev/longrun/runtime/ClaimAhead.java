package dev.longrun.runtime;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * How many jobs the claim loop keeps claimed ahead of free slots: twice what the workers finish during one claim round
 * trip (completion rate × claim latency × 2, both smoothed), at most {@code cap}. Jobs that take seconds give 0, so
 * they stay pending for any node until a slot here is free; no-op jobs give hundreds, so the workers never wait for a
 * claim. A job claimed ahead thus waits about one claim round trip before it starts; one that waited
 * {@link #patienceNanos()} is handed back ({@link WorkerPool}).
 *
 * <p>The rate is measured up to the moment it is used ({@link #measure}), not only at claims: a node whose workers
 * went from no-op jobs to long ones claims nothing for a while, and a rate kept from its last claim would still size a
 * reserve nobody takes from.
 */
final class ClaimAhead {

    /**
     * Slots plus reserve: a claim of this many jobs is already cheap per job, so the reserve of a node only tops its
     * slots up to it ({@link #capFor}); a node with this many workers claims that much for its free slots alone and
     * keeps no reserve (with 1024 workers a reserve measured no gain, and it holds jobs away from other nodes).
     */
    static final int CAP = 256;

    /**
     * A reserve lasts about two claim round trips when the rate holds; a job that waited this many has met workers
     * that stopped finishing at that rate (long jobs took every slot), so the reserve goes back to the queue.
     */
    static final int PATIENCE_ROUND_TRIPS = 8;

    /**
     * The least patience: below it a pause of the JVM or of the database (collections, a busy machine; the drain bench
     * saw claims of 30-65 ms at load 11-20) would hand back jobs about to start, and each hand-back costs a write and a
     * claim again. A person reading the job meanwhile sees "In progress" at most this long.
     */
    static final long PATIENCE_FLOOR_NANOS = 250_000_000L;

    /** The rate is remembered over at least this long, or over four claim round trips when claims are slower. */
    static final long RATE_MEMORY_FLOOR_NANOS = 20_000_000L;

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

    /** A claim took {@code nanos}; updates the latency and the target. The claim loop's thread only. */
    void claimed(long nanos) {
        latencyNanos = latencyNanos == 0 ? nanos : 0.7 * latencyNanos + 0.3 * nanos;
        measure();
    }

    /**
     * Folds the completions since the last call into the rate and updates the target. The claim loop's thread only,
     * before each decision. The rate decays exponentially with time (not per call): each completion adds 1/memory to
     * it and fades with the memory's time constant, however often this is called, so an idle stretch brings it to zero.
     */
    void measure() {
        long now = nanoTime.getAsLong();
        long elapsed = now - countedAt;
        if (elapsed <= 0) {
            return;
        }
        long done = completed.sum();
        double memory = Math.max(RATE_MEMORY_FLOOR_NANOS, 4 * latencyNanos);
        double kept = Math.exp(-elapsed / memory);
        double rate = (done - counted) / (double) elapsed;
        ratePerNano = kept * ratePerNano + (1 - kept) * rate;
        counted = done;
        countedAt = now;
        // the epsilon keeps 31.999… (binary fractions) from losing a job
        target = (int) Math.min(cap, Math.floor(2 * ratePerNano * latencyNanos + 1e-9));
    }

    /** The reserve outwaited {@link #patienceNanos()}: the rate it was sized from is gone. The claim loop's thread only. */
    void handedBack() {
        measure();
        ratePerNano = 0;
        target = 0;
    }

    /** How long a job claimed ahead may wait for a slot before it goes back to the queue. */
    long patienceNanos() {
        return Math.max(PATIENCE_FLOOR_NANOS, (long) (PATIENCE_ROUND_TRIPS * latencyNanos));
    }

    int target() {
        return target;
    }
}
