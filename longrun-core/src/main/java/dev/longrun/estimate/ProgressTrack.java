package dev.longrun.estimate;

import dev.longrun.Eta;
import java.time.Instant;
import java.util.Arrays;

/**
 * The progress one running attempt of a job made over time, as seen by this node: the moments its
 * done fraction changed. The {@link Estimator} measures the job's own rate and its silences from
 * it. Bounded: when full, every other point is dropped, so the track keeps covering the whole run.
 * Thread-safe.
 */
final class ProgressTrack {

    static final int CAPACITY = 64;

    private final Instant startedAt;
    private final long[] millis = new long[CAPACITY];
    private final double[] fractions = new double[CAPACITY];
    private int size;
    private volatile Instant lastSeen;
    private Eta lastShown;
    private final MovingTime moving = new MovingTime();

    ProgressTrack(Instant startedAt) {
        this.startedAt = startedAt;
    }

    Instant startedAt() {
        return startedAt;
    }

    /** Notes that the job was heard of, so a sweep does not drop a job that is still running. */
    ProgressTrack touch(Instant at) {
        lastSeen = at;
        return this;
    }

    Instant lastSeen() {
        return lastSeen;
    }

    /** Adds a point when the fraction moved (or for the first sighting); repeats are ignored. */
    synchronized void record(Instant at, double fraction) {
        if (size > 0 && fractions[size - 1] == fraction) {
            return;
        }
        if (size > 0 && at.toEpochMilli() < millis[size - 1]) {
            return; // a late, out-of-order event says nothing new
        }
        long prevMillis = size == 0 ? startedAt.toEpochMilli() : millis[size - 1];
        double prevFraction = size == 0 ? 0 : fractions[size - 1];
        moving.segment(at.toEpochMilli() - prevMillis, prevFraction, fraction, size == 0);
        if (size == CAPACITY) {
            thin();
        }
        millis[size] = at.toEpochMilli();
        fractions[size] = fraction;
        size++;
    }

    /** Seconds the job had spent moving when it reached grid point {@code k} ({@link MovingTime}); NaN when unknown. */
    synchronized double movingAt(int k) {
        return moving.at(k);
    }

    /**
     * Where the job stands in its bursts and waits, given that it has been silent for
     * {@code waited} seconds beyond its rhythm (0 while it moves); null when its moving time is unknown.
     */
    synchronized WaitModel.Motion motion(double waited) {
        double m = moving.moving();
        return Double.isNaN(m) ? null : new WaitModel.Motion(m, waited > 0 ? 0 : moving.burst(), waited);
    }

    /** The time remaining last shown for this attempt (null after it was withdrawn), for {@link Narrowing}. */
    synchronized Eta lastShown() {
        return lastShown;
    }

    synchronized void shown(Eta eta) {
        lastShown = eta;
    }

    /** A consistent copy for one computation. */
    synchronized Points snapshot() {
        return new Points(Arrays.copyOf(millis, size), Arrays.copyOf(fractions, size));
    }

    private void thin() {
        int kept = 0;
        for (int i = 0; i < size; i += 2) {
            millis[kept] = millis[i];
            fractions[kept] = fractions[i];
            kept++;
        }
        // keep the newest point exactly: the rate near "now" depends on it
        millis[kept - 1] = millis[size - 1];
        fractions[kept - 1] = fractions[size - 1];
        size = kept;
    }

    /** Moments (epoch millis) when the fraction changed, oldest first, and the fraction reached. */
    record Points(long[] millis, double[] fractions) {
        int size() {
            return millis.length;
        }
    }
}
