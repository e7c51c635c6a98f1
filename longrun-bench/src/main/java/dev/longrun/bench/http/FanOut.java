package dev.longrun.bench.http;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;

/**
 * SSE fan-out latency: N subscribers on one {@code demo.wait} job that moves one step a second. The server stamps each
 * change with its wall clock ({@code updated_at}, written with the change); the client stamps each frame's arrival
 * with the same machine's wall clock, so their difference is the time from the progress write to the frame at a
 * client (write, commit, event dispatch, re-read, render, Tomcat, loopback, client parsing). Only changes made after
 * every subscriber was connected count.
 */
final class FanOut {

    /** The measured latencies in microseconds, sorted, with how the run went. */
    record Result(int subscribers, int connected, double openSeconds, int changes, List<Long> sortedMicros, int incomplete,
                  Cpu cpu) {

        double percentileMillis(double p) {
            if (sortedMicros.isEmpty()) {
                return Double.NaN;
            }
            int i = (int) Math.ceil(p / 100.0 * sortedMicros.size()) - 1;
            return sortedMicros.get(Math.max(0, Math.min(sortedMicros.size() - 1, i))) / 1000.0;
        }
    }

    /**
     * CPU seconds of the server and of this client (the JVM reading the 1,000 streams) over the measured window, and
     * the window's length: on one 2-core machine the client's reading competes with the server's writing.
     */
    record Cpu(double serverSeconds, double clientSeconds, double windowSeconds) {
    }

    private FanOut() {
    }

    private static Duration ownCpu() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** The job runs {@code seconds} with one step a second; changes after all subscribers connected are measured. */
    static Result run(ServerUnderTest server, BenchApi api, int subscribers, int seconds) throws Exception {
        JsonNode job = api.startWait(seconds, seconds);
        String id = job.get("id").asString();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = api.request("/api/jobs/" + id + "/events").timeout(Duration.ofMinutes(5)).header("Accept", "text/event-stream").build();
        ConcurrentLinkedQueue<Long> micros = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> versions = new ConcurrentLinkedQueue<>();
        CountDownLatch connected = new CountDownLatch(subscribers);
        CountDownLatch ended = new CountDownLatch(subscribers);
        AtomicInteger sawEnd = new AtomicInteger();
        AtomicReference<Instant> windowStart = new AtomicReference<>(Instant.MAX);
        List<EventStream> streams = new ArrayList<>();
        long openStart = System.nanoTime();
        for (int i = 0; i < subscribers; i++) {
            boolean[] first = {true};
            streams.add(EventStream.open(http, request, frame -> {
                if (first[0]) {
                    first[0] = false;
                    connected.countDown();
                    return;
                }
                // Two fields picked out of the frame instead of a full JSON parse keep the client's own cost low.
                Instant stamped = Instant.parse(field(frame.data(), "updated_at"));
                if (stamped.isAfter(windowStart.get())) {
                    micros.add(Duration.between(stamped, frame.receivedAt()).toNanos() / 1000);
                    versions.add(Long.parseLong(field(frame.data(), "version")));
                }
                if (frame.data().contains("\"status\":\"succeeded\"")) {
                    sawEnd.incrementAndGet();
                }
            }, ended::countDown));
        }
        boolean allConnected = connected.await(90, TimeUnit.SECONDS);
        double openSeconds = (System.nanoTime() - openStart) / 1e9;
        windowStart.set(Instant.now());
        long windowNanos = System.nanoTime();
        Duration serverBefore = server.cpu();
        Duration clientBefore = ownCpu();
        Cpu cpu;
        try {
            ended.await(seconds + 90L, TimeUnit.SECONDS);
        } finally {
            cpu = new Cpu(server.cpu().minus(serverBefore).toNanos() / 1e9, ownCpu().minus(clientBefore).toNanos() / 1e9,
                    (System.nanoTime() - windowNanos) / 1e9);
            streams.forEach(EventStream::close);
        }
        List<Long> sorted = new ArrayList<>(micros);
        sorted.sort(null);
        int changes = (int) versions.stream().distinct().count();
        int connectedCount = allConnected ? subscribers : (int) (subscribers - connected.getCount());
        return new Result(subscribers, connectedCount, openSeconds, changes, sorted, subscribers - sawEnd.get(), cpu);
    }

    /** The value of a top-level string or number field of the job JSON the server writes (no spaces, snake_case). */
    static String field(String json, String name) {
        String key = "\"" + name + "\":";
        int at = json.indexOf(key);
        if (at < 0) {
            throw new IllegalStateException("No " + name + " in frame: " + json);
        }
        int start = at + key.length();
        if (json.charAt(start) == '"') {
            return json.substring(start + 1, json.indexOf('"', start + 1));
        }
        int end = start;
        while (end < json.length() && (Character.isDigit(json.charAt(end)) || json.charAt(end) == '-')) {
            end++;
        }
        return json.substring(start, end);
    }

}
