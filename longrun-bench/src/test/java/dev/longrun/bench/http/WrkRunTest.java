package dev.longrun.bench.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Reading wrk's report and writing its request script. */
class WrkRunTest {

    private static final String REPORT = """
            Running 8s test @ http://127.0.0.1:1234/api/jobs/x
              2 threads and 32 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency     5.12ms   10.00ms 200.00ms   95.00%
                Req/Sec     3.50k     1.00k    7.00k    70.00%
              Latency Distribution
                 50%  950.00us
                 75%    4.00ms
                 90%    6.00ms
                 99%    1.20s
              116568 requests in 8.01s, 20.00MB read
              Socket errors: connect 0, read 2, write 0, timeout 1
              Non-2xx or 3xx responses: 4
            Requests/sec:  14549.12
            Transfer/sec:      2.50MB
            """;

    @Test
    void rateRequestsErrorsAndPercentilesAreReadInMilliseconds() {
        WrkRun.Result r = WrkRun.parse(REPORT);

        assertThat(r.requestsPerSecond()).isEqualTo(14549.12);
        assertThat(r.requests()).isEqualTo(116568);
        assertThat(r.errors()).isEqualTo(7); // 2 read + 1 timeout + 4 non-2xx/3xx
        assertThat(r.p50Millis()).isCloseTo(0.95, within(1e-9));
        assertThat(r.p99Millis()).isCloseTo(1200, within(1e-9));
    }

    @Test
    void aReportWithoutARateIsRefusedWithTheOutputShown() {
        assertThatThrownBy(() -> WrkRun.parse("unable to connect to 127.0.0.1:1 Connection refused"))
                .hasMessageContaining("Connection refused");
    }

    @Test
    void theScriptSendsTheApiKeyHeadersAndTheEtagOnlyWhenAsked() {
        assertThat(WrkRun.script("\"7\"")).contains("wrk.headers[\"X-Longrun-Api-Key\"]", "wrk.headers[\"If-None-Match\"] = '\"7\"'");
        assertThat(WrkRun.script(null)).contains("X-Longrun-User").doesNotContain("If-None-Match");
    }

    @Test
    void theStartScriptSendsADistinctIdempotencyKeyWithEveryRequest() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(WrkRun.installed(), "wrk is not installed");
        java.util.Set<String> keys = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/jobs/start", exchange -> {
            requests.incrementAndGet();
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            boolean ok = key != null && "POST".equals(exchange.getRequestMethod())
                    && new String(exchange.getRequestBody().readAllBytes()).equals(HttpStarts.BODY)
                    && ServerUnderTest.API_KEY.equals(exchange.getRequestHeaders().getFirst("X-Longrun-Api-Key"));
            if (ok) {
                keys.add(key);
            }
            exchange.sendResponseHeaders(ok ? 202 : 400, -1);
            exchange.close();
        });
        server.start();
        try {
            WrkRun.Result r = WrkRun.runScript("http://127.0.0.1:" + server.getAddress().getPort() + "/api/jobs/start",
                    WrkRun.startScript(HttpStarts.BODY, "test"), 2, 4, java.time.Duration.ofSeconds(1));

            assertThat(r.errors()).isZero();
            assertThat(r.requests()).isPositive();
            assertThat(keys).hasSize(requests.get());
        } finally {
            server.stop(0);
        }
    }
}
