package dev.longrun.spring.sse;

import dev.longrun.event.JobEvent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The jobs that changed since a subscriber last wrote, with the newest version heard for each. Many changes of one job
 * collapse into one entry (the subscriber re-reads the job anyway), so only a subscriber that is behind on more than
 * {@code capacity} different jobs overflows. A lock rather than {@code synchronized}, so waiting virtual threads do
 * not pin their carrier on Java 21.
 * <p>
 * A change to 1,000 subscribers passes through here 1,000 times a second, so nothing is allocated per change: the
 * changes go into one of two reused {@link Batch}es (no map, no boxed versions) and the subscriber waits by parking,
 * not on a {@code Condition} (a node per wait).
 */
final class PendingChanges {

    private final int capacity;
    private final Runnable onFirst;
    private final ReentrantLock lock = new ReentrantLock();
    private Batch pending = new Batch();
    /** What the last {@link #take} returned; the subscriber reads it until it takes again. */
    private Batch taken = new Batch();
    private Thread waiter;
    /** Set under the lock; volatile so {@link #isClosed} reads it without taking the lock. */
    private volatile boolean closed;

    /** {@code onFirst} runs (under the lock, so before any {@link #take} returns the change) when a change is pending after none. */
    PendingChanges(int capacity, Runnable onFirst) {
        this.capacity = capacity;
        this.onFirst = onFirst;
    }

    /** Never blocks; false when the subscriber is too far behind and must be dropped. Ignored once closed. */
    boolean add(JobEvent e) {
        Thread wake;
        lock.lock();
        try {
            if (closed) {
                return true;
            }
            int i = pending.indexOf(e.jobId());
            if (i >= 0) {
                pending.versions[i] = Math.max(pending.versions[i], e.version());
                return true;
            }
            if (pending.size >= capacity) {
                return false;
            }
            if (pending.size == 0) {
                onFirst.run();
            }
            pending.append(e.jobId(), e.version());
            wake = waiter;
        } finally {
            lock.unlock();
        }
        if (wake != null) {
            LockSupport.unpark(wake);
        }
        return true;
    }

    /**
     * Everything pending, in the order first heard; empty after {@code timeoutMillis} without a change, or at once
     * when closed. The batch is the subscriber's until its next take (one thread takes).
     */
    Batch take(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        lock.lock();
        try {
            long left;
            while (pending.size == 0 && !closed && (left = deadline - System.nanoTime()) > 0) {
                waiter = Thread.currentThread();
                lock.unlock();
                try {
                    LockSupport.parkNanos(this, left); // an add between the unlock and here leaves a permit: no wake lost
                } finally {
                    lock.lock();
                    waiter = null;
                }
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
            Batch t = pending;
            pending = taken;
            pending.clear();
            taken = t;
            return t;
        } finally {
            lock.unlock();
        }
    }

    /** Takes no more changes and wakes a waiting {@link #take}; true when some were pending (they are dropped). */
    boolean close() {
        Thread wake;
        boolean dropped;
        lock.lock();
        try {
            closed = true;
            dropped = pending.size > 0;
            pending.clear();
            wake = waiter;
        } finally {
            lock.unlock();
        }
        if (wake != null) {
            LockSupport.unpark(wake);
        }
        return dropped;
    }

    boolean isClosed() {
        return closed;
    }

    /** Changed jobs and their newest versions, in the order first heard. */
    static final class Batch {

        /** Up to this many a scan finds a job faster than a map would (a job stream has one). */
        private static final int SCAN = 8;

        private UUID[] ids = new UUID[2];
        private long[] versions = new long[2];
        private int size;
        /** Positions by job once there are more than {@link #SCAN}: only user streams that fell behind get one. */
        private Map<UUID, Integer> index;

        int size() {
            return size;
        }

        UUID id(int i) {
            return ids[i];
        }

        long version(int i) {
            return versions[i];
        }

        private int indexOf(UUID id) {
            if (index != null) {
                Integer i = index.get(id);
                return i == null ? -1 : i;
            }
            for (int i = 0; i < size; i++) {
                if (ids[i].equals(id)) {
                    return i;
                }
            }
            return -1;
        }

        private void append(UUID id, long version) {
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
                versions = Arrays.copyOf(versions, size * 2);
            }
            ids[size] = id;
            versions[size] = version;
            size++;
            if (index != null) {
                index.put(id, size - 1);
            } else if (size > SCAN) {
                index = new HashMap<>();
                for (int i = 0; i < size; i++) {
                    index.put(ids[i], i);
                }
            }
        }

        private void clear() {
            Arrays.fill(ids, 0, size, null);
            size = 0;
            index = null;
        }
    }
}
