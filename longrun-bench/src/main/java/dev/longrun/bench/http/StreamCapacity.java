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
 * How many event streams the server holds in its heap: N streams on one running job, opened at most {@code 200} at a
 * time; then the live heap after a full GC, compared with before; then the job is cancelled and every stream must
 * deliver the final state (so the streams are not only open but working).
 */
final class StreamCapacity {

    record Result(int target, int connected, int refused, double openSeconds, long liveBeforeBytes, long liveAfterBytes,
                  int delivered, double deliverSeconds, boolean serverAlive, List<String> topClasses) {

        double kibPerStream() {
            return connected == 0 ? Double.NaN : (liveAfterBytes - liveBeforeBytes) / 1024.0 / connected;
        }
    }

    private StreamCapacity() {
    }

    static Result run(ServerUnderTest server, BenchApi api, int target) throws Exception {
        String id = api.startWait(3600, 1).get("id").asString();
        api.awaitStep(id, 1, Duration.ofSeconds(60));
        long before = server.liveHeapBytes();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(20)).build();
        HttpRequest request = api.request("/api/jobs/" + id + "/events").timeout(Duration.ofMinutes(10)).header("Accept", "text/event-stream").build();
        Semaphore opening = new Semaphore(200);
        CountDownLatch settled = new CountDownLatch(target); // connected or failed
        CountDownLatch ended = new CountDownLatch(target);
        AtomicInteger connected = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger delivered = new AtomicInteger();
        List<EventStream> streams = new ArrayList<>();
        long start = System.nanoTime();
        long openDeadline = start + TimeUnit.SECONDS.toNanos(150);
        try {
            for (int i = 0; i < target && server.alive(); i++) {
                if (!opening.tryAcquire(Math.max(1, openDeadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    break;
                }
                boolean[] state = {false, false}; // first frame seen, released
                streams.add(EventStream.open(http, request, frame -> {
                    if (!state[0]) {
                        state[0] = true;
                        state[1] = true;
                        connected.incrementAndGet();
                        settled.countDown();
                        opening.release();
                    } else if (frame.data().contains("\"status\":\"cancelled\"")) {
                        delivered.incrementAndGet();
                    }
                }, () -> {
                    if (!state[1]) {
                        state[1] = true;
                        refused.incrementAndGet();
                        settled.countDown();
                        opening.release();
                    }
                    ended.countDown();
                }));
            }
            settled.await(Math.max(1, openDeadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            double openSeconds = (System.nanoTime() - start) / 1e9;
            long after = -1;
            List<String> top = List.of();
            long cancelAt = System.nanoTime();
            try {
                after = server.liveHeapBytes();
                top = server.topClasses(12);
                cancelAt = System.nanoTime();
                api.cancel(id);
                ended.await(120, TimeUnit.SECONDS);
            } catch (IOException | RuntimeException e) {
                // An exhausted heap shows here (jcmd or the cancel fails or times out): reported as not held.
                System.out.println("The server stopped answering with " + connected.get() + " streams open: " + e);
            }
            double deliverSeconds = (System.nanoTime() - cancelAt) / 1e9;
            return new Result(target, connected.get(), refused.get(), openSeconds, before, after, delivered.get(), deliverSeconds,
                    server.alive() && after > 0, top);
        } finally {
            streams.forEach(EventStream::close);
        }
    }
}
