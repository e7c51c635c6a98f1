package dev.longrun.bench.scale;

import dev.longrun.bench.engine.BenchDatabase;
import dev.longrun.bench.engine.BenchSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Command-line settings of the scale benchmark ({@code --name=value}).
 *
 * @param jobs          jobs per drain (each drain starts its own through the public API)
 * @param concurrencies our engine and db-scheduler are drained once per value, at the same worker count
 * @param rawThreads    loops of the raw claim+complete limit; the best of these is the limit
 * @param rawBatch      jobs per claim in the raw limit
 * @param starts        starts per start-rate measurement
 * @param startThreads  threads calling {@code start()} in the single-start rate
 * @param batch         jobs per {@code startAll} call
 * @param parts         raw, ours, dbscheduler, start
 * @param rounds        times each drain row (raw limit, Longrun, db-scheduler, back to back) is measured; the table
 *                      reports the median of each row's per-round ratios
 * @param warmups       untimed drains of each engine (at the first concurrency) before the first timed one, so no
 *                      timed drain is the JVM's first run of that engine's claim and finish code
 */
record ScaleSettings(String url, String user, int jobs, List<Integer> concurrencies, List<Integer> rawThreads, int rawBatch,
                     int starts, int startThreads, int batch, int pool, int timeoutSeconds, Set<String> parts, int rounds,
                     int warmups) {

    static final Set<String> ALL_PARTS = Set.of("raw", "ours", "dbscheduler", "start", "planner");

    static ScaleSettings parse(String[] args) {
        String url = BenchDatabase.DEFAULT_URL;
        String user = "postgres";
        int jobs = 20_000;
        List<Integer> concurrencies = List.of(16, 64, 256, 1024);
        List<Integer> rawThreads = List.of(2, 4, 8);
        int rawBatch = 256;
        int starts = 20_000;
        int startThreads = 8;
        int batch = 1_000;
        int pool = 20;
        int timeout = 240;
        Set<String> parts = ALL_PARTS;
        int rounds = 1;
        int warmups = 2;
        for (String arg : args) {
            if (arg.isBlank()) {
                continue;
            }
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("Arguments look like --jobs=20000; got '" + arg + "'. " + usage());
            }
            String name = arg.substring(2, eq);
            String value = arg.substring(eq + 1);
            switch (name) {
                case "url" -> url = value;
                case "user" -> user = value;
                case "jobs" -> jobs = positive(name, value);
                case "concurrency" -> concurrencies = list(name, value);
                case "raw-threads" -> rawThreads = list(name, value);
                case "raw-batch" -> rawBatch = positive(name, value);
                case "starts" -> starts = positive(name, value);
                case "start-threads" -> startThreads = positive(name, value);
                case "batch" -> batch = positive(name, value);
                case "pool" -> pool = positive(name, value);
                case "timeout-seconds" -> timeout = positive(name, value);
                case "only" -> parts = parts(value);
                case "rounds" -> rounds = positive(name, value);
                case "warmups" -> warmups = "0".equals(value.trim()) ? 0 : positive(name, value);
                default -> throw new IllegalArgumentException("Unknown argument --" + name + ". " + usage());
            }
        }
        return new ScaleSettings(url, user, jobs, concurrencies, rawThreads, rawBatch, starts, startThreads, batch, pool,
                timeout, parts, rounds, warmups);
    }

    boolean runs(String part) {
        return parts.contains(part);
    }

    /** The engine benchmark's settings for a peer drain at {@code workers} threads, same database, jobs and pool. */
    BenchSettings peer(int workers) {
        return new BenchSettings(url, user, jobs, concurrencies, workers, pool, 0, 0, 0, Duration.ofSeconds(timeoutSeconds),
                Set.of("dbscheduler"), false);
    }

    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    static String usage() {
        return "Known: --jobs=N --concurrency=16,64,256,1024 --raw-threads=2,4,8 --raw-batch=N --starts=N --start-threads=N "
                + "--batch=N --pool=N --timeout-seconds=N --only=raw,ours,dbscheduler,start,planner --rounds=N --warmups=N (2; 0 for none) --url=jdbc:postgresql://... --user=NAME";
    }

    private static List<Integer> list(String name, String value) {
        return Arrays.stream(value.split(",")).map(v -> positive(name, v)).toList();
    }

    private static int positive(String name, String value) {
        try {
            int n = Integer.parseInt(value.trim().replace("_", ""));
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the argument's name
        }
        throw new IllegalArgumentException("--" + name + " must be a positive whole number, was '" + value + "'");
    }

    private static Set<String> parts(String value) {
        Set<String> parts = Set.copyOf(Arrays.stream(value.toLowerCase(Locale.ROOT).split(",")).map(String::trim).toList());
        for (String p : parts) {
            if (!ALL_PARTS.contains(p)) {
                throw new IllegalArgumentException("--only knows " + ALL_PARTS + ", not '" + p + "'");
            }
        }
        return parts;
    }
}
