package dev.longrun.bench.peers;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.zaxxer.hikari.HikariDataSource;
import dev.longrun.bench.engine.BenchDatabase;
import dev.longrun.bench.engine.BenchSettings;
import dev.longrun.bench.engine.DrainClock;
import dev.longrun.bench.engine.DrainResult;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Drains pre-inserted no-op jobs with db-scheduler 16.12.0: its {@code scheduled_tasks} table from
 * its documented PostgreSQL DDL, a OneTimeTask that does nothing, instances scheduled through
 * {@code SchedulerClient.scheduleBatch}, and a scheduler with lock-and-fetch polling. A finished
 * one-time execution is deleted, so the drain ends when the table is empty.
 */
public final class DbSchedulerDrain {

    static final String TASK = "bench-noop";
    /** Lock-and-fetch: poll again when fewer than half the threads have work queued; lock up to one batch per thread. */
    static final double LOWER_LIMIT_FRACTION = 0.5;
    static final double UPPER_LIMIT_FRACTION = 1.0;
    static final Duration POLLING_INTERVAL = Duration.ofSeconds(1);

    private DbSchedulerDrain() {
    }

    public static DrainResult run(BenchSettings s) {
        String setting = "threads " + s.peerWorkers() + ", lock-and-fetch " + LOWER_LIMIT_FRACTION + "/" + UPPER_LIMIT_FRACTION
                + ", pool " + s.pool();
        try (BenchDatabase db = BenchDatabase.create(s.url(), s.user(), "dbscheduler");
             HikariDataSource ds = db.pool("db-scheduler", s.pool())) {
            String table = db.schema() + ".scheduled_tasks";
            createTable(db, table);
            DrainClock clock = new DrainClock();
            OneTimeTask<Void> task = Tasks.oneTime(TASK).execute((instance, ctx) -> clock.countHandled());

            long t0 = System.nanoTime();
            SchedulerClient client = SchedulerClient.Builder.create(ds, task).tableName(table).build();
            Stream<TaskInstance<?>> instances = IntStream.range(0, s.jobs()).mapToObj(i -> task.instance("job-" + i));
            client.scheduleBatch(instances, Instant.now());
            double insertSeconds = (System.nanoTime() - t0) / 1e9;
            long scheduled = db.queryLong("SELECT count(*) FROM " + table);
            if (scheduled != s.jobs()) {
                return DrainResult.failed("db-scheduler 16.12.0", setting, s.jobs(), "scheduled " + scheduled + " of " + s.jobs());
            }
            db.analyze("scheduled_tasks");

            Scheduler scheduler = Scheduler.create(ds, task)
                    .tableName(table)
                    .threads(s.peerWorkers())
                    .pollUsingLockAndFetch(LOWER_LIMIT_FRACTION, UPPER_LIMIT_FRACTION)
                    .pollingInterval(POLLING_INTERVAL)
                    .build();
            clock.start();
            scheduler.start();
            try {
                double seconds = clock.awaitFinished(s.jobs(),
                        () -> s.jobs() - db.queryLong("SELECT count(*) FROM " + table), s.drainTimeout());
                return new DrainResult("db-scheduler 16.12.0", setting, s.jobs(), insertSeconds, seconds,
                        "SchedulerClient.scheduleBatch", clock.loadAtStart(), null);
            } finally {
                scheduler.stop();
            }
        } catch (Exception e) {
            return DrainResult.failed("db-scheduler 16.12.0", setting, s.jobs(), e.toString());
        }
    }

    /** db-scheduler's documented PostgreSQL table (with the priority column and its indexes). */
    private static void createTable(BenchDatabase db, String table) {
        db.execute("""
                CREATE TABLE %s (
                  task_name text NOT NULL,
                  task_instance text NOT NULL,
                  task_data bytea,
                  execution_time timestamp with time zone NOT NULL,
                  picked boolean NOT NULL,
                  picked_by text,
                  last_success timestamp with time zone,
                  last_failure timestamp with time zone,
                  consecutive_failures int,
                  last_heartbeat timestamp with time zone,
                  version bigint NOT NULL,
                  priority smallint,
                  PRIMARY KEY (task_name, task_instance)
                )""".formatted(table));
        db.execute("CREATE INDEX execution_time_idx ON " + table + " (execution_time)");
        db.execute("CREATE INDEX last_heartbeat_idx ON " + table + " (last_heartbeat)");
        db.execute("CREATE INDEX priority_execution_time_idx ON " + table + " (priority DESC, execution_time ASC)");
    }
}
