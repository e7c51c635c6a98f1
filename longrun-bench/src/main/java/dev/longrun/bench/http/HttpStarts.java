package dev.longrun.bench.http;

import java.time.Duration;
import java.util.UUID;

/**
 * {@code POST /api/jobs/start} loaded by wrk, every request with an Idempotency-Key of its own (so each one creates a
 * job), authenticated with the API key as a backend sends it. The started job is {@code demo.wait} for an hour, so the
 * server's workers are busy with a few and the rest wait in the queue, as under a burst of real starts. Run on a fresh
 * server: the jobs it leaves behind would hold up the other parts' jobs.
 */
final class HttpStarts {

    static final String BODY = "{\"type\":\"demo.wait\",\"params\":{\"seconds\":3600,\"steps\":1}}";

    private HttpStarts() {
    }

    static StatusReads.Run run(ServerUnderTest server, BenchApi api, int threads, int connections, Duration length) throws Exception {
        String url = api.base() + "/api/jobs/start";
        WrkRun.runScript(url, WrkRun.startScript(BODY, "warmup-" + UUID.randomUUID()), threads, connections,
                Duration.ofSeconds(Integer.getInteger("http.starts.warmup", 3)));
        double load = Load.oneMinute();
        Duration cpuBefore = server.cpu();
        WrkRun.Result wrk = WrkRun.runScript(url, WrkRun.startScript(BODY, UUID.randomUUID().toString()), threads, connections, length);
        Duration cpu = server.cpu().minus(cpuBefore);
        return new StatusReads.Run(wrk, cpu.toNanos() / 1000.0 / Math.max(1, wrk.requests()), load);
    }
}
