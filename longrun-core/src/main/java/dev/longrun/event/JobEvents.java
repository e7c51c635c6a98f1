package dev.longrun.event;

import java.util.function.Consumer;

/**
 * Subscription to job changes. Listeners run on a dispatcher thread, must not block, and never slow
 * a worker: a slow listener only delays its own events.
 */
public interface JobEvents {

    /** Returns a handle whose {@code close()} unsubscribes. */
    AutoCloseable subscribe(Consumer<JobEvent> listener);
}
