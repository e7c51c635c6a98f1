package dev.longrun.bench.http;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The HTTP benchmarks of issue 3, run with {@code -Dbench=http}: status reads with and without ETag (wrk), SSE fan-out
 * latency to 1,000 subscribers, and how many event streams one node holds in a 512 MiB heap. The product jar runs in
 * its own JVM; the load comes from other processes (wrk, and this JVM for the event streams), over loopback.
 * Settings are system properties: {@code http.jar}, {@code http.reads.seconds} (10), {@code http.reads.connections}
 * (32,100: one pair of rows per count), {@code http.starts.connections} (100), {@code http.subscribers} (1000), {@code http.fanout.seconds} (40), {@code http.fanout.warmup} (30: seconds of changes delivered, not measured), {@code http.fanout.finishes-first} (0: short jobs run to their end before the measured one, so its finish is not the server's first), {@code http.streams} (10000),
 * {@code http.server.args} (extra server arguments, space-separated), {@code http.parts} (reads,starts,fanout,streams),
 * {@code http.streams.paths} (job,user: the event streams opened, in turn), {@code http.streams.servers} (the servers the
 * streams part measures one after the other, {@code name=jar [args]} separated by {@code ;}, e.g.
 * {@code tomcat=longrun-server/target/longrun-server-tomcat.jar;jetty=longrun-server/target/longrun-server.jar}; by
 * default the one of {@code http.jar}).
 */
public final class HttpBenchmark {

    private static final long HEAP_BYTES = 512L << 20;

    private HttpBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(System.getProperty("http.jar", "longrun-server/target/longrun-server.jar"));
        int readSeconds = Integer.getInteger("http.reads.seconds", 10);
        List<Integer> readConnections = Arrays.stream(System.getProperty("http.reads.connections", "32,100").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
        int startConnections = Integer.getInteger("http.starts.connections", 100);
        int subscribers = Integer.getInteger("http.subscribers", 1000);
        int fanOutSeconds = Integer.getInteger("http.fanout.seconds", 40);
        int fanOutWarmup = Integer.getInteger("http.fanout.warmup", 30);
        int fanOutFinishesFirst = Integer.getInteger("http.fanout.finishes-first", 0);
        int streams = Integer.getInteger("http.streams", 10_000);
        List<String> parts = List.of(System.getProperty("http.parts", "reads,starts,fanout,streams").split(","));
        List<String> serverArgs = Arrays.stream(System.getProperty("http.server.args", "").split("\\s+")).filter(a -> !a.isBlank()).toList();
        if (!WrkRun.installed()) {
            throw new IllegalStateException("wrk is not installed; install it with: apt-get install -y wrk");
        }
        System.out.printf("HTTP benchmark, %s, %d cores, server: %s -Xmx512m %s%n", Instant.now(), Runtime.getRuntime().availableProcessors(),
                jar, String.join(" ", serverArgs));
        System.out.printf("%n| what | figure | load avg (1 min) |%n|---|---|---:|%n");
        Long liveAfterFanOut = null;
        if (parts.contains("reads") || parts.contains("fanout")) {
            try (ServerUnderTest server = ServerUnderTest.start(jar, (HEAP_BYTES >> 20) + "m", serverArgs)) {
                BenchApi api = new BenchApi(server.port());
                if (parts.contains("reads")) {
                    for (int connections : readConnections) {
                        printReads(StatusReads.run(server, api, 2, connections, Duration.ofSeconds(readSeconds)));
                    }
                }
                if (parts.contains("fanout")) {
                    double load = Load.oneMinute();
                    if (fanOutFinishesFirst > 0) {
                        System.out.printf("| (fan-out: %d short jobs, 10 streams each, ran to their end before the measured job) | | |%n", fanOutFinishesFirst);
                    }
                    printFanOut(FanOut.run(server, api, subscribers, fanOutSeconds, fanOutWarmup, fanOutFinishesFirst), load);
                    liveAfterFanOut = server.liveHeapBytes();
                    if (Boolean.getBoolean("http.fanout.histogram")) {
                        server.topClasses(400).stream().filter(l -> l.contains("longrun") || l.contains("Sse") || l.contains("Processor")
                                || l.contains("Request") || l.contains("[B") || l.contains("[C") || l.contains("NioChannel")).forEach(System.out::println);
                    }
                }
            }
        }
        if (parts.contains("starts")) {
            // A fresh server: the thousands of jobs this part starts would hold up the fan-out's job.
            try (ServerUnderTest server = ServerUnderTest.start(jar, (HEAP_BYTES >> 20) + "m", serverArgs)) {
                row("`POST /api/jobs/start`, a distinct Idempotency-Key per request, wrk 2 threads / " + startConnections + " connections",
                        HttpStarts.run(server, new BenchApi(server.port()), 2, startConnections, Duration.ofSeconds(readSeconds)));
            }
        }
        if (parts.contains("streams")) {
            List<String> paths = List.of(System.getProperty("http.streams.paths", "job,user").split(","));
            List<Candidate> candidates = Candidate.parse(System.getProperty("http.streams.servers", ""), jar);
            List<String> topClasses = new ArrayList<>();
            for (Candidate c : candidates) {
                List<String> withOwn = new ArrayList<>(serverArgs);
                withOwn.addAll(c.args());
                // A fresh server, so what earlier parts left in the heap (caches, JIT, pooled buffers) is not counted.
                try (ServerUnderTest server = ServerUnderTest.start(c.jar(), (HEAP_BYTES >> 20) + "m", withOwn)) {
                    double load = Load.oneMinute();
                    StreamCapacity.Result r = StreamCapacity.run(server, new BenchApi(server.port()), streams, HEAP_BYTES, paths);
                    printCapacity(c, paths, r, load, server.log());
                    topClasses.add("");
                    topClasses.add("Largest classes in the live heap of " + c.name() + " with the streams open:");
                    topClasses.addAll(r.topClasses());
                }
            }
            topClasses.forEach(System.out::println);
        }
        if (liveAfterFanOut != null) {
            System.out.printf("%nLive heap of the first server after the fan-out's streams ended: %,d MiB%n", liveAfterFanOut >> 20);
        }
    }

    private static void printReads(StatusReads.Result r) {
        row("`GET /api/jobs/{id}`, full body (200), wrk " + r.threads() + " threads / " + r.connections() + " connections", r.full());
        row("same with `If-None-Match` (304)", r.cached());
    }

    private static void row(String what, StatusReads.Run run) {
        WrkRun.Result w = run.wrk();
        System.out.printf(Locale.ROOT, "| %s | **%,.0f req/s**, latency p50 %.1f ms, p99 %.1f ms (%,d requests, %d errors); "
                        + "server CPU %.0f µs per request | %.1f |%n",
                what, w.requestsPerSecond(), w.p50Millis(), w.p99Millis(), w.requests(), w.errors(), run.serverCpuMicrosPerRequest(), run.load());
    }

    private static void printFanOut(FanOut.Result f, double load) {
        System.out.printf(Locale.ROOT, "| SSE fan-out, %,d of %,d subscribers on one job (opened in %.1f s), %d changes, %,d frames: "
                        + "progress write → frame at client | **p50 %.1f ms, p99 %.1f ms**, max %.1f ms%s | %.1f |%n",
                f.connected(), f.subscribers(), f.openSeconds(), f.changes(), f.sortedMicros().size(), f.percentileMillis(50),
                f.percentileMillis(99), f.percentileMillis(100),
                f.incomplete() == 0 ? "" : String.format(Locale.ROOT, "; %d streams missed the final state", f.incomplete()), load);
        FanOut.Cpu c = f.cpu();
        System.out.printf(Locale.ROOT, "|   CPU over the %.1f s window: server %.1f s (%.0f µs per frame), this client reading the streams %.1f s "
                        + "(of %.1f s that 2 cores offer) | | |%n", c.windowSeconds(), c.serverSeconds(),
                c.serverSeconds() * 1e6 / Math.max(1, f.sortedMicros().size()), c.clientSeconds(),
                2 * c.windowSeconds());
        FanOut.PerChange pc = f.perChange();
        System.out.printf(Locale.ROOT, "|   per change (%d): write → first subscriber's frame median %.1f ms, max %.1f ms; first → last subscriber's "
                        + "frame median %.1f ms, max %.1f ms | | |%n", pc.firstMicros().size(),
                FanOut.PerChange.medianMillis(pc.firstMicros()), FanOut.PerChange.maxMillis(pc.firstMicros()),
                FanOut.PerChange.medianMillis(pc.spreadMicros()), FanOut.PerChange.maxMillis(pc.spreadMicros()));
        List<Long> b = f.sortedMicrosBeforeFinal();
        System.out.printf(Locale.ROOT, "%nWithout the final state's change: %,d frames, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", b.size(),
                FanOut.percentileMillis(b, 50), FanOut.percentileMillis(b, 99), FanOut.percentileMillis(b, 100));
        if (f.finalState() != null) {
            FanOut.SlowChange fs = f.finalState();
            System.out.printf(Locale.ROOT, "The final state (version %d): write → first frame %.1f ms, first → last %.1f ms, last frame %.1f ms after the write%n",
                    fs.version(), java.time.Duration.between(fs.stamped(), fs.first()).toNanos() / 1e6, fs.spreadMicros() / 1000.0,
                    java.time.Duration.between(fs.stamped(), fs.last()).toNanos() / 1e6);
        }
        List<ClientGcPauses.Pause> pauses = f.clientPauses();
        System.out.printf(Locale.ROOT, "%nThis client's own GC pauses in the window: %d, %d ms in all, the longest %d ms%n", pauses.size(),
                pauses.stream().mapToLong(ClientGcPauses.Pause::millis).sum(), pauses.stream().mapToLong(ClientGcPauses.Pause::millis).max().orElse(0));
        System.out.printf("%nThe changes with the widest first → last spread (UTC wall clock, to compare with the server's logs):%n");
        for (FanOut.SlowChange s : f.slowest()) {
            String clientPaused = pauses.stream().filter(p -> p.overlaps(s.stamped(), s.last()))
                    .map(p -> String.format(Locale.ROOT, "; this client paused %d ms from %s", p.millis(), p.start())).reduce("", String::concat);
            System.out.printf(Locale.ROOT, "  version %d%s stamped %s, first frame %s, last %s (spread %.1f ms); largest gap %.1f ms after %s%s%n",
                    s.version(), s.isFinal() ? " (the final state)" : "", s.stamped(), s.first(), s.last(), s.spreadMicros() / 1000.0,
                    s.gapMicros() / 1000.0, s.gapStart(), clientPaused);
        }
    }

    private static void printCapacity(Candidate server, List<String> paths, StreamCapacity.Result c, double load, Path log) {
        System.out.printf(Locale.ROOT, "| event streams (%s) in `-Xmx512m`, **%s** (target %,d) | **%,d held** (%s), opened in %.1f s, %d refused; "
                        + "live heap %,d → %,d MiB (**%.1f KiB per stream**, so about %,d fit); direct buffers %,d → %,d MiB (%.1f KiB per stream); "
                        + "resident set +%.1f KiB per stream; "
                        + "status reads with them open: %d of %d answered, median %.1f ms, max %.1f ms; "
                        + "final state delivered to %,d in %.1f s; server alive: %s | %.1f |%n",
                String.join(" + ", paths), server.name(), c.target(), c.connected(), c.allHeld() ? "all" : "ramp stopped before the heap ran out",
                c.openSeconds(), c.refused(), c.liveBeforeBytes() >> 20, c.liveAfterBytes() >> 20,
                c.kibPerStream(), c.projectedFit(), c.directBeforeBytes() >> 20, c.directAfterBytes() >> 20, c.directKibPerStream(), c.rssKibPerStream(), c.reads().answered(), c.reads().asked(), c.reads().medianMillis(),
                c.reads().maxMillis(), c.delivered(), c.deliverSeconds(), c.serverAlive(), load);
        if (!c.serverAlive()) {
            System.out.println("The server died; see " + log);
        }
    }

    /** A server the streams part measures: a name for the table, its jar, and arguments of its own. */
    record Candidate(String name, Path jar, List<String> args) {
        static List<Candidate> parse(String spec, Path defaultJar) {
            if (spec.isBlank()) {
                return List.of(new Candidate(defaultJar.getFileName().toString(), defaultJar, List.of()));
            }
            return Arrays.stream(spec.split(";")).map(String::strip).filter(e -> !e.isEmpty()).map(e -> {
                int eq = e.indexOf('=');
                if (eq < 1) {
                    throw new IllegalArgumentException("http.streams.servers: each entry is name=jar [args], not " + e);
                }
                List<String> words = Arrays.stream(e.substring(eq + 1).strip().split("\\s+")).toList();
                return new Candidate(e.substring(0, eq).strip(), Path.of(words.getFirst()), words.subList(1, words.size()));
            }).toList();
        }
    }
}
