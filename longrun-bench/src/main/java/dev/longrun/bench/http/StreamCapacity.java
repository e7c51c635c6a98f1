package dev.longrun.bench.http;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many event streams the server holds in its heap. Streams are opened in batches (at most 200 connecting at a
 * time), alternating between the paths named (by default the running job's {@code /api/jobs/{id}/events} and the
 * user's {@code /api/events}, which both show that job); after each batch the server's live heap is read after a full
 * GC, its native memory for direct buffers (NMT's "Other") and its resident set from the OS. The ramp
 * stops at the target, or before the heap is exhausted (live heap above 75 % of the maximum: one more batch could end
 * the server, which would measure nothing). With the streams open, status reads of the job are timed (they must still
 * be answered); then the job is cancelled and every stream must deliver the final state, so the streams are not only
 * open but working.
 */
final class StreamCapacity {

    private static final int BATCH = 1000;
    private static final double STOP_AT = 0.75;

    private static final int READS = 20;

    record Result(int target, int connected, int refused, double openSeconds, long liveBeforeBytes, long liveAfterBytes, long maxHeapBytes,
                  long rssBeforeBytes, long rssAfterBytes, long directBeforeBytes, long directAfterBytes, StatusReads reads,
                  int delivered, double deliverSeconds, boolean serverAlive, List<String> topClasses) {

        /** Growth of native memory tagged "Other" (direct buffers) per stream. */
        double directKibPerStream() {
            return connected == 0 || directAfterBytes < 0 || directBeforeBytes < 0 ? Double.NaN : (directAfterBytes - directBeforeBytes) / 1024.0 / connected;
        }

        /** Growth of the server's resident set per stream: heap and everything outside it (thread stacks, direct buffers). */
        double rssKibPerStream() {
            return connected == 0 || rssAfterBytes < 0 || rssBeforeBytes < 0 ? Double.NaN : (rssAfterBytes - rssBeforeBytes) / 1024.0 / connected;
        }

        double kibPerStream() {
            return connected == 0 || liveAfterBytes < 0 ? Double.NaN : (liveAfterBytes - liveBeforeBytes) / 1024.0 / connected;
        }

        /** Streams that would fill the heap at the measured cost per stream (a projection, not a measurement). */
        long projectedFit() {
            double perStream = kibPerStream() * 1024;
            return Double.isNaN(perStream) || perStream <= 0 ? -1 : (long) ((maxHeapBytes - liveBeforeBytes) / perStream);
        }

        boolean allHeld() {
            return connected == target && delivered == target && serverAlive;
        }
    }

    /** Sequential {@code GET /api/jobs/{id}} with the streams open: how many were answered 200, and how fast. */
    record StatusReads(int asked, int answered, double medianMillis, double maxMillis) {
        static final StatusReads NONE = new StatusReads(0, 0, Double.NaN, Double.NaN);
    }

    private StreamCapacity() {
    }

    /** @param paths the streams to open, in turn: {@code job} ({@code /api/jobs/{id}/events}) and {@code user} ({@code /api/events}) */
    static Result run(ServerUnderTest server, BenchApi api, int target, long maxHeapBytes, List<String> paths) throws Exception {
        String id = api.startWait(3600, 1).get("id").asString();
        api.awaitStep(id, 1, Duration.ofSeconds(60));
        long before = server.liveHeapBytes();
        long rssBefore = server.residentBytes();
        long directBefore = server.directBytes();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(20)).build();
        List<HttpRequest> requests = paths.stream().map(p -> switch (p.strip()) {
            case "job" -> "/api/jobs/" + id + "/events";
            case "user" -> "/api/events";
            default -> throw new IllegalArgumentException("http.streams.paths: job or user, not " + p);
        }).map(path -> api.request(path).timeout(Duration.ofMinutes(10)).header("Accept", "text/event-stream").build()).toList();
        Ramp ramp = new Ramp(http, requests);
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(150);
        long live = before;
        long rss = rssBefore;
        long direct = directBefore;
        List<String> top = List.of();
        StatusReads reads = StatusReads.NONE;
        try {
            while (ramp.opened() < target && live < STOP_AT * maxHeapBytes && System.nanoTime() < deadline && server.alive()) {
                if (!ramp.openBatch(Math.min(BATCH, target - ramp.opened()), deadline)) {
                    break;
                }
                live = server.liveHeapBytes();
                rss = server.residentBytes();
                direct = server.directBytes();
            }
            double openSeconds = (System.nanoTime() - start) / 1e9;
            top = server.topClasses(12);
            reads = statusReads(api, id);
            long cancelAt = System.nanoTime();
            api.cancel(id);
            ramp.awaitAllFinal(Duration.ofSeconds(120));
            return new Result(target, ramp.connected.get(), ramp.refused.get(), openSeconds, before, live, maxHeapBytes, rssBefore, rss, directBefore, direct, reads,
                    ramp.delivered.get(), (System.nanoTime() - cancelAt) / 1e9, server.alive(), top);
        } catch (IOException | RuntimeException e) {
            // An exhausted heap shows here (jcmd or the cancel fails or times out): reported as not held.
            System.out.println("The server stopped answering with " + ramp.connected.get() + " streams open: " + e);
            return new Result(target, ramp.connected.get(), ramp.refused.get(), (System.nanoTime() - start) / 1e9, before, -1, maxHeapBytes,
                    rssBefore, -1, directBefore, -1, reads, ramp.delivered.get(), Double.NaN, false, top);
        } finally {
            ramp.streams.forEach(EventStream::close);
        }
    }

    private static StatusReads statusReads(BenchApi api, String id) {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < READS; i++) {
            long t = System.nanoTime();
            try {
                api.job(id);
                millis.add((System.nanoTime() - t) / 1e6);
            } catch (IOException | RuntimeException | InterruptedException e) {
                System.out.println("A status read with the streams open failed: " + e);
            }
        }
        millis.sort(null);
        return millis.isEmpty() ? new StatusReads(READS, 0, Double.NaN, Double.NaN)
                : new StatusReads(READS, millis.size(), millis.get(millis.size() / 2), millis.getLast());
    }

    /** The open streams and their counts; callbacks run on each stream's own reader thread. */
    private static final class Ramp {
        final HttpClient http;
        final List<HttpRequest> requests;
        final Semaphore connecting = new Semaphore(200);
        final AtomicInteger connected = new AtomicInteger();
        final AtomicInteger refused = new AtomicInteger();
        final AtomicInteger delivered = new AtomicInteger();
        final List<EventStream> streams = new ArrayList<>();
        /** Streams that delivered the final state or ended (a user stream does not end by itself). */
        final AtomicInteger finished = new AtomicInteger();

        Ramp(HttpClient http, List<HttpRequest> requests) {
            this.http = http;
            this.requests = requests;
        }

        void awaitAllFinal(Duration limit) throws InterruptedException {
            long deadline = System.nanoTime() + limit.toNanos();
            while (finished.get() < streams.size() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        }

        int opened() {
            return streams.size();
        }

        /** Opens n more streams; true when each of them connected or failed before the deadline. */
        boolean openBatch(int n, long deadline) throws InterruptedException {
            CountDownLatch settled = new CountDownLatch(n);
            for (int i = 0; i < n; i++) {
                if (!connecting.tryAcquire(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    return false;
                }
                boolean[] state = {false, false}; // settled, finished
                HttpRequest request = requests.get(streams.size() % requests.size());
                streams.add(EventStream.open(http, request, frame -> {
                    if (!state[0]) {
                        state[0] = true;
                        connected.incrementAndGet();
                        settled.countDown();
                        connecting.release();
                    }
                    if (frame.data().contains("\"status\":\"cancelled\"") && !state[1]) {
                        state[1] = true;
                        delivered.incrementAndGet();
                        finished.incrementAndGet();
                    }
                }, () -> {
                    if (!state[0]) {
                        state[0] = true;
                        refused.incrementAndGet();
                        settled.countDown();
                        connecting.release();
                    }
                    if (!state[1]) {
                        state[1] = true;
                        finished.incrementAndGet();
                    }
                }));
            }
            return settled.await(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
    }
}
