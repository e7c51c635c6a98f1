package dev.longrun.bench.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The few API calls the benchmark makes to set a scene (start a job, read it, cancel it), as the user "bench". */
final class BenchApi {

    static final String USER = "bench";
    static final String ACCOUNT = "bench";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    BenchApi(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    String base() {
        return base;
    }

    /**
     * Starts {@code demo.wait} and returns the new job. With a key of its own: without one, the same request while an
     * earlier one is still active (say, cancel requested but not yet stopped) returns that earlier job, as the API
     * promises, and a run then measured a job about to change (the "version 4 → 5" abort of issue 14).
     */
    JsonNode startWait(int seconds, int steps) throws IOException, InterruptedException {
        String body = "{\"type\":\"demo.wait\",\"params\":{\"seconds\":" + seconds + ",\"steps\":" + steps + "}}";
        JsonNode job = call(request("/api/jobs/start").header("Content-Type", "application/json")
                .header("Idempotency-Key", "bench-" + java.util.UUID.randomUUID()).POST(HttpRequest.BodyPublishers.ofString(body)));
        if (job.get("version").asLong() != 1) {
            throw new IllegalStateException("The start returned a job that is not new: " + job);
        }
        return job;
    }

    /** Cancels the job and waits (bounded) until it has stopped, so the next part starts on a quiet server. */
    void cancelAndAwait(String id) throws IOException, InterruptedException {
        cancel(id);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!"cancelled".equals(job(id).path("status").asString()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    JsonNode job(String id) throws IOException, InterruptedException {
        return call(request("/api/jobs/" + id).GET());
    }

    JsonNode cancel(String id) throws IOException, InterruptedException {
        return call(request("/api/jobs/" + id + "/cancel").POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** Polls (bounded) until the job has reached {@code step}; returns it. */
    JsonNode awaitStep(String id, int step, Duration limit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            JsonNode job = job(id);
            if (job.path("current_step").asInt(0) >= step) {
                return job;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Job " + id + " did not reach step " + step + " within " + limit.toSeconds() + " s: " + job);
            }
            Thread.sleep(100);
        }
    }

    /** The headers that make a request the bench user's, as {@code Name: value} lines. */
    List<String> headers() {
        return List.of("X-Longrun-Api-Key: " + ServerUnderTest.API_KEY, "X-Longrun-User: " + USER, "X-Longrun-Account: " + ACCOUNT);
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .header("X-Longrun-Api-Key", ServerUnderTest.API_KEY).header("X-Longrun-User", USER).header("X-Longrun-Account", ACCOUNT);
    }

    private JsonNode call(HttpRequest.Builder req) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(r.request().method() + " " + r.uri() + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    static JsonNode parse(String json) {
        return JSON.readTree(json);
    }
}
