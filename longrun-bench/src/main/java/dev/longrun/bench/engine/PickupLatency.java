package dev.longrun.bench.engine;

import com.zaxxer.hikari.HikariDataSource;
import dev.longrun.Job;
import dev.longrun.JobResult;
import dev.longrun.JobStatus;
import dev.longrun.JobType;
import dev.longrun.Longrun;
import dev.longrun.StartOptions;
import dev.longrun.StartResult;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Enqueue→start latency on an idle engine: one job at a time, each started only after the previous
 * one is recorded finished; the latency is from {@code start()} returning to the handler's first line
 * (System.nanoTime in the same process; a handler that began before start returned counts as 0).
 */
final class PickupLatency {

    static final String TYPE = "bench.pickup";
    private static final long WAIT_MILLIS = 5_000;

    /** Latencies in milliseconds, sorted; {@code error} set when the run could not complete. */
    record Result(int concurrency, double[] sortedMillis, String error) {
        double percentile(double p) {
            if (sortedMillis.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * sortedMillis.length) - 1;
            return sortedMillis[Math.max(0, Math.min(index, sortedMillis.length - 1))];
        }
    }

    private PickupLatency() {
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    static Result run(BenchSettings s, int concurrency) {
        AtomicReference<CompletableFuture<Long>> entered = new AtomicReference<>(new CompletableFuture<>());
        JobType<Map> type = JobType.builder(TYPE, Map.class, ctx -> {
            entered.get().complete(System.nanoTime());
            return JobResult.done();
        }).build();
        try (BenchDatabase db = BenchDatabase.create(s.url(), s.user(), "pickup");
             HikariDataSource ds = db.pool("pickup", s.pool());
             Longrun engine = NoopJobs.builder(ds, db.schema()).concurrency(concurrency).register(type).build()) {
            double[] millis = new double[s.latencySamples()];
            for (int i = -s.latencyWarmup(); i < s.latencySamples(); i++) {
                CompletableFuture<Long> entry = new CompletableFuture<>();
                entered.set(entry);
                StartResult started = engine.start(TYPE, Map.of(),
                        StartOptions.forUser("bench", "bench").idempotencyKey("pickup-" + i));
                long returned = System.nanoTime();
                long entryNanos = entry.get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
                if (i >= 0) {
                    millis[i] = Math.max(0, entryNanos - returned) / 1e6;
                }
                awaitSucceeded(engine, started.job());
            }
            Arrays.sort(millis);
            return new Result(concurrency, millis, null);
        } catch (Exception e) {
            return new Result(concurrency, new double[0], e.toString());
        }
    }

    /** Keeps the engine idle between samples: the next job starts only once this one is recorded. */
    private static void awaitSucceeded(Longrun engine, Job job) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
        while (System.nanoTime() < deadline) {
            JobStatus status = engine.get(job.id()).map(Job::status).orElse(null);
            if (status == JobStatus.SUCCEEDED) {
                return;
            }
            if (status != null && status.isTerminal()) {
                throw new IllegalStateException("pickup job " + job.id() + " ended " + status);
            }
            Thread.sleep(1);
        }
        throw new IllegalStateException("pickup job " + job.id() + " not recorded succeeded within " + WAIT_MILLIS + " ms");
    }
}
