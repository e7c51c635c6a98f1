package dev.longrun.bench.scale;

import com.zaxxer.hikari.HikariDataSource;
import dev.longrun.Longrun;
import dev.longrun.bench.engine.BenchDatabase;
import dev.longrun.notify.DispatchSettings;
import dev.longrun.notify.Dispatcher;
import dev.longrun.notify.Notifications;
import java.time.Duration;
import java.util.List;

/**
 * The drain with the notification dispatcher beside it, as the Spring starter runs it on every node: each finished
 * job's notification is planned (its text, its channels) by the dispatcher. Two drains of the same jobs (made by
 * {@code startAll}, a hundred owners) one after the other, without and with the dispatcher, each timed from the
 * node's start until the database shows every job succeeded; the second also until every notification is planned.
 * How long the last notification waits after the last job finished is what a person would see as a late email or
 * webhook.
 */
final class PlannedDrain {

    private static final long POLL_MILLIS = 20;

    /** Seconds from the node's start: until every job succeeded, without and with the dispatcher, and until every notification was planned. */
    record Result(int jobs, int concurrency, double aloneSeconds, double withDispatcherSeconds, double plannedSeconds, String error) {

        static Result failed(int jobs, int concurrency, String error) {
            return new Result(jobs, concurrency, Double.NaN, Double.NaN, Double.NaN, error);
        }

        double alonePerSecond() {
            return jobs / aloneSeconds;
        }

        double withDispatcherPerSecond() {
            return jobs / withDispatcherSeconds;
        }

        double plannedPerSecond() {
            return jobs / plannedSeconds;
        }

        /** Seconds the last notification was planned after the last job succeeded. */
        double lagSeconds() {
            return plannedSeconds - withDispatcherSeconds;
        }
    }

    private PlannedDrain() {
    }

    static Result run(ScaleSettings s, int concurrency) {
        try {
            double alone = drain(s, concurrency, false)[0];
            double[] with = drain(s, concurrency, true);
            return new Result(s.jobs(), concurrency, alone, with[0], with[1], null);
        } catch (Exception e) {
            return Result.failed(s.jobs(), concurrency, e.toString());
        }
    }

    /** Seconds until every job succeeded and (with the dispatcher) until every notification was planned. */
    private static double[] drain(ScaleSettings s, int concurrency, boolean dispatcher) throws Exception {
        try (BenchDatabase db = BenchDatabase.create(s.url(), s.user(), "planned");
             HikariDataSource ds = db.pool("longrun", s.pool())) {
            try (Longrun api = ApiStarts.apiNode(ds, db.schema())) {
                ApiStarts.batched(api, "planned", s.jobs(), s.batch());
            }
            db.analyze("jobs");
            String succeeded = "SELECT count(*) FROM " + db.schema() + ".jobs WHERE status = 'succeeded'";
            String unplanned = "SELECT count(*) FROM " + db.schema() + ".notifications WHERE planned_at IS NULL";
            String notifications = "SELECT count(*) FROM " + db.schema() + ".notifications";
            long t0 = System.nanoTime();
            long deadline = t0 + Duration.ofSeconds(s.timeoutSeconds()).toNanos();
            try (Longrun engine = Longrun.builder().dataSource(ds).schema(db.schema()).nodeName("bench")
                    .concurrency(concurrency).register(ApiStarts.type(() -> { })).build();
                 AutoCloseable planner = dispatcher ? start(engine, ds, db.schema()) : () -> { }) {
                double drained = Double.NaN;
                while (Double.isNaN(drained)) {
                    if (db.queryLong(succeeded) == s.jobs()) {
                        drained = (System.nanoTime() - t0) / 1e9;
                    } else {
                        awaitPoll(deadline, "jobs succeeded");
                    }
                }
                if (!dispatcher) {
                    return new double[] {drained, Double.NaN};
                }
                while (db.queryLong(unplanned) > 0) {
                    awaitPoll(deadline, "notifications planned");
                }
                double planned = (System.nanoTime() - t0) / 1e9;
                long written = db.queryLong(notifications);
                if (written != s.jobs()) {
                    throw new IllegalStateException(written + " notifications for " + s.jobs() + " finished jobs");
                }
                return new double[] {drained, planned};
            }
        }
    }

    private static Dispatcher start(Longrun engine, HikariDataSource ds, String schema) {
        // No channel: the jobs are short, so only a user's choice would email them, and no user chose.
        return Notifications.start(engine, ds, schema, "bench", List.of(), DispatchSettings.defaults(), Duration.ofHours(24));
    }

    private static void awaitPoll(long deadline, String what) throws InterruptedException {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("Timed out waiting for all " + what);
        }
        Thread.sleep(POLL_MILLIS);
    }
}
