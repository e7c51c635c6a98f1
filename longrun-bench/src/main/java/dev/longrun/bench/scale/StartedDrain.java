package dev.longrun.bench.scale;

import com.zaxxer.hikari.HikariDataSource;
import dev.longrun.Longrun;
import dev.longrun.bench.engine.BenchDatabase;
import dev.longrun.bench.engine.DrainClock;
import dev.longrun.bench.engine.DrainResult;

/**
 * Drains jobs made by {@link Longrun#start} (not SQL copies of one row): an API-only node starts them from 16 threads,
 * then a node with workers at one concurrency is timed until the database shows every job succeeded.
 */
final class StartedDrain {

    static final int START_THREADS = 16;

    private StartedDrain() {
    }

    static DrainResult run(ScaleSettings s, int concurrency) {
        String setting = "concurrency " + concurrency + ", pool " + s.pool();
        try (BenchDatabase db = BenchDatabase.create(s.url(), s.user(), "started");
             HikariDataSource ds = db.pool("longrun", s.pool())) {
            double insertSeconds;
            try (Longrun api = ApiStarts.apiNode(ds, db.schema())) {
                insertSeconds = ApiStarts.single(api, "drain", s.jobs(), START_THREADS);
            }
            String jobs = db.schema() + ".jobs";
            long pending = db.queryLong("SELECT count(*) FROM " + jobs + " WHERE status = 'pending'");
            if (pending != s.jobs()) {
                return DrainResult.failed("Longrun", setting, s.jobs(), "started " + pending + " pending jobs of " + s.jobs());
            }
            db.analyze("jobs");
            DrainClock clock = new DrainClock();
            CpuMeter cpu = CpuMeter.start(db);
            clock.start();
            try (Longrun engine = Longrun.builder().dataSource(ds).schema(db.schema()).nodeName("bench")
                    .concurrency(concurrency).register(ApiStarts.type(clock::countHandled)).build()) {
                double seconds = clock.awaitFinished(s.jobs(), () -> db.queryLong(
                        "SELECT count(*) FROM " + jobs + " WHERE status = 'succeeded'"), java.time.Duration.ofSeconds(s.timeoutSeconds()));
                System.out.println(cpu.perJob(s.jobs()));
                return new DrainResult("Longrun", setting, s.jobs(), insertSeconds, seconds,
                        "Longrun.start x" + START_THREADS + " threads", clock.loadAtStart(), null);
            }
        } catch (Exception e) {
            return DrainResult.failed("Longrun", setting, s.jobs(), e.toString());
        }
    }
}
