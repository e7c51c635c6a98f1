package dev.longrun.bench.engine;

import com.zaxxer.hikari.HikariDataSource;
import dev.longrun.Job;
import dev.longrun.JobResult;
import dev.longrun.JobStatus;
import dev.longrun.JobType;
import dev.longrun.Longrun;
import dev.longrun.StartOptions;
import dev.longrun.StartResult;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a per-row {@code ctx.progress} call costs: one job calls it {@code n} times, once flat out and
 * once paced over a few seconds (like an import of n rows). Database writes for the job are its
 * version delta minus the claim and the finish, since every stored change bumps the version.
 */
final class ProgressCoalescing {

    static final String TYPE = "bench.progress";
    static final String MESSAGE = "Processing rows";
    private static final Duration WAIT = Duration.ofSeconds(60);

    /**
     * @param paceSeconds  0 when flat out; else the calls were spread evenly over this many seconds
     * @param loopSeconds  time the handler spent in its loop of progress calls
     * @param writes       stored changes of the job other than claim and finish
     */
    record Result(long calls, double paceSeconds, double loopSeconds, long writes, String error) {
        double callsPerSecond() {
            return calls / loopSeconds;
        }

        double writesPerSecond() {
            return writes / loopSeconds;
        }
    }

    private ProgressCoalescing() {
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    static Result run(BenchSettings s, double paceSeconds) {
        long n = s.progressCalls();
        AtomicLong loopNanos = new AtomicLong();
        JobType<Map> type = JobType.builder(TYPE, Map.class, ctx -> {
            long t0 = System.nanoTime();
            long paceNanos = (long) (paceSeconds * 1e9);
            for (long i = 1; i <= n; i++) {
                ctx.progress(i, n, MESSAGE);
                if (paceNanos > 0 && (i & 1023) == 0) {
                    long due = t0 + paceNanos * i / n;
                    while (System.nanoTime() < due) {
                        Thread.onSpinWait();
                    }
                }
            }
            loopNanos.set(System.nanoTime() - t0);
            return JobResult.done();
        }).build();
        try (BenchDatabase db = BenchDatabase.create(s.url(), s.user(), "progress");
             HikariDataSource ds = db.pool("progress", s.pool());
             Longrun engine = NoopJobs.builder(ds, db.schema()).register(type).build()) {
            StartResult started = engine.start(TYPE, Map.of(), StartOptions.forUser("bench", "bench").idempotencyKey("progress"));
            Job done = awaitSucceeded(engine, started.job());
            long writes = done.version() - started.job().version() - 2;
            return new Result(n, paceSeconds, loopNanos.get() / 1e9, writes, null);
        } catch (Exception e) {
            return new Result(n, paceSeconds, Double.NaN, -1, e.toString());
        }
    }

    private static Job awaitSucceeded(Longrun engine, Job job) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Job now = engine.get(job.id()).orElseThrow();
            if (now.status() == JobStatus.SUCCEEDED) {
                return now;
            }
            if (now.status().isTerminal()) {
                throw new IllegalStateException("progress job ended " + now.status() + ": " + now.errorMessage());
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("progress job did not finish within " + WAIT.toSeconds() + " s");
    }
}
