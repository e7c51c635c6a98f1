package dev.longrun.bench.http;

import java.time.Duration;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/jobs/{id}} of a running job, loaded by wrk: full bodies (200), then revalidation with the current
 * ETag (304). The job sits on its only step for an hour, so its version, and thus the ETag, stays the same; that
 * is checked after the runs.
 */
final class StatusReads {

    /** One wrk run with the server's CPU time per request (independent of what else the machine runs). */
    record Run(WrkRun.Result wrk, double serverCpuMicrosPerRequest, double load) {
    }

    record Result(Run full, Run cached, int connections, int threads) {
    }

    private StatusReads() {
    }

    static Result run(ServerUnderTest server, BenchApi api, int threads, int connections, Duration length) throws Exception {
        String id = api.startWait(3600, 1).get("id").asString();
        JsonNode job = api.awaitStep(id, 1, Duration.ofSeconds(60));
        String etag = "\"" + job.get("version").asLong() + "\"";
        String url = api.base() + "/api/jobs/" + id;
        // Warm-up (JIT): on a busy machine 5 s is not enough for the compiler to finish, and the CPU per request
        // then counts compilation; -Dhttp.reads.warmup=30 gives it time.
        int warmup = Integer.getInteger("http.reads.warmup", 5);
        WrkRun.run(url, null, threads, connections, Duration.ofSeconds(warmup));
        WrkRun.run(url, etag, threads, connections, Duration.ofSeconds(Math.max(3, warmup * 3 / 5)));
        Run full = measured(server, url, null, threads, connections, length);
        Run cached = measured(server, url, etag, threads, connections, length);
        JsonNode after = api.job(id);
        long versionAfter = after.get("version").asLong();
        if (!etag.equals("\"" + versionAfter + "\"")) {
            throw new IllegalStateException("The job changed during the run (version " + etag + " → " + versionAfter
                    + "), so not every cached read was a 304; fields that changed: " + changed(job, after));
        }
        api.cancelAndAwait(id);
        return new Result(full, cached, connections, threads);
    }

    /** The fields whose values differ, as "name: before → after", to tell which writer moved the version. */
    static String changed(JsonNode before, JsonNode after) {
        StringBuilder out = new StringBuilder();
        for (String name : after.propertyNames()) {
            if (!after.get(name).equals(before.get(name))) {
                out.append(out.isEmpty() ? "" : "; ").append(name).append(": ").append(before.get(name)).append(" → ").append(after.get(name));
            }
        }
        return out.toString();
    }

    private static Run measured(ServerUnderTest server, String url, String etag, int threads, int connections, Duration length) throws Exception {
        double load = Load.oneMinute();
        Duration cpuBefore = server.cpu();
        WrkRun.Result wrk = WrkRun.run(url, etag, threads, connections, length);
        Duration cpu = server.cpu().minus(cpuBefore);
        return new Run(wrk, cpu.toNanos() / 1000.0 / Math.max(1, wrk.requests()), load);
    }
}
