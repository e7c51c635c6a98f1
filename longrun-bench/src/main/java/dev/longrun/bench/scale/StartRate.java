package dev.longrun.bench.scale;

import com.zaxxer.hikari.HikariDataSource;
import dev.longrun.Longrun;
import dev.longrun.bench.engine.BenchDatabase;

/**
 * How fast jobs can be started through the public API on an API-only node (no workers, so nothing else touches the
 * table): single {@code start()} calls from several threads, and {@code startAll()} batches from one, each job with its
 * own idempotency key, after a warm-up.
 */
final class StartRate {

    record Result(String how, int starts, double seconds, String loadAtStart, String error) {
        double perSecond() {
            return error == null ? starts / seconds : Double.NaN;
        }
    }

    private static final int WARMUP = 2_000;

    private StartRate() {
    }

    /** {@code startAll} from one thread, {@code s.batch()} jobs per call. */
    static Result batched(ScaleSettings s) {
        return measure(s, "`startAll()` from 1 thread, " + s.batch() + " jobs per call",
                (api, tag, n) -> ApiStarts.batched(api, tag, n, s.batch()));
    }

    static Result single(ScaleSettings s) {
        return measure(s, "`start()` from " + s.startThreads() + " threads, one job per call",
                (api, tag, n) -> ApiStarts.single(api, tag, n, s.startThreads()));
    }

    /** Starts {@code n} jobs tagged {@code tag}; answers the seconds it took. */
    private interface Starts {
        double run(Longrun api, String tag, int n) throws Exception;
    }

    /** A warm-up, then the measured starts on a fresh schema; every started job must be there, pending. */
    private static Result measure(ScaleSettings s, String how, Starts starts) {
        String load = ScaleSettings.load();
        try (BenchDatabase db = BenchDatabase.create(s.url(), s.user(), "starts");
             HikariDataSource ds = db.pool("longrun", s.pool());
             Longrun api = ApiStarts.apiNode(ds, db.schema())) {
            starts.run(api, "warmup", WARMUP);
            load = ScaleSettings.load();
            double seconds = starts.run(api, "measured", s.starts());
            long pending = db.queryLong("SELECT count(*) FROM " + db.schema() + ".jobs WHERE status = 'pending'");
            if (pending != WARMUP + s.starts()) {
                return new Result(how, s.starts(), seconds, load, "found " + pending + " pending jobs, expected " + (WARMUP + s.starts()));
            }
            return new Result(how, s.starts(), seconds, load, null);
        } catch (Exception e) {
            return new Result(how, s.starts(), Double.NaN, load, e.toString());
        }
    }
}
