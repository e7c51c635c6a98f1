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
 * How many event streams the server holds in its heap. Streams on one running job are opened in batches (at most 200
 * connecting at a time); after each batch the server's live heap is read after a full GC. The ramp stops at the
 * target, or before the heap is exhausted (live heap above 75 % of the maximum: one more batch could end the server,
 * which would measure nothing). Then the job is cancelled and every stream must deliver the final state, so the
 * streams are not only open but working.
 */
final class StreamCapacity {

    private static final int BATCH = 1000;
    private static final double STOP_AT = 0.75;

    record Result(int target, int connected, int refused, double openSeconds, long liveBeforeBytes, long liveAfterBytes, long maxHeapBytes,
                  int delivered, double deliverSeconds, boolean serverAlive, List<String> topClasses) {

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

    private StreamCapacity() {
    }

    static Result run(ServerUnderTest server, BenchApi api, int target, long maxHeapBytes) throws Exception {
        String id = api.startWait(3600, 1).get("id").asString();
        api.awaitStep(id, 1, Duration.ofSeconds(60));
        long before = server.liveHeapBytes();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(20)).build();
        HttpRequest request = api.request("/api/jobs/" + id + "/events").timeout(Duration.ofMinutes(10)).header("Accept", "text/event-stream").build();
        Ramp ramp = new Ramp(http, request);
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(150);
        long live = before;
        List<String> top = List.of();
        try {
            while (ramp.opened() < target && live < STOP_AT * maxHeapBytes && System.nanoTime() < deadline && server.alive()) {
                if (!ramp.openBatch(Math.min(BATCH, target - ramp.opened()), deadline)) {
                    break;
                }
                live = server.liveHeapBytes();
            }
            double openSeconds = (System.nanoTime() - start) / 1e9;
            top = server.topClasses(12);
            long cancelAt = System.nanoTime();
            api.cancel(id);
            ramp.awaitAllEnded(Duration.ofSeconds(120));
            return new Result(target, ramp.connected.get(), ramp.refused.get(), openSeconds, before, live, maxHeapBytes, ramp.delivered.get(),
                    (System.nanoTime() - cancelAt) / 1e9, server.alive(), top);
        } catch (IOException | RuntimeException e) {
            // An exhausted heap shows here (jcmd or the cancel fails or times out): reported as not held.
            System.out.println("The server stopped answering with " + ramp.connected.get() + " streams open: " + e);
            return new Result(target, ramp.connected.get(), ramp.refused.get(), (System.nanoTime() - start) / 1e9, before, -1, maxHeapBytes,
                    ramp.delivered.get(), Double.NaN, false, top);
        } finally {
            ramp.streams.forEach(EventStream::close);
        }
    }

    /** The open streams and their counts; callbacks run on each stream's own reader thread. */
    private static final class Ramp {
        final HttpClient http;
        final HttpRequest request;
        final Semaphore connecting = new Semaphore(200);
        final AtomicInteger connected = new AtomicInteger();
        final AtomicInteger refused = new AtomicInteger();
        final AtomicInteger delivered = new AtomicInteger();
        final List<EventStream> streams = new ArrayList<>();
        final AtomicInteger ended = new AtomicInteger();

        Ramp(HttpClient http, HttpRequest request) {
            this.http = http;
            this.request = request;
        }

        void awaitAllEnded(Duration limit) throws InterruptedException {
            long deadline = System.nanoTime() + limit.toNanos();
            while (ended.get() < streams.size() && System.nanoTime() < deadline) {
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
                boolean[] state = {false}; // settled
                streams.add(EventStream.open(http, request, frame -> {
                    if (!state[0]) {
                        state[0] = true;
                        connected.incrementAndGet();
                        settled.countDown();
                        connecting.release();
                    } else if (frame.data().contains("\"status\":\"cancelled\"")) {
                        delivered.incrementAndGet();
                    }
                }, () -> {
                    if (!state[0]) {
                        state[0] = true;
                        refused.incrementAndGet();
                        settled.countDown();
                        connecting.release();
                    }
                    ended.incrementAndGet();
                }));
            }
            return settled.await(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
    }
}
