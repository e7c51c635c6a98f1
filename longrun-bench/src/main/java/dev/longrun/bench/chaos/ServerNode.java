package dev.longrun.bench.chaos;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One server node of a chaos run: {@code longrun-server.jar} in a JVM of its own, on PostgreSQL (through the proxy),
 * killed with SIGKILL and started again on the same port. Each start is an incarnation with its own node name
 * ({@code node<k>-<n>}, the prefix of its lease owner) and log file.
 */
final class ServerNode implements AutoCloseable {

    /** A node starts in ~5 s on a quiet machine; on a shared 2-core one at load 30 it took over 3 minutes. */
    static final Duration STARTUP_LIMIT = Duration.ofSeconds(Integer.getInteger("chaos.start-seconds", 420));

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final int index;
    private final ChaosSettings settings;
    private final String jdbcUrl;
    private final String schema;
    private final Path dataDir;
    private final Path logDir;
    private final int port;
    private volatile Process process;
    private volatile Path log;
    /** The current process was (or is being) killed or closed here: its end is no news. Read before {@link #process}. */
    private volatile boolean stopped = true;
    private volatile boolean healthy;
    private int incarnation;

    ServerNode(int index, ChaosSettings settings, String jdbcUrl, String schema, Path dataDir, Path logDir) throws IOException {
        this.index = index;
        this.settings = settings;
        this.jdbcUrl = jdbcUrl;
        this.schema = schema;
        this.dataDir = dataDir;
        this.logDir = logDir;
        try (ServerSocket probe = new ServerSocket(0)) {
            this.port = probe.getLocalPort();
        }
    }

    int port() {
        return port;
    }

    Path logDir() {
        return logDir;
    }

    boolean healthy() {
        return healthy && process != null && process.isAlive();
    }

    /** The lease owner prefix of the running incarnation. */
    synchronized String nodeName() {
        return "chaos" + index + "-" + incarnation;
    }

    /** Starts a new incarnation and waits until it answers health checks. */
    synchronized void start(Duration limit) throws IOException, InterruptedException {
        incarnation++;
        List<String> cmd = new ArrayList<>(List.of(java(), "-Xmx" + settings.heap(), "-XX:+UseSerialGC",
                "--enable-native-access=ALL-UNNAMED", "-jar", settings.jar().toAbsolutePath().toString(),
                "--server.address=127.0.0.1", "--server.port=" + port,
                "--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=" + settings.user(),
                "--longrun.schema=" + schema, "--longrun.data-dir=" + dataDir,
                "--longrun.node-name=" + nodeName(), "--longrun.worker.concurrency=" + settings.concurrency(),
                // The pool's size is the starter's default (workers plus room for requests, heartbeats and maintenance,
                // PostgresPoolDefaults), as a user's node gets it; grown on demand, as the shared PostgreSQL has other users.
                "--spring.datasource.hikari.minimum-idle=2",
                "--longrun-demo.contacts=300", "--logging.level.root=warn", "--logging.level.dev.longrun=info"));
        Arrays.stream(settings.serverArgs().split("\\s+")).filter(a -> !a.isBlank()).forEach(cmd::add);
        Path log = logDir.resolve(nodeName() + ".log");
        this.log = log;
        process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        stopped = false;
        awaitHealthy(limit, log);
    }

    /**
     * What became of the current incarnation if its process ended by itself (during its start or later), with its exit
     * code and the end of its log; null while it runs, before the first start, and once killed or closed here (its
     * restart may be under way). Takes no lock, as {@link #start} holds it for the whole startup.
     */
    String exitedByItself() {
        if (stopped) {
            return null;
        }
        Process p = process;
        return p == null || p.isAlive() ? null : exitReport(p, log, "by itself");
    }

    private static String exitReport(Process p, Path log, String how) {
        String name = log.getFileName().toString().replaceFirst("\\.log$", "");
        return "Node " + name + " exited " + how + " with exit code " + p.exitValue() + "; the end of " + log + ":\n" + tail(log, 20);
    }

    /** The last {@code lines} lines of a node's log, read from its last 16 KB rather than the whole run's log. */
    private static String tail(Path log, int lines) {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long from = Math.max(0, file.length() - 16 * 1024);
            byte[] bytes = new byte[(int) (file.length() - from)];
            file.seek(from);
            file.readFully(bytes);
            List<String> all = new String(bytes, StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log not readable: " + e.getMessage() + ")";
        }
    }

    /** SIGKILL: no shutdown hook, no hand-back of running jobs. */
    synchronized void kill() throws InterruptedException {
        healthy = false;
        stopped = true;
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private void awaitHealthy(Duration limit, Path log) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(exitReport(process, log, "during startup"));
            }
            try {
                HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    healthy = true;
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Node " + nodeName() + " was not healthy within " + limit.toSeconds() + " s; see " + log);
    }

    /** "Rescued N jobs" lines this node's incarnations logged. */
    static long rescuedInLogs(Path logDir) throws IOException {
        long total = 0;
        try (var files = Files.list(logDir)) {
            for (Path f : files.toList()) {
                for (String line : Files.readAllLines(f)) {
                    int at = line.indexOf("Rescued ");
                    if (at >= 0) {
                        total += Long.parseLong(line.substring(at + 8).split(" ")[0]);
                    }
                }
            }
        }
        return total;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Override
    public synchronized void close() throws InterruptedException {
        healthy = false;
        stopped = true;
        if (process != null) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
