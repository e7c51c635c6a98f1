package dev.longrun.spring.measure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.spring.support.Api;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * How many SSE connections one node holds in a 512 MiB heap: the test application runs in a JVM of its own
 * ({@code -Xmx512m}, embedded store), this JVM opens N event streams on one job with plain sockets, then the job
 * moves on and every stream must deliver the final state. Run with {@code -Dlongrun.measure=true}
 * ({@code -Dlongrun.measure.connections=10000} by default).
 */
@EnabledIfSystemProperty(named = "longrun.measure", matches = "true")
class SseConnectionsMeasurement {

    private static final int CONNECTIONS = Integer.getInteger("longrun.measure.connections", 10_000);

    @Test
    void oneNodeIn512MiBHoldsTheStreams() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Path dataDir = Files.createTempDirectory("longrun-sse-heap");
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "dev.longrun.spring.testapp.TestApp", "--server.port=" + port, "--longrun.data-dir=" + dataDir,
                "--longrun.sse.heartbeat=15s", "--server.tomcat.max-connections=" + (CONNECTIONS + 1000),
                "--server.tomcat.accept-count=2000", "--logging.level.root=WARN",
                "--server.max-http-request-header-size=" + System.getProperty("longrun.measure.header-size", "8KB"),
                "--server.tomcat.max-http-response-header-size=" + System.getProperty("longrun.measure.header-size", "8KB"))
                .redirectErrorStream(true).redirectOutput(dataDir.resolve("server.log").toFile()).start();
        try {
            Api api = new Api(port);
            waitUntilUp(api);
            Api.Who who = Api.Who.apiKey("acme", "heap");
            String id = api.post("/api/jobs/start").as(who).json("{\"type\":\"test.confirm\",\"params\":{\"rows\":1}}").send().json().get("id").asString();
            for (int i = 0; i < 200 && !api.get("/api/jobs/" + id).as(who).send().json().get("status").asString().equals("needs_action"); i++) {
                Thread.sleep(50);
            }
            long liveBefore = liveHeap(server.pid(), false);
            CountDownLatch connected = new CountDownLatch(CONNECTIONS);
            CountDownLatch finished = new CountDownLatch(CONNECTIONS);
            AtomicInteger failed = new AtomicInteger();
            Semaphore opening = new Semaphore(200);
            List<Socket> sockets = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < CONNECTIONS; i++) {
                opening.acquire();
                Thread.ofVirtual().start(() -> {
                    boolean released = false;
                    try (Socket s = new Socket("127.0.0.1", port)) {
                        synchronized (sockets) {
                            sockets.add(s);
                        }
                        OutputStream out = s.getOutputStream();
                        out.write(("GET /api/jobs/" + id + "/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
                                + "X-Longrun-Api-Key: " + Api.API_KEY + "\r\nX-Longrun-User: heap\r\nX-Longrun-Account: acme\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        InputStream in = s.getInputStream();
                        if (!readUntil(in, "needs_action")) {
                            failed.incrementAndGet();
                            return;
                        }
                        opening.release();
                        released = true;
                        connected.countDown();
                        if (readUntil(in, "\"status\":\"succeeded\"")) {
                            finished.countDown();
                        }
                    } catch (IOException e) {
                        failed.incrementAndGet();
                    } finally {
                        if (!released) {
                            opening.release();
                        }
                    }
                });
            }
            boolean allConnected = connected.await(5, TimeUnit.MINUTES);
            double openSeconds = (System.nanoTime() - start) / 1e9;
            String heapAfterOpen = heap(api);
            long liveAfter = liveHeap(server.pid(), true);
            System.out.printf("%nLive heap after a full GC: %d MiB before, %d MiB with %d streams: %.1f KiB per stream%n",
                    liveBefore >> 20, liveAfter >> 20, CONNECTIONS - connected.getCount(),
                    (liveAfter - liveBefore) / 1024.0 / Math.max(1, CONNECTIONS - connected.getCount()));
            long confirmAt = System.nanoTime();
            api.post("/api/jobs/" + id + "/confirm").as(who).send();
            boolean allFinished = finished.await(5, TimeUnit.MINUTES);
            double deliverSeconds = (System.nanoTime() - confirmAt) / 1e9;
            System.out.printf("%nSSE connections in -Xmx512m: %d of %d connected in %.1f s (%d failed); heap used with all open: %s; "
                            + "final state delivered to %d streams in %.1f s; server alive: %s%n",
                    CONNECTIONS - connected.getCount(), CONNECTIONS, openSeconds, failed.get(), heapAfterOpen,
                    CONNECTIONS - finished.getCount(), deliverSeconds, server.isAlive());
            assertThat(allConnected && allFinished).as("see the printed figures and " + dataDir.resolve("server.log")).isTrue();
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static boolean readUntil(InputStream in, String marker) throws IOException {
        byte[] buf = new byte[8192];
        StringBuilder window = new StringBuilder();
        for (int n; (n = in.read(buf)) > 0; ) {
            window.append(new String(buf, 0, n, StandardCharsets.UTF_8));
            if (window.indexOf(marker) >= 0) {
                return true;
            }
            if (window.length() > 64 * 1024) {
                window.delete(0, window.length() - marker.length());
            }
        }
        return false;
    }

    /** Live bytes after the full GC a class histogram forces (jcmd); prints the biggest classes when asked. */
    private static long liveHeap(long pid, boolean print) throws Exception {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid),
                "GC.class_histogram").redirectErrorStream(true).start();
        List<String> lines = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        jcmd.waitFor();
        if (print) {
            lines.stream().limit(25).forEach(System.out::println);
        }
        return lines.stream().filter(l -> l.startsWith("Total")).map(l -> Long.parseLong(l.trim().split("\\s+")[2])).findFirst().orElse(0L);
    }

    private static String heap(Api api) {
        double used = 0;
        for (String line : api.get("/actuator/prometheus").send().body().split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                used += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return String.format("%.0f MiB", used / (1024 * 1024));
    }

    private static void waitUntilUp(Api api) throws InterruptedException {
        for (int i = 0; i < 240; i++) {
            try {
                if (api.get("/actuator/health").send().status() == 200) {
                    return;
                }
            } catch (IllegalStateException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the server did not start within a minute");
    }
}
