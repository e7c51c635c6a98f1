package dev.longrun.store;

import dev.longrun.event.JobEvent;
import java.util.List;
import java.util.function.Consumer;

/**
 * Job changes travelling between the processes that share a database: PostgreSQL NOTIFY out (after commit,
 * batched) and LISTEN in. On SQLite only one process uses the file, so nothing travels ({@link #NONE}).
 */
public interface CrossNodeEvents extends AutoCloseable {

    /** Tells other processes about changes committed here; never blocks the caller. */
    void announce(List<JobEvent> events);

    /** Starts hearing other processes' changes; {@code heard} runs on a listener thread. */
    void listen(Consumer<JobEvent> heard);

    @Override
    void close();

    /** One process per database: nothing to announce, nothing to hear. */
    CrossNodeEvents NONE = new CrossNodeEvents() {
        @Override public void announce(List<JobEvent> events) { }
        @Override public void listen(Consumer<JobEvent> heard) { }
        @Override public void close() { }
    };
}
