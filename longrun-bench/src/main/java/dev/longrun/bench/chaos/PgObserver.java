package dev.longrun.bench.chaos;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Listens to the job events every node announces (PostgreSQL NOTIFY on {@code longrun_jobs}, one
 * {@code id:version:status:account:user} line per change) on a connection of its own, straight to PostgreSQL, and
 * hands them to the {@link Ledger}. Reconnects after an outage; changes announced while it was away are caught by the
 * pollers.
 */
final class PgObserver implements AutoCloseable {

    private static final Set<String> TERMINAL = Set.of("succeeded", "failed", "cancelled");

    private final String url;
    private final String user;
    private final Ledger ledger;
    private final Thread thread;
    final AtomicLong heard = new AtomicLong();
    private volatile boolean stopped;

    PgObserver(String url, String user, Ledger ledger) {
        this.url = url;
        this.user = user;
        this.ledger = ledger;
        this.thread = Thread.ofPlatform().daemon().name("chaos-observer").start(this::loop);
    }

    private void loop() {
        while (!stopped) {
            try (Connection c = DriverManager.getConnection(url, user, "")) {
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN longrun_jobs");
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                while (!stopped) {
                    for (PGNotification n : pg.getNotifications(500)) {
                        for (String line : n.getParameter().split("\n")) {
                            String[] f = line.split(":");
                            if (f.length >= 3) {
                                heard.incrementAndGet();
                                ledger.observe(f[0], f[2], Long.parseLong(f[1]), TERMINAL.contains(f[2]));
                            }
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                sleep(500);
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static boolean terminal(String status) {
        return TERMINAL.contains(status);
    }

    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
    }
}
