package dev.longrun.notify;

import dev.longrun.JobType;
import dev.longrun.Longrun;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;

/**
 * Starts notification delivery next to a running engine, for applications without the Spring starter: one
 * {@link Dispatcher} on the engine's DataSource and clock, woken by the engine's job events. Close it before the
 * engine. (The starter does the same in its auto-configuration.)
 */
public final class Notifications {

    private Notifications() {
    }

    /**
     * @param dataSource the engine's DataSource (its tables already migrated by the engine)
     * @param node       a name for this node in delivery leases
     */
    public static Dispatcher start(Longrun longrun, DataSource dataSource, String schema, String node, List<Channel> channels,
                                   DispatchSettings settings, Duration linkTtl) {
        NotificationStore store = NotificationStore.open(dataSource, schema);
        NotificationText text = new NotificationText(type -> longrun.jobType(type).map(JobType::label).orElse(type), linkTtl);
        Dispatcher dispatcher = new Dispatcher(store, longrun::getAll, text, channels, longrun.clock(), node, settings);
        AutoCloseable subscription = longrun.events().subscribe(e -> {
            if (e.status().isTerminal() || e.status() == dev.longrun.JobStatus.NEEDS_ACTION) {
                dispatcher.wake();
            }
        });
        dispatcher.onClose(subscription);
        dispatcher.start();
        return dispatcher;
    }
}
