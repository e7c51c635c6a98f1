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

    /** {@code rawPerSecond}: {@link RawInserts} in the same shape, measured right before. */
    record Result(String how, int starts, double seconds, double rawPerSecond, String loadAtStart, String error) {
        double perSecond() {
            return error == null ? starts / seconds : Double.NaN;
        }

        double shareOfRaw() {
            return perSecond() / rawPerSecond;
        }
    }

    private static final int WARMUP = 2_000;

    private StartRate() {
    }

    /** {@code startAll} from one thread, {@code s.batch()} jobs per call. */
    static Result batched(ScaleSettings s) {
        return measure(s, "`startAll()` from 1 thread, " + s.batch() + " jobs per call",
                (api, tag, n) -> ApiStarts.batched(api, tag, n, s.batch()), () -> RawInserts.batched(s, s.batch(), s.starts()));
    }

    static Result single(ScaleSettings s) {
        return measure(s, "`start()` from " + s.startThreads() + " threads, one job per call",
                (api, tag, n) -> ApiStarts.single(api, tag, n, s.startThreads()), () -> RawInserts.single(s, s.startThreads(), s.starts()));
    }

    /** Starts {@code n} jobs tagged {@code tag}; answers the seconds it took. */
    private interface Starts {
        double run(Longrun api, String tag, int n) throws Exception;
    }

    private interface Raw {
        double perSecond() throws Exception;
    }

    /**
     * The raw insert limit in the same shape, then a warm-up and the measured starts on a fresh schema; every started
     * job must be there, pending.
     */
    private static Result measure(ScaleSettings s, String how, Starts starts, Raw raw) {
        String load = ScaleSettings.load();
        double rawPerSecond = Double.NaN;
        try (BenchDatabase db = BenchDatabase.create(s.url(), s.user(), "starts");
             HikariDataSource ds = db.pool("longrun", s.pool());
             Longrun api = ApiStarts.apiNode(ds, db.schema())) {
            starts.run(api, "warmup", WARMUP);
            rawPerSecond = raw.perSecond();
            load = ScaleSettings.load();
            double seconds = starts.run(api, "measured", s.starts());
            long pending = db.queryLong("SELECT count(*) FROM " + db.schema() + ".jobs WHERE status = 'pending'");
            if (pending != WARMUP + s.starts()) {
                return new Result(how, s.starts(), seconds, rawPerSecond, load, "found " + pending + " pending jobs, expected " + (WARMUP + s.starts()));
            }
            return new Result(how, s.starts(), seconds, rawPerSecond, load, null);
        } catch (Exception e) {
            return new Result(how, s.starts(), Double.NaN, rawPerSecond, load, e.toString());
        }
    }
}
