package dev.longrun.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Speaks real HTTP to a started server as one user (API key + X-Longrun-User/Account), for the end-to-end tests. */
public final class ApiClient {

    public static final String API_KEY = "demo-key-change-me";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final String account;
    private final String user;

    public ApiClient(int port, String account, String user) {
        this.base = "http://127.0.0.1:" + port;
        this.account = account;
        this.user = user;
    }

    public record Response(int status, String body, byte[] bytes, java.net.http.HttpHeaders headers) {
        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    public Response get(String path) {
        return send(request(path).GET().build());
    }

    public Response post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json)).build());
    }

    public Response upload(String filename, byte[] content) {
        String boundary = "----longrun" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return send(request("/api/uploads").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, content, tail))).build());
    }

    /** Uploads a file and starts an import of it; returns the job id. */
    public String startImport(String filename, byte[] content) {
        Response upload = upload(filename, content);
        assertThat(upload.status()).as(upload.body()).isEqualTo(201);
        return start("contacts.import", "{\"upload_id\":\"" + upload.json().get("upload_id").asString() + "\"}");
    }

    /** Starts a job and returns its id. */
    public String start(String type, String paramsJson) {
        return start("{\"type\":\"" + type + "\",\"params\":" + paramsJson + "}");
    }

    public String start(String bodyJson) {
        Response r = post("/api/jobs/start", bodyJson);
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        return r.json().get("id").asString();
    }

    public JsonNode job(String id) {
        Response r = get("/api/jobs/" + id);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    /** Polls until the job reaches one of the statuses (at most 60 s) and returns it. */
    public JsonNode awaitStatus(String id, String... statuses) {
        JsonNode[] last = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .alias("job " + id + " to reach " + Arrays.toString(statuses))
                .until(() -> {
                    last[0] = job(id);
                    return Arrays.asList(statuses).contains(last[0].get("status").asString());
                });
        return last[0];
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
                .timeout(Duration.ofSeconds(60))
                .header("X-Longrun-Api-Key", API_KEY);
        if (account != null) {
            b.header("X-Longrun-Account", account).header("X-Longrun-User", user);
        }
        return b;
    }

    private static Response send(HttpRequest request) {
        try {
            HttpResponse<byte[]> r = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8), r.body(), r.headers());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
