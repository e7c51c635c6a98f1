package dev.longrun.bench.peers;

import com.zaxxer.hikari.HikariDataSource;
import dev.longrun.bench.engine.BenchDatabase;
import dev.longrun.bench.engine.BenchSettings;
import dev.longrun.bench.engine.DrainClock;
import dev.longrun.bench.engine.DrainResult;
import java.time.Duration;
import java.util.stream.Stream;
import org.jobrunr.configuration.JobRunr;
import org.jobrunr.configuration.JobRunrConfiguration.JobRunrConfigurationResult;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.server.BackgroundJobServerConfiguration;
import org.jobrunr.server.JobActivator;
import org.jobrunr.storage.StorageProviderUtils.DatabaseOptions;
import org.jobrunr.storage.sql.postgres.PostgresStorageProvider;
import org.jobrunr.utils.mapper.jackson3.Jackson3JsonMapper;

/**
 * Drains pre-inserted no-op jobs with JobRunr 8.7.0 on its PostgreSQL storage provider: the jobs are
 * enqueued through its batch API (a stream of JobRequests) before the server starts, then a
 * BackgroundJobServer with the given worker count and the smallest poll interval JobRunr accepts
 * for SQL storage (5 s) runs them until the database shows them all SUCCEEDED.
 */
public final class JobRunrDrain {

    /** JobRunr refuses smaller poll intervals for SQL storage providers. */
    static final Duration MIN_POLL_INTERVAL = Duration.ofSeconds(5);

    private JobRunrDrain() {
    }

    public static DrainResult run(BenchSettings s) {
        String setting = "workers " + s.peerWorkers() + ", poll " + MIN_POLL_INTERVAL.toSeconds() + " s, pool " + s.pool();
        try (BenchDatabase db = BenchDatabase.create(s.url(), s.user(), "jobrunr");
             HikariDataSource ds = db.pool("jobrunr", s.pool())) {
            DrainClock clock = new DrainClock();
            NoopRequestHandler handler = new NoopRequestHandler(clock::countHandled);
            JobRunrConfigurationResult jobRunr = JobRunr.configure()
                    .useJsonMapper(new Jackson3JsonMapper())
                    .useStorageProvider(new PostgresStorageProvider(ds, db.schema() + ".", DatabaseOptions.CREATE))
                    .useJobActivator(activator(handler))
                    .useBackgroundJobServer(BackgroundJobServerConfiguration.usingStandardBackgroundJobServerConfiguration()
                            .andWorkerCount(s.peerWorkers())
                            .andPollInterval(MIN_POLL_INTERVAL), false)
                    .initialize();

            long t0 = System.nanoTime();
            jobRunr.getJobRequestScheduler().enqueue(Stream.generate(NoopRequest::new).limit(s.jobs()));
            double insertSeconds = (System.nanoTime() - t0) / 1e9;
            long enqueued = db.queryLong("SELECT count(*) FROM " + db.schema() + ".jobrunr_jobs WHERE state = 'ENQUEUED'");
            if (enqueued != s.jobs()) {
                return DrainResult.failed("JobRunr 8.7.0", setting, s.jobs(), "enqueued " + enqueued + " of " + s.jobs());
            }
            db.analyze("jobrunr_jobs");

            BackgroundJobServer server = jobRunr.getBackgroundJobServer();
            clock.start();
            server.start();
            try {
                double seconds = clock.awaitFinished(s.jobs(), () -> db.queryLong(
                        "SELECT count(*) FROM " + db.schema() + ".jobrunr_jobs WHERE state = 'SUCCEEDED'"), s.drainTimeout());
                return new DrainResult("JobRunr 8.7.0", setting, s.jobs(), insertSeconds, seconds,
                        "JobRequestScheduler.enqueue(Stream)", clock.loadAtStart(), null);
            } finally {
                server.stop();
            }
        } catch (Exception e) {
            return DrainResult.failed("JobRunr 8.7.0", setting, s.jobs(), e.toString());
        }
    }

    private static JobActivator activator(NoopRequestHandler handler) {
        return new JobActivator() {
            @Override
            public <T> T activateJob(Class<T> type) {
                return type.isInstance(handler) ? type.cast(handler) : null;
            }
        };
    }
}
