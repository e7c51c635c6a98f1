package dev.longrun.spring.measure;

import dev.longrun.spring.support.Api;
import dev.longrun.spring.support.ApiTestBase;
import dev.longrun.spring.support.OnPostgres;
import dev.longrun.spring.support.SseStream;
import dev.longrun.spring.testapp.Gates;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Fan-out figure: 1,000 SSE subscribers on one job (client and server in this JVM, PostgreSQL store); each step's
 * latency is the time from the change being stamped ({@code updated_at}) to the frame arriving at a client.
 * Run: {@code ./mvnw -pl longrun-spring-boot-starter -am test -Dtest=SseFanOutMeasurement -Dlongrun.measure=true -Dsurefire.failIfNoSpecifiedTests=false}
 */
@OnPostgres
@EnabledIfSystemProperty(named = "longrun.measure", matches = "true")
class SseFanOutMeasurement extends ApiTestBase {

    private static final int SUBSCRIBERS = Integer.getInteger("longrun.measure.subscribers", 1000);
    private static final int STEPS = 20;

    @Test
    void progressReachesEverySubscriber() throws Exception {
        Api.Who who = newUser();
        String g = gate();
        String id = startId(who, "test.steps", "{\"gate\":\"" + g + "\",\"steps\":" + STEPS + "}");
        Gates.open(g + "/0");
        awaitStep(who, id, 1);
        List<SseStream> streams = Collections.synchronizedList(new ArrayList<>());
        long openStart = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<SseStream>> opening = new ArrayList<>();
            for (int i = 0; i < SUBSCRIBERS; i++) {
                opening.add(pool.submit(() -> SseStream.open(api.http(), api.base() + "/api/jobs/" + id + "/events", who.headers())));
            }
            for (Future<SseStream> f : opening) {
                SseStream s = f.get();
                streams.add(s);
                if (s.nextEvent(Duration.ofSeconds(30)) == null) {
                    throw new AssertionError("a subscriber got no first frame");
                }
            }
        }
        double openSeconds = (System.nanoTime() - openStart) / 1e9;
        List<Long> latenciesMicros = Collections.synchronizedList(new ArrayList<>());
        for (int step = 1; step <= STEPS; step++) {
            Gates.open(g + "/" + step);
            int target = step + 1 > STEPS ? -1 : step + 1;
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (SseStream s : streams) {
                    pool.submit(() -> {
                        SseStream.Frame f;
                        while ((f = s.nextEvent(Duration.ofSeconds(30))) != null && !f.end()) {
                            var job = f.json();
                            Instant stamped = Instant.parse(job.get("updated_at").asString());
                            latenciesMicros.add(Duration.between(stamped, f.receivedAt()).toNanos() / 1000);
                            if (target < 0 ? job.get("status").asString().equals("succeeded") : job.path("current_step").asInt() >= target) {
                                break;
                            }
                        }
                        return null;
                    });
                }
            }
        }
        streams.forEach(SseStream::close);
        List<Long> sorted = new ArrayList<>(latenciesMicros);
        Collections.sort(sorted);
        System.out.printf("%nSSE fan-out: %d subscribers opened in %.1f s; %d frames; progress→client latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                SUBSCRIBERS, openSeconds, sorted.size(), pct(sorted, 50) / 1000.0, pct(sorted, 99) / 1000.0, sorted.get(sorted.size() - 1) / 1000.0);
    }

    private static long pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
