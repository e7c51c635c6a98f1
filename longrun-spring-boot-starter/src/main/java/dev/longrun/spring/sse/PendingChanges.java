package dev.longrun.spring.sse;

import dev.longrun.event.JobEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The jobs that changed since a subscriber last wrote, with the newest version heard for each. Many changes of one job
 * collapse into one entry (the subscriber re-reads the job anyway), so only a subscriber that is behind on more than
 * {@code capacity} different jobs overflows. A lock rather than {@code synchronized}, so waiting virtual threads do
 * not pin their carrier on Java 21.
 */
final class PendingChanges {

    private final int capacity;
    private final Runnable onFirst;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private LinkedHashMap<UUID, Long> pending = new LinkedHashMap<>();
    private boolean closed;

    /** {@code onFirst} runs (under the lock, so before any {@link #take} returns the change) when a change is pending after none. */
    PendingChanges(int capacity, Runnable onFirst) {
        this.capacity = capacity;
        this.onFirst = onFirst;
    }

    /** Never blocks; false when the subscriber is too far behind and must be dropped. Ignored once closed. */
    boolean add(JobEvent e) {
        lock.lock();
        try {
            if (closed) {
                return true;
            }
            Long known = pending.get(e.jobId());
            if (known == null && pending.size() >= capacity) {
                return false;
            }
            if (pending.isEmpty()) {
                onFirst.run();
            }
            pending.put(e.jobId(), known == null ? e.version() : Math.max(known, e.version()));
            changed.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Everything pending, in the order first heard; empty after {@code timeoutMillis} without a change. */
    Map<UUID, Long> take(long timeoutMillis) throws InterruptedException {
        lock.lock();
        try {
            long nanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            while (pending.isEmpty() && nanos > 0) {
                nanos = changed.awaitNanos(nanos);
            }
            Map<UUID, Long> taken = pending;
            pending = new LinkedHashMap<>();
            return taken;
        } finally {
            lock.unlock();
        }
    }

    /** Takes no more changes; true when some were still pending (they are dropped). */
    boolean close() {
        lock.lock();
        try {
            closed = true;
            boolean dropped = !pending.isEmpty();
            pending = new LinkedHashMap<>();
            return dropped;
        } finally {
            lock.unlock();
        }
    }
}
