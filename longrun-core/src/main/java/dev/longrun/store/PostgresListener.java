package dev.longrun.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import dev.longrun.event.JobEvent;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hears other nodes' job events (PostgreSQL LISTEN on one dedicated connection) and hands them to
 * this node's bus and workers. Reconnects with backoff when the connection drops; meanwhile the
 * workers' fallback poll keeps jobs moving.
 */
final class PostgresListener implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PostgresListener.class);

    private final DataSource dataSource;
    private final String ownOrigin;
    private final Consumer<JobEvent> sink;
    private final Thread thread;
    private volatile boolean stopped;
    private volatile boolean listening;

    /** @param ownOrigin the origin this process's payloads carry; they are skipped */
    PostgresListener(DataSource dataSource, String ownOrigin, Consumer<JobEvent> sink) {
        this.dataSource = dataSource;
        this.ownOrigin = ownOrigin;
        this.sink = sink;
        this.thread = Thread.ofPlatform().daemon().name("longrun-listen").start(this::loop);
    }

    /** True once LISTEN is active (tests wait for it before expecting cross-node events). */
    public boolean listening() {
        return listening;
    }

    private void loop() {
        Duration backoff = Duration.ofMillis(200);
        while (!stopped) {
            try (Connection c = dataSource.getConnection()) {
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + NotifyPayload.CHANNEL);
                }
                if (!c.getAutoCommit()) {
                    c.commit();
                }
                listening = true;
                backoff = Duration.ofMillis(200);
                PGConnection pg = c.unwrap(PGConnection.class);
                while (!stopped) {
                    PGNotification[] notifications = pg.getNotifications(500);
                    for (PGNotification n : notifications) {
                        if (!ownOrigin.equals(NotifyPayload.origin(n.getParameter()))) {
                            NotifyPayload.decode(n.getParameter()).forEach(sink);
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (stopped) {
                    return;
                }
                log.warn("Lost the PostgreSQL event connection ({}); reconnecting in {} ms", e.getMessage(), backoff.toMillis());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10) : backoff.multipliedBy(2);
            }
        }
    }

    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
    }
}
