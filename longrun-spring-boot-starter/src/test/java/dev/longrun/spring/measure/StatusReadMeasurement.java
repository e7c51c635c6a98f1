package dev.longrun.spring.measure;

import dev.longrun.spring.support.Api;
import dev.longrun.spring.support.ApiTestBase;
import dev.longrun.spring.support.OnPostgres;
import dev.longrun.spring.testapp.Gates;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Status-read figure: {@code GET /api/jobs/{id}} of a running job by 32 concurrent pollers for a few seconds, with and
 * without {@code If-None-Match} (client and server share this JVM and the machine's cores, PostgreSQL store).
 * Run: {@code ./mvnw -pl longrun-spring-boot-starter -am test -Dtest=StatusReadMeasurement -Dlongrun.measure=true -Dsurefire.failIfNoSpecifiedTests=false}
 */
@OnPostgres
@EnabledIfSystemProperty(named = "longrun.measure", matches = "true")
class StatusReadMeasurement extends ApiTestBase {

    private static final int CLIENTS = 32;
    private static final Duration RUN = Duration.ofSeconds(8);

    @Test
    void statusReadsPerSecondWithAndWithoutEtag() throws Exception {
        Api.Who who = newUser();
        String g = gate();
        String id = startId(who, "test.steps", "{\"gate\":\"" + g + "\",\"steps\":1}");
        Gates.open(g + "/0");
        awaitStep(who, id, 1);
        String etag = api.get("/api/jobs/" + id).as(who).send().header("ETag");
        run(who, id, null, Duration.ofSeconds(3)); // warm-up
        double plain = run(who, id, null, RUN);
        double cached = run(who, id, etag, RUN);
        Gates.open(g + "/1");
        System.out.printf("%nGET /api/jobs/{id} (running job, %d clients): %.0f req/s with full bodies, %.0f req/s answered 304 via ETag%n",
                CLIENTS, plain, cached);
    }

    private double run(Api.Who who, String id, String etag, Duration length) throws Exception {
        LongAdder done = new LongAdder();
        long until = System.nanoTime() + length.toNanos();
        int expected = etag == null ? 200 : 304;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                clients.add(pool.submit(() -> {
                    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.base() + "/api/jobs/" + id)).GET();
                    who.headers().forEach(b::header);
                    if (etag != null) {
                        b.header("If-None-Match", etag);
                    }
                    HttpRequest request = b.build();
                    while (System.nanoTime() < until) {
                        HttpResponse<byte[]> r = api.http().send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (r.statusCode() != expected) {
                            throw new AssertionError("status " + r.statusCode());
                        }
                        done.increment();
                    }
                    return null;
                }));
            }
            for (Future<?> f : clients) {
                f.get();
            }
        }
        return done.sum() / (length.toNanos() / 1e9);
    }
}
