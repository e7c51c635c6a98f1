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
    static final String WHAT_IF = "Longrun what-if (not shipped): claim index without queue, finish joined by primary key";

    private LongrunDrain() {
    }

    /**
     * @param whatIf adds an index on (priority DESC, run_after, id) over pending jobs before the drain, so
     *               the claim's ORDER BY can use an index (the shipped one leads with queue, which
     *               {@code queue = ANY(?)} cannot use for order), and lets {@link FinishRewrite} change
     *               how the batched finish is planned; shows what those two changes would give
     */
    static DrainResult run(BenchSettings s, int concurrency, boolean whatIf) {
        String system = whatIf ? WHAT_IF : SYSTEM;
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
            if (whatIf) {
                db.execute("CREATE INDEX bench_claim_any_queue_idx ON " + jobs
                        + " (priority DESC, run_after, id) WHERE status = 'pending' AND waiting_for IS NULL");
            }
            db.analyze("jobs");

            SqlTimings timings = s.traceSql() ? new SqlTimings() : null;
            DataSource engineDs = whatIf ? FinishRewrite.wrap(ds) : ds;
            engineDs = timings != null ? timings.wrap(engineDs) : engineDs;
            DrainClock clock = new DrainClock();
            clock.start();
            try (Longrun engine = NoopJobs.builder(engineDs, db.schema()).concurrency(concurrency)
                    .register(NoopJobs.type(clock.handled())).build()) {
                double seconds = clock.awaitFinished(s.jobs(), () -> db.queryLong(
                        "SELECT count(*) FROM " + jobs + " WHERE status = 'succeeded'"), s.drainTimeout());
                return new DrainResult(system, setting, s.jobs(), insertSeconds, seconds, how, null);
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
