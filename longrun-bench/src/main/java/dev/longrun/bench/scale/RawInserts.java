package dev.longrun.bench.scale;

import dev.longrun.bench.engine.BenchDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The database's own limit for what a start must write at least: one row with a unique client key and small params,
 * committed, into a minimal table (primary key and unique key index only), by plain JDBC in auto-commit. Measured
 * in the shape of the start it is set beside (threads each committing one row, or one thread committing batches),
 * so {@code start()} and {@code startAll()} get a ratio to what PostgreSQL allows on this machine at that moment.
 */
final class RawInserts {

    private RawInserts() {
    }

    /** {@code threads} loops, each inserting and committing one row at a time; answers rows per second. */
    static double single(ScaleSettings s, int threads, int rows) throws Exception {
        return run(s, threads, rows, 1);
    }

    /** One loop inserting and committing {@code batch} rows per statement; answers rows per second. */
    static double batched(ScaleSettings s, int batch, int rows) throws Exception {
        return run(s, 1, rows, batch);
    }

    private static double run(ScaleSettings s, int threads, int rows, int batch) throws Exception {
        try (BenchDatabase db = BenchDatabase.create(s.url(), s.user(), "rawstarts")) {
            String t = db.schema() + ".jobs";
            db.execute("CREATE TABLE " + t + " (id uuid PRIMARY KEY, key text NOT NULL UNIQUE, params jsonb NOT NULL, "
                    + "status text NOT NULL, created_at timestamptz NOT NULL)");
            String insert = "INSERT INTO " + t + " (id, key, params, status, created_at) "
                    + "SELECT u.id, u.key, u.params::jsonb, 'pending', now() FROM unnest(?::uuid[], ?::text[], ?::text[]) AS u(id, key, params)";
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Connection> connections = new ArrayList<>();
            try {
                for (int i = 0; i < threads; i++) {
                    connections.add(DriverManager.getConnection(s.url(), s.user(), ""));
                }
                int perLoop = rows / threads;
                long t0 = System.nanoTime();
                List<Future<?>> loops = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    Connection c = connections.get(i);
                    int from = i * perLoop;
                    loops.add(pool.submit(() -> {
                        try (PreparedStatement ps = c.prepareStatement(insert)) {
                            for (int at = from; at < from + perLoop; at += batch) {
                                int n = Math.min(batch, from + perLoop - at);
                                UUID[] ids = new UUID[n];
                                String[] keys = new String[n];
                                String[] params = new String[n];
                                for (int k = 0; k < n; k++) {
                                    ids[k] = UUID.randomUUID();
                                    keys[k] = "raw-" + (at + k);
                                    params[k] = "{\"row\": " + (at + k) + "}";
                                }
                                ps.setArray(1, c.createArrayOf("uuid", ids));
                                ps.setArray(2, c.createArrayOf("text", keys));
                                ps.setArray(3, c.createArrayOf("text", params));
                                ps.executeUpdate();
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> loop : loops) {
                    loop.get(s.timeoutSeconds(), TimeUnit.SECONDS);
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                long inserted = db.queryLong("SELECT count(*) FROM " + t);
                if (inserted != (long) perLoop * threads) {
                    throw new IllegalStateException("inserted " + inserted + " rows of " + perLoop * threads);
                }
                return inserted / seconds;
            } finally {
                for (Connection c : connections) {
                    c.close();
                }
                pool.shutdownNow();
            }
        }
    }
}
