package dev.longrun.bench.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Command-line settings of the engine benchmark ({@code --name=value}); defaults are the figures
 * docs/BENCHMARKS.md records.
 *
 * @param concurrencies our engine is drained once per value; the best is reported
 * @param peerWorkers   JobRunr workers and db-scheduler threads
 * @param pool          connections per system (each system gets its own pool of this size)
 * @param parts         which parts run: ours, jobrunr, dbscheduler, latency, progress
 * @param traceSql      print where our drains spend their SQL time (diagnostics; adds overhead)
 */
public record BenchSettings(String url, String user, int jobs, List<Integer> concurrencies, int peerWorkers,
                            int pool, int latencySamples, int latencyWarmup, long progressCalls,
                            Duration drainTimeout, Set<String> parts, boolean traceSql) {

    static final Set<String> ALL_PARTS = Set.of("ours", "jobrunr", "dbscheduler", "latency", "progress");

    public static BenchSettings parse(String[] args) {
        String url = BenchDatabase.DEFAULT_URL;
        String user = "postgres";
        int jobs = 100_000;
        List<Integer> concurrencies = List.of(256, 1024, 4096);
        int peerWorkers = 64;
        int pool = 20;
        int samples = 1_000;
        int warmup = 200;
        long progressCalls = 1_000_000;
        Duration timeout = Duration.ofSeconds(240);
        Set<String> parts = ALL_PARTS;
        boolean traceSql = false;
        for (String arg : args) {
            if (arg.isBlank()) {
                continue;
            }
            if (arg.equals("--trace-sql")) {
                traceSql = true;
                continue;
            }
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("Arguments look like --jobs=100000; got '" + arg + "'. " + usage());
            }
            String name = arg.substring(2, eq);
            String value = arg.substring(eq + 1);
            switch (name) {
                case "url" -> url = value;
                case "user" -> user = value;
                case "jobs" -> jobs = positive(name, value);
                case "concurrency" -> concurrencies = Arrays.stream(value.split(",")).map(v -> positive(name, v)).toList();
                case "peer-workers" -> peerWorkers = positive(name, value);
                case "pool" -> pool = positive(name, value);
                case "samples" -> samples = positive(name, value);
                case "warmup" -> warmup = positive(name, value);
                case "progress-calls" -> progressCalls = positive(name, value);
                case "timeout-seconds" -> timeout = Duration.ofSeconds(positive(name, value));
                case "only" -> parts = parts(value);
                default -> throw new IllegalArgumentException("Unknown argument --" + name + ". " + usage());
            }
        }
        return new BenchSettings(url, user, jobs, concurrencies, peerWorkers, pool, samples, warmup, progressCalls,
                timeout, parts, traceSql);
    }

    public boolean runs(String part) {
        return parts.contains(part);
    }

    static String usage() {
        return "Known: --jobs=N --concurrency=256,1024,4096 --peer-workers=N --pool=N --samples=N --warmup=N "
                + "--progress-calls=N --timeout-seconds=N --only=" + String.join(",", new ArrayList<>(ALL_PARTS))
                + " --url=jdbc:postgresql://... --user=NAME --trace-sql";
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
