package dev.longrun.bench.scale;

import dev.longrun.JobResult;
import dev.longrun.JobType;
import dev.longrun.Longrun;
import dev.longrun.StartOptions;
import dev.longrun.StartRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Jobs made the way an application makes them: through {@link Longrun#start} with a distinct idempotency key each,
 * small params, and a hundred owners (so every finish writes the owner's notification like a real one would).
 */
final class ApiStarts {

    static final String TYPE = "bench.noop";
    static final int OWNERS = 100;

    private ApiStarts() {
    }

    /** A handler that only counts, so a drain measures the engine and the database, not the work. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static JobType<Map> type(Runnable handled) {
        return JobType.builder(TYPE, Map.class, ctx -> {
            handled.run();
            return JobResult.done();
        }).build();
    }

    static Longrun apiNode(DataSource ds, String schema) {
        return Longrun.builder().dataSource(ds).schema(schema).nodeName("bench-api").runWorkers(false)
                .register(type(() -> { })).build();
    }

    static StartOptions options(String prefix, int i) {
        return StartOptions.forUser("bench", "user-" + (i % OWNERS)).idempotencyKey(prefix + "-" + i);
    }

    static Map<String, Object> params(int i) {
        return Map.of("row", i);
    }

    /** Starts {@code count} jobs with single {@code start()} calls from {@code threads} threads; returns seconds taken. */
    static double single(Longrun api, String prefix, int count, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long t0 = System.nanoTime();
            List<Future<?>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                parts.add(pool.submit(() -> {
                    for (int i = thread; i < count; i += threads) {
                        api.start(TYPE, params(i), options(prefix, i));
                    }
                    return null;
                }));
            }
            for (Future<?> part : parts) {
                part.get(10, TimeUnit.MINUTES);
            }
            return (System.nanoTime() - t0) / 1e9;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Starts {@code count} jobs with {@code startAll} calls of {@code batch} jobs from one thread; returns seconds taken. */
    static double batched(Longrun api, String prefix, int count, int batch) {
        long t0 = System.nanoTime();
        for (int from = 0; from < count; from += batch) {
            List<StartRequest> requests = new ArrayList<>(batch);
            for (int i = from; i < Math.min(count, from + batch); i++) {
                requests.add(new StartRequest(TYPE, params(i), options(prefix, i)));
            }
            api.startAll(requests);
        }
        return (System.nanoTime() - t0) / 1e9;
    }
}
