package dev.longrun.spring.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small real-HTTP client for the API under test (java.net.http), with the caller's credentials as headers. */
public final class Api {

    public static final String API_KEY = "test-api-key-0123456789";
    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public Api(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public String base() {
        return base;
    }

    public HttpClient http() {
        return http;
    }

    /** Who calls: a set of headers (API key + user, bearer token, cookie, or nothing). */
    public record Who(Map<String, String> headers) {
        public static Who apiKey(String account, String user) {
            return new Who(Map.of("X-Longrun-Api-Key", API_KEY, "X-Longrun-Account", account, "X-Longrun-User", user));
        }

        public static Who bearer(String token) {
            return new Who(Map.of("Authorization", "Bearer " + token));
        }

        public static Who cookie(String token) {
            return new Who(Map.of("Cookie", "longrun_session=" + token));
        }

        /** The session cookie as the dashboard's own scripts send it (with the same-site header their writes carry). */
        public static Who page(String token) {
            return new Who(Map.of("Cookie", "longrun_session=" + token, "X-Longrun-Csrf", "1"));
        }

        public static Who nobody() {
            return new Who(Map.of());
        }
    }

    public Call get(String path) {
        return new Call("GET", path);
    }

    public Call post(String path) {
        return new Call("POST", path);
    }

    public Call method(String method, String path) {
        return new Call(method, path);
    }

    /** One request being put together. */
    public final class Call {
        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();

        private Call(String method, String path) {
            this.method = method;
            this.path = path;
        }

        public Call as(Who who) {
            headers.putAll(who.headers());
            return this;
        }

        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Call json(String json) {
            headers.putIfAbsent("Content-Type", "application/json");
            body = HttpRequest.BodyPublishers.ofString(json);
            return this;
        }

        public Call body(String contentType, byte[] bytes) {
            headers.put("Content-Type", contentType);
            body = HttpRequest.BodyPublishers.ofByteArray(bytes);
            return this;
        }

        public Res send() {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
                    .timeout(Duration.ofSeconds(30)).method(method, body);
            headers.forEach(b::header);
            try {
                HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
                return new Res(r);
            } catch (Exception e) {
                throw new IllegalStateException(method + " " + path + " failed: " + e, e);
            }
        }
    }

    /** A response, with its body as text and as JSON. */
    public static final class Res {
        private final HttpResponse<byte[]> r;

        Res(HttpResponse<byte[]> r) {
            this.r = r;
        }

        public int status() {
            return r.statusCode();
        }

        public String header(String name) {
            return r.headers().firstValue(name).orElse(null);
        }

        public byte[] bytes() {
            return r.body();
        }

        public String body() {
            return new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            return JSON.readTree(r.body());
        }

        @Override
        public String toString() {
            return r.statusCode() + " " + r.headers().firstValue("Content-Type").orElse("") + " " + body();
        }
    }
}
