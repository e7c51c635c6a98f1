package dev.longrun.store;

import dev.longrun.event.JobEvent;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * {@link CrossNodeEvents} on PostgreSQL: an {@link Announcer} thread for NOTIFY, a {@link PostgresListener} for LISTEN.
 * LISTEN also hears this process's own NOTIFYs; they carry a random origin and are skipped, since this process already
 * published those events in process (a subscriber would otherwise see each event twice).
 */
final class PostgresEvents implements CrossNodeEvents {

    private final DataSource dataSource;
    private final String origin = UUID.randomUUID().toString();
    private final Announcer announcer;
    private volatile PostgresListener listener;

    PostgresEvents(DataSource dataSource, SqlJobStore store) {
        this.dataSource = dataSource;
        this.announcer = new Announcer(store, origin);
    }

    @Override
    public void announce(List<JobEvent> events) {
        announcer.add(events);
    }

    @Override
    public synchronized void listen(Consumer<JobEvent> heard) {
        if (listener != null) {
            throw new IllegalStateException("Already listening");
        }
        listener = new PostgresListener(dataSource, origin, heard);
    }

    @Override
    public synchronized void close() {
        announcer.close();
        if (listener != null) {
            listener.close();
        }
    }
}
