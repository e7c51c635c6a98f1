package dev.longrun.bench.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The clients of a chaos run: every call goes to a random live node and, when that node is dead or answers 5xx, is
 * retried on another one, as a load balancer with retries would. Starts carry an Idempotency-Key, so a retry after a
 * timeout never starts a job twice. Counts the 5xx answers and refused connections clients saw.
 */
final class ChaosClient {

    static final String API_KEY = "demo-key-change-me";
    static final String ACCOUNT = "acme";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int ATTEMPTS = 60;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final List<ServerNode> nodes;
    private final String user;
    private final Random random = new Random();
    final AtomicLong requests = new AtomicLong();
    final AtomicLong serverErrors = new AtomicLong();
    final AtomicLong connectionFailures = new AtomicLong();

    ChaosClient(List<ServerNode> nodes, String user) {
        this.nodes = nodes;
        this.user = user;
    }

    /** POST /api/jobs/start with the key; the job (new or the one the key already started). */
    JsonNode start(String type, String paramsJson, String key) throws InterruptedException {
        String body = "{\"type\":\"" + type + "\",\"params\":" + paramsJson + "}";
        return call(() -> request("/api/jobs/start").header("Idempotency-Key", key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** POST /api/uploads of a CSV; its upload_id. */
    String upload(String filename, String csv) throws InterruptedException {
        String boundary = "chaos" + Long.toHexString(random.nextLong());
        String part = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        return call(() -> request("/api/uploads").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))).get("upload_id").asString();
    }

    /** The current state of up to 200 jobs, one batch poll. */
    List<JsonNode> poll(Collection<String> ids) throws InterruptedException {
        JsonNode page = call(() -> request("/api/jobs?limit=200&ids=" + String.join(",", ids)).GET());
        List<JsonNode> jobs = new ArrayList<>();
        page.get("jobs").forEach(jobs::add);
        return jobs;
    }

    void confirm(String id) throws InterruptedException {
        call(() -> request("/api/jobs/" + id + "/confirm").POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** Ids of the account's first contacts (the demo seed). */
    List<Long> contactIds(int limit) throws InterruptedException {
        List<Long> ids = new ArrayList<>();
        call(() -> request("/api/contacts?limit=" + limit).GET()).get("contacts").forEach(c -> ids.add(c.get("id").asLong()));
        return ids;
    }

    private HttpRequest.Builder request(String path) {
        ServerNode node = liveNode();
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + path)).timeout(Duration.ofSeconds(15))
                .header("X-Longrun-Api-Key", API_KEY).header("X-Longrun-User", user).header("X-Longrun-Account", ACCOUNT);
    }

    private ServerNode liveNode() {
        List<ServerNode> live = nodes.stream().filter(ServerNode::healthy).toList();
        List<ServerNode> from = live.isEmpty() ? nodes : live;
        synchronized (random) {
            return from.get(random.nextInt(from.size()));
        }
    }

    private JsonNode call(Supplier<HttpRequest.Builder> request) throws InterruptedException {
        String last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            HttpRequest req = request.get().build();
            requests.incrementAndGet();
            try {
                HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() < 300) {
                    return JSON.readTree(r.body());
                }
                last = req.method() + " " + req.uri() + " answered " + r.statusCode() + ": " + r.body();
                if (r.statusCode() < 500) {
                    throw new IllegalStateException(last);
                }
                serverErrors.incrementAndGet();
            } catch (IOException e) {
                connectionFailures.incrementAndGet();
                last = req.method() + " " + req.uri() + ": " + e;
            }
            Thread.sleep(100L + 50L * Math.min(attempt, 10));
        }
        throw new IllegalStateException("Gave up after " + ATTEMPTS + " attempts: " + last);
    }
}
