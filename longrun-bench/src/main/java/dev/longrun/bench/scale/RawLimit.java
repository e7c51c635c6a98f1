package dev.longrun.bench.scale;

import dev.longrun.bench.engine.BenchDatabase;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * What the database itself allows on this machine: a minimal jobs table (id, status, priority, run_after, lease and
 * bookkeeping columns, one partial claim index) drained by {@code threads} loops of "claim a batch with the engine's
 * claim statement (FOR UPDATE SKIP LOCKED, pending → running), then mark the batch succeeded with the engine's batched
 * finish statement (unnest, guarded by running + owner)", each statement its own transaction, no handler work. No
 * engine, no JVM-side work beyond JDBC: the ceiling a queue on this table could reach, for the ratio in the same run.
 */
final class RawLimit {

    record Result(int threads, int batch, int jobs, double seconds, String loadAtStart, String error) {
        double jobsPerSecond() {
            return error == null ? jobs / seconds : Double.NaN;
        }
    }

    private RawLimit() {
    }

    static Result run(ScaleSettings s, int threads, int batch) {
        String load = ScaleSettings.load();
        try (BenchDatabase db = BenchDatabase.create(s.url(), s.user(), "raw")) {
            String t = db.schema() + ".jobs";
            db.execute("""
                    CREATE TABLE %s (
                      id uuid PRIMARY KEY, queue text NOT NULL, priority int NOT NULL DEFAULT 0, status text NOT NULL,
                      run_after timestamptz NOT NULL, attempt int NOT NULL DEFAULT 0, lease_owner text,
                      lease_expires_at timestamptz, started_at timestamptz, completed_at timestamptz,
                      updated_at timestamptz NOT NULL, version bigint NOT NULL DEFAULT 1)""".formatted(t));
            db.execute("CREATE INDEX ON " + t + " (priority DESC, run_after, id) WHERE status = 'pending'");
            // Claim order = insert order (like time-ordered ids made by start()), so claims read the heap in order.
            db.execute("INSERT INTO " + t + " (id, queue, status, run_after, updated_at) SELECT gen_random_uuid(), 'default', "
                    + "'pending', now() - interval '1 hour' + g * interval '1 microsecond', now() FROM generate_series(1, "
                    + s.jobs() + ") g");
            db.analyze("jobs");
            String claim = """
                    WITH picked AS (
                      SELECT id FROM %1$s WHERE status = 'pending' AND queue = ANY(?::text[]) AND run_after <= now()
                      ORDER BY priority DESC, run_after, id LIMIT ? FOR UPDATE SKIP LOCKED)
                    UPDATE %1$s j SET status = 'running', attempt = j.attempt + 1, lease_owner = ?,
                      lease_expires_at = now() + interval '30 seconds', started_at = now(), version = j.version + 1,
                      updated_at = now()
                    FROM picked WHERE j.id = picked.id AND j.status = 'pending' RETURNING j.id""".formatted(t);
            String finish = """
                    UPDATE %s j SET status = 'succeeded', completed_at = now(), lease_owner = NULL, lease_expires_at = NULL,
                      version = j.version + 1, updated_at = now()
                    FROM unnest(?::uuid[]) AS u(id)
                    WHERE j.id = u.id AND (j.status = 'running') IS TRUE AND j.lease_owner = ?""".formatted(t);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Connection> connections = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    connections.add(DriverManager.getConnection(s.url(), s.user(), ""));
                }
                CpuMeter cpu = CpuMeter.start(db);
                long t0 = System.nanoTime();
                List<Future<Integer>> loops = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    Connection c = connections.get(i);
                    String owner = "raw-" + i;
                    loops.add(pool.submit(() -> drain(c, claim, finish, owner, batch)));
                }
                int done = 0;
                for (Future<Integer> loop : loops) {
                    done += loop.get(s.timeoutSeconds(), TimeUnit.SECONDS);
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                System.out.println(cpu.perJob(s.jobs()));
                for (Connection c : connections) {
                    c.close();
                }
                long succeeded = db.queryLong("SELECT count(*) FROM " + t + " WHERE status = 'succeeded'");
                if (done != s.jobs() || succeeded != s.jobs()) {
                    return new Result(threads, batch, s.jobs(), seconds, load, "finished " + done + " (" + succeeded + " in the table)");
                }
                return new Result(threads, batch, s.jobs(), seconds, load, null);
            } finally {
                pool.shutdownNow();
            }
        } catch (Exception e) {
            return new Result(threads, batch, s.jobs(), Double.NaN, load, e.toString());
        }
    }

    private static int drain(Connection c, String claimSql, String finishSql, String owner, int batch) throws SQLException {
        int done = 0;
        try (PreparedStatement claim = c.prepareStatement(claimSql); PreparedStatement finish = c.prepareStatement(finishSql)) {
            Array queues = c.createArrayOf("text", new Object[] {"default"});
            while (true) {
                claim.setArray(1, queues);
                claim.setInt(2, batch);
                claim.setString(3, owner);
                List<UUID> ids = new ArrayList<>(batch);
                try (ResultSet rs = claim.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getObject(1, UUID.class));
                    }
                }
                if (ids.isEmpty()) {
                    return done;
                }
                finish.setArray(1, c.createArrayOf("uuid", ids.toArray()));
                finish.setString(2, owner);
                done += finish.executeUpdate();
            }
        }
    }
}
