package dev.longrun.bench.http;

import java.io.IOException;
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
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The product under test: {@code longrun-server.jar} in a JVM of its own ({@code -Xmx512m}, embedded store in a fresh
 * data directory, loopback only), started and stopped by {@link HttpBenchmark}. Also reads the live heap of that JVM.
 */
final class ServerUnderTest implements AutoCloseable {

    static final String API_KEY = "demo-key-change-me";
    /** Streams the bench may open as its one user, who stands for every browser: no bound in practice. */
    static final int MAX_STREAMS = 1_000_000;

    private final Process process;
    private final Path dataDir;
    private final int port;

    private ServerUnderTest(Process process, Path dataDir, int port) {
        this.process = process;
        this.dataDir = dataDir;
        this.port = port;
    }

    static ServerUnderTest start(Path jar, String heap, List<String> extraArgs) throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No server jar at " + jar.toAbsolutePath() + "; build it with: "
                    + "./mvnw -q -pl longrun-server -am package -DskipTests (or run the benchmark with -pl longrun-bench -am)");
        }
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Path dataDir = Files.createTempDirectory("longrun-httpbench");
        // Native memory tracking (summary: a few words per allocation) tells direct buffers, which a container may use
        // for I/O instead of heap arrays, from the rest: the live heap alone would not show them.
        List<String> cmd = new ArrayList<>(List.of(java("java"), "-Xmx" + heap, "--enable-native-access=ALL-UNNAMED", "-XX:NativeMemoryTracking=summary",
                "-jar", jar.toAbsolutePath().toString(),
                "--server.address=127.0.0.1", "--server.port=" + port, "--longrun.data-dir=" + dataDir,
                "--longrun-demo.contacts=0", "--logging.level.dev.longrun=warn",
                // One identity stands for every browser of the fan-out and stream parts (1,000 and http.streams),
                // where a person may hold 64 at once.
                "--longrun.sse.max-streams-per-user=" + MAX_STREAMS));
        cmd.addAll(extraArgs);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dataDir.resolve("server.log").toFile()).start();
        ServerUnderTest server = new ServerUnderTest(p, dataDir, port);
        try {
            server.awaitHealthy(Duration.ofSeconds(120));
        } catch (RuntimeException | InterruptedException e) {
            server.close(); // else a server that was merely slow keeps running after the bench gave up on it
            throw e;
        }
        return server;
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    /** CPU time the server process has used so far (user + system), from the operating system. */
    Duration cpu() {
        return process.info().totalCpuDuration().orElseThrow(() -> new IllegalStateException("This system does not report process CPU time"));
    }

    boolean alive() {
        return process.isAlive();
    }

    Path log() {
        return dataDir.resolve("server.log");
    }

    private void awaitHealthy(Duration limit) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The server exited during startup; see " + log());
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("The server was not healthy within " + limit.toSeconds() + " s; see " + log());
    }

    /** Bytes of live objects: {@code jcmd GC.class_histogram} runs a full GC first, so garbage is not counted. */
    long liveHeapBytes() throws IOException, InterruptedException {
        List<String> lines = histogram();
        return lines.stream().filter(l -> l.startsWith("Total")).map(l -> Long.parseLong(l.trim().split("\\s+")[2]))
                .findFirst().orElseThrow(() -> new IllegalStateException("jcmd printed no class histogram: " + lines));
    }

    /**
     * The server's resident set ({@code VmRSS} of /proc/PID/status), or -1 where there is none. It counts what the
     * live heap does not: memory outside the Java heap such as direct buffers, which a container may use for I/O.
     */
    long residentBytes() {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status")).stream().filter(l -> l.startsWith("VmRSS:"))
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")) * 1024).findFirst().orElse(-1L);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * Native memory the JVM tagged "Other", committed: direct byte buffers ({@code ByteBuffer.allocateDirect}) are
     * most of it. -1 when jcmd does not say.
     */
    long directBytes() throws IOException, InterruptedException {
        Pattern other = Pattern.compile("-\\s+Other \\(reserved=\\d+KB, committed=(\\d+)KB\\)");
        return jcmd("VM.native_memory", "summary").stream().map(other::matcher).filter(Matcher::find)
                .map(m -> Long.parseLong(m.group(1)) * 1024).findFirst().orElse(-1L);
    }

    /** The biggest classes by live bytes, as jcmd prints them. */
    List<String> topClasses(int n) throws IOException, InterruptedException {
        return histogram().stream().filter(l -> l.matches("\\s*\\d+:.*")).limit(n).toList();
    }

    private List<String> histogram() throws IOException, InterruptedException {
        return jcmd("GC.class_histogram");
    }

    private List<String> jcmd(String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(java("jcmd"), Long.toString(process.pid())));
        cmd.addAll(List.of(command));
        Process jcmd = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = jcmd.getInputStream().readAllBytes();
        if (!jcmd.waitFor(120, TimeUnit.SECONDS)) {
            jcmd.destroyForcibly();
            throw new IllegalStateException("jcmd did not finish within 2 minutes");
        }
        return new String(out, StandardCharsets.UTF_8).lines().toList();
    }

    private static String java(String tool) {
        return Path.of(System.getProperty("java.home"), "bin", tool).toString();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
