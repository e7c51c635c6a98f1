package dev.longrun.bench.engine;

import com.zaxxer.hikari.HikariDataSource;
import dev.longrun.Longrun;
import javax.sql.DataSource;

/**
 * Drains pre-inserted no-op jobs with our engine at one concurrency: jobs inserted with the engine's
 * workers off (see {@link JobCloner}), then an engine with workers started and timed until the
 * database shows every job succeeded.
 */
final class LongrunDrain {

    static final String SYSTEM = "Longrun";

    private LongrunDrain() {
    }

    static DrainResult run(BenchSettings s, int concurrency) {
        String system = SYSTEM;
        String setting = "concurrency " + concurrency + ", pool " + s.pool();
        try (BenchDatabase db = BenchDatabase.create(s.url(), s.user(), "longrun");
             HikariDataSource ds = db.pool("longrun", s.pool())) {
            long t0 = System.nanoTime();
            String how = JobCloner.preInsert(ds, db, s.jobs());
            double insertSeconds = (System.nanoTime() - t0) / 1e9;
            String jobs = db.schema() + ".jobs";
            long pending = db.queryLong("SELECT count(*) FROM " + jobs + " WHERE status = 'pending'");
            if (pending != s.jobs()) {
                return DrainResult.failed(system, setting, s.jobs(), "pre-inserted " + pending + " pending jobs of " + s.jobs());
            }
            db.analyze("jobs");

            SqlTimings timings = s.traceSql() ? new SqlTimings() : null;
            DataSource engineDs = timings != null ? timings.wrap(ds) : ds;
            DrainClock clock = new DrainClock();
            clock.start();
            try (Longrun engine = NoopJobs.builder(engineDs, db.schema()).concurrency(concurrency)
                    .register(NoopJobs.type(clock::countHandled)).build()) {
                double seconds = clock.awaitFinished(s.jobs(), () -> db.queryLong(
                        "SELECT count(*) FROM " + jobs + " WHERE status = 'succeeded'"), s.drainTimeout());
                return new DrainResult(system, setting, s.jobs(), insertSeconds, seconds, how, clock.loadAtStart(), null);
            } finally {
                if (timings != null) {
                    timings.print(system + " at concurrency " + concurrency);
                }
            }
        } catch (Exception e) {
            return DrainResult.failed(system, setting, s.jobs(), e.toString());
        }
    }
}
