package dev.longrun.server.security;

import static dev.longrun.server.security.BadInput.ALICE;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The corpus of the bad-input test: what the penetration test of issue 12 sent, and more of each kind. Every
 * endpoint of the server appears; job-specific paths use a real job of alice's ({@code jobId}).
 */
final class BadInputs {

    private final String jobId;
    private final List<BadInput> all = new ArrayList<>();

    private BadInputs(String jobId) {
        this.jobId = jobId;
    }

    static List<BadInput> all(String jobId) {
        BadInputs b = new BadInputs(jobId);
        b.requestLines();
        b.methods();
        b.queryStrings();
        b.headers();
        b.startBodies();
        b.paramsValues();
        b.otherBodies();
        b.filenames();
        return List.copyOf(b.all);
    }

    private List<String> getPaths() {
        return List.of("/api/jobs", "/api/jobs/" + jobId, "/api/jobs/" + jobId + "/items", "/api/jobs/" + jobId + "/logs",
                "/api/jobs/" + jobId + "/events", "/api/events", "/api/job-types", "/api/notifications", "/api/notifications/outbox",
                "/api/notification-preferences", "/api/webhooks", "/api/webhooks/" + UUID.randomUUID() + "/deliveries", "/api/session",
                "/api/contacts", "/api/outbox", "/api/openapi.json", "/api/files/not-a-token");
    }

    private List<String> postPaths() {
        return List.of("/api/jobs/start", "/api/jobs/cancel-all", "/api/jobs/clear-finished", "/api/jobs/" + jobId + "/cancel",
                "/api/jobs/" + jobId + "/confirm", "/api/jobs/" + jobId + "/result-link", "/api/jobs/" + jobId + "/retry",
                "/api/jobs/" + jobId + "/retry-failed", "/api/notifications/read-all", "/api/notifications/1/read", "/api/webhooks",
                "/api/webhooks/" + UUID.randomUUID() + "/test", "/api/files/zip", "/api/session", "/api/tokens", "/api/uploads");
    }

    /** Request targets Tomcat refuses (failure 1), under the API and elsewhere. */
    private void requestLines() {
        String[] bad = {"a\\b", "{x}", "|", "^", "`", "<x>", "\"q\"", "#frag", "\u0080", "\u00e9", "\u00ff", "\u0000", "\u007f", "%", "%zz",
                "%2f", "%2F..%2F", "%00", "..;/x", "%c0%ae", "%%", "a%2", "[::1]", "\t"};
        for (String prefix : List.of("/api/jobs/", "/api/", "/index.html", "/longrun/")) {
            for (String s : bad) {
                all.add(BadInput.of("request line", "GET " + prefix + s, "GET " + prefix + s + " HTTP/1.1\r\n" + ALICE)
                        .expect(prefix.startsWith("/api/") && List.of("a\\b", "{x}", "#frag", "\u0080", "\u00e9").contains(s) ? 400 : 0));
            }
        }
        all.add(BadInput.of("request line", "curl 'http://HOST/api/jobs/a\\b'", "GET /api/jobs/a\\b HTTP/1.1").expect(400));
        all.add(BadInput.of("request line", "curl -g 'http://HOST/api/jobs/{x}'", "GET /api/jobs/{x} HTTP/1.1").expect(400));
        all.add(BadInput.of("request line", "a 10,000-character path", "GET /api/jobs/" + "a".repeat(10_000) + " HTTP/1.1\r\n" + ALICE));
        all.add(BadInput.of("request line", "a 10,000-character query", "GET /api/jobs?x=" + "a".repeat(10_000) + " HTTP/1.1\r\n" + ALICE));
        // 505 is the true answer to a version the server does not speak: the one 5xx the corpus expects
        all.add(BadInput.of("request line", "HTTP/9.9", "GET /api/jobs HTTP/9.9\r\n" + ALICE).expect(505));
        all.add(BadInput.of("request line", "absolute-form target", "GET http://127.0.0.1/api/jobs/{x} HTTP/1.1\r\n" + ALICE));
    }

    /** Methods no endpoint has (failure 4: TRACE answered in Spring Boot's default format). */
    private void methods() {
        for (String path : List.of("/api/jobs", "/api/jobs/start", "/api/jobs/" + jobId, "/api/session", "/api/uploads", "/api/webhooks")) {
            for (String method : List.of("TRACE", "PATCH", "FOO", "PUT", "DELETE")) {
                if (path.equals("/api/session") && method.equals("DELETE")) {
                    continue; // signs out: a valid request
                }
                all.add(BadInput.of("method", method + " " + path, method + " " + path + " HTTP/1.1\r\n" + ALICE)
                        .expect(method.equals("TRACE") ? 405 : 0));
            }
        }
    }

    /** Broken percent-escapes and values of the wrong kind in query strings (failures 3 and 4). */
    private void queryStrings() {
        String[] queries = {"x=%zz", "status=%zz", "limit=%e9", "%", "a=%4", "q=%c3%28", "limit=%ff%fe", "cursor=%", "%zz=1",
                "limit=NaN", "limit=1.5", "limit=1e3", "limit=99999999999999999999", "limit=-0", "status=%00", "ids=%0a", "query=%ed%a0%80"};
        for (String path : getPaths()) {
            for (String q : queries) {
                boolean malformed = q.contains("%") && !q.equals("query=%ed%a0%80") && !q.startsWith("status=%00") && !q.startsWith("ids=%0a");
                all.add(BadInput.of("query string", "GET " + path + "?" + q, "GET " + path + "?" + q + " HTTP/1.1\r\n" + ALICE)
                        .expect(malformed ? 400 : 0));
            }
        }
        all.add(BadInput.of("query string", "no credentials, ?x=%zz (seen first by the authentication filter)",
                "GET /api/jobs?x=%zz HTTP/1.1").expect(400));
        all.add(BadInput.of("query string", "no credentials, ?access_token=%zz", "GET /api/events?access_token=%zz HTTP/1.1").expect(400));
    }

    /** Control characters, bytes 0x80–0x9F and oversized values in headers (failure 3). */
    private void headers() {
        String[] names = {"If-None-Match", "Idempotency-Key", "Last-Event-ID", "X-Longrun-User", "X-Longrun-Account",
                "X-Longrun-Api-Key", "Authorization", "Cookie", "Accept", "Origin", "Accept-Language", "X-Forwarded-Proto"};
        Map<String, String> values = Map.of("0x80", "a\u0080b", "0x85", "a\u0085b", "0x9f", "a\u009fb", "0x01", "a\u0001b",
                "0x7f", "a\u007fb", "0x1b escape", "a\u001b[31mb", "8 KiB", "k".repeat(9_000), "0xff", "a\u00ffb");
        for (String name : names) {
            for (Map.Entry<String, String> v : values.entrySet()) {
                boolean control = !v.getKey().equals("8 KiB") && !v.getKey().equals("0xff");
                String creds = name.startsWith("X-Longrun") || name.equals("Authorization") ? "" : ALICE + "\r\n";
                all.add(BadInput.of("header", name + " with " + v.getKey() + " on GET /api/jobs/{id}",
                        "GET /api/jobs/" + jobId + " HTTP/1.1\r\n" + creds + name + ": " + v.getValue()).expect(control ? 400 : 0));
                all.add(new BadInput("header", name + " with " + v.getKey() + " on POST /api/jobs/start",
                        "POST /api/jobs/start HTTP/1.1\r\n" + creds + "Content-Type: application/json\r\n" + name + ": " + v.getValue(),
                        "{\"type\":\"demo.wait\",\"params\":{\"seconds\":0}}".getBytes(StandardCharsets.UTF_8), control ? 400 : 0));
            }
        }
        for (String v : List.of("a\u0085b", "yesterday", "-1", "1.5", "NaN", "99999999999999999999999")) {
            all.add(BadInput.of("header", "Last-Event-ID " + v + " on the job's events", "GET /api/jobs/" + jobId
                    + "/events HTTP/1.1\r\n" + ALICE + "\r\nLast-Event-ID: " + v));
        }
        // Headers that name one thing, sent twice (the first X-Longrun-User won, so behind a proxy that appends its own
        // after the browser's acted for the browser's choice; two Idempotency-Keys were joined into one key "a,b").
        Map<String, String> once = Map.of("X-Longrun-User", "bob", "X-Longrun-Account", "globex", "X-Longrun-Api-Key", "demo-key-change-me",
                "Idempotency-Key", "k2", "Content-Type", "text/plain");
        once.forEach((name, second) -> all.add(new BadInput("header", name + " twice on POST /api/jobs/start",
                "POST /api/jobs/start HTTP/1.1\r\n" + ALICE + "\r\nContent-Type: application/json\r\nIdempotency-Key: k1\r\n" + name + ": " + second,
                "{\"type\":\"demo.wait\",\"params\":{\"seconds\":0}}".getBytes(StandardCharsets.UTF_8), 400)));
        all.add(BadInput.of("header", "Authorization twice on GET /api/jobs", "GET /api/jobs HTTP/1.1\r\nX-Longrun-Account: acme\r\n"
                + "X-Longrun-User: alice\r\nAuthorization: Bearer demo-key-change-me\r\nAuthorization: Bearer other-key").expect(400));
        all.add(BadInput.of("header", "Last-Event-ID twice on the job's events", "GET /api/jobs/" + jobId + "/events HTTP/1.1\r\n" + ALICE
                + "\r\nLast-Event-ID: 1\r\nLast-Event-ID: 2").expect(400));
        all.add(BadInput.of("header", "200 headers", "GET /api/jobs HTTP/1.1\r\n" + ALICE + "\r\n"
                + "X-Pad: 1\r\n".repeat(200).strip()));
        all.add(BadInput.of("header", "header without colon", "GET /api/jobs HTTP/1.1\r\n" + ALICE + "\r\nNoColonHere"));
        all.add(BadInput.of("header", "Content-Length: -1", "POST /api/jobs/start HTTP/1.1\r\n" + ALICE + "\r\nContent-Length: -1"));
    }

    /** Start requests with fields of the wrong kind (failure 3: depends_on {} and ["a"] were 500s). */
    private void startBodies() {
        String[] bodies = {"{\"type\":\"demo.wait\",\"depends_on\":{}}", "{\"type\":\"demo.wait\",\"depends_on\":[\"a\"]}",
                "{\"type\":\"demo.wait\",\"depends_on\":1}", "{\"type\":\"demo.wait\",\"depends_on\":true}",
                "{\"type\":\"demo.wait\",\"depends_on\":\"\"}", "{\"type\":[]}", "{\"type\":{}}", "{\"type\":1.5}", "{\"type\":\"\\u0000\"}",
                "{\"type\":\"demo.wait\",\"params\":\"NaN\"}", "{\"type\":\"demo.wait\",\"params\":1}", "NaN", "[]", "\"x\"", "1e400",
                "{\"type\":\"demo.wait\",\"type\":\"x\"}", "[".repeat(5_000), "{\"a\":".repeat(2_000), "{\"type\":\"demo.wait\"", "\u0000",
                "{\"type\":\"" + "x".repeat(20_000) + "\"}", "{\"type\":\"demo.wait\",\"params\":{\"seconds\":0}}\u0000"};
        for (String b : bodies) {
            all.add(BadInput.json("start body", "POST", "/api/jobs/start", b).expect(b.contains("depends_on\":{}") || b.contains("[\"a\"]")
                    || b.contains("\"type\":\"demo.wait\",\"type\"") ? 400 : 0));
        }
        // A key given twice is refused, not read as its last value: another reader of the same body (a proxy's
        // filter, an audit log) may take the first, and the two would disagree on what was asked.
        for (String b : List.of("{\"type\":\"demo.wait\",\"params\":{\"seconds\":1,\"seconds\":86400}}",
                "{\"type\":\"contacts.export\",\"type\":\"demo.wait\"}", "{\"type\":\"demo.wait\",\"params\":{},\"params\":{\"fail\":true}}")) {
            all.add(BadInput.json("duplicate key", "POST", "/api/jobs/start", b).expect(400));
        }
    }

    /** Every params field of every job type with values of the wrong kind (failure 6: NaN and fractions got through). */
    private void paramsValues() {
        Map<String, List<String>> fields = Map.of("demo.wait", List.of("seconds", "steps", "fail"), "contacts.dedupe", List.of("threshold"),
                "contacts.export", List.of("query"), "contacts.import", List.of("upload_id"), "contacts.invite", List.of("contact_ids", "query"),
                "reports.generate", List.of("title"));
        String[] values = {"\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "NaN", "1.5", "0.5", "1e400", "-1e400", "99999999999999999999", "-1",
                "true", "[]", "{}", "\"x\"", "\"" + "x".repeat(5_000) + "\"", "\"\\u0000\"", "[1.5]", "[\"NaN\"]", "[null]", "2147483648"};
        fields.forEach((type, names) -> {
            for (String field : names) {
                for (String v : values) {
                    String body = "{\"type\":\"" + type + "\",\"params\":{\"" + field + "\":" + v + "}}";
                    all.add(BadInput.json("params", "POST", "/api/jobs/start", body).expect(pinned(type, field, v)));
                }
            }
        });
    }

    private static int pinned(String type, String field, String v) {
        boolean numeric = field.equals("seconds") || field.equals("steps") || field.equals("threshold");
        boolean notAFiniteNumberOrFraction = v.contains("NaN") || v.contains("Infinity") || v.equals("1.5") || v.contains("e400");
        return numeric && notAFiniteNumberOrFraction ? 400 : 0;
    }

    /** Bodies of the other endpoints that take one. */
    private void otherBodies() {
        String[] bodies = {"", "{}", "[]", "null", "NaN", "{\"ids\":{}}", "{\"ids\":[\"NaN\"]}", "{\"job_ids\":[1.5]}", "{\"url\":{}}",
                "{\"url\":\"http://[::1]/\"}", "{\"username\":[],\"password\":{}}", "{\"username\":\"a\\u0000\",\"password\":\"x\"}",
                "{\"ttl_seconds\":\"NaN\"}", "{\"ttl_seconds\":1e400}", "{\"job_id\":{}}", "{\"email\":1.5,\"in_app\":\"NaN\"}"};
        for (String path : List.of("/api/files/zip", "/api/tokens", "/api/webhooks", "/api/jobs/" + jobId + "/retry-failed",
                "/api/jobs/" + jobId + "/result-link", "/api/jobs/cancel-all", "/api/jobs/clear-finished")) {
            for (String b : bodies) {
                all.add(BadInput.json("body", "POST", path, b));
            }
        }
        for (String b : bodies) {
            all.add(BadInput.json("body", "PUT", "/api/notification-preferences", b));
        }
        for (String id : List.of("NaN", "1.5", "-1", "99999999999999999999", "%20", "0x10")) {
            all.add(BadInput.json("path", "POST", "/api/notifications/" + id + "/read", ""));
        }
        for (String path : postPaths()) {
            all.add(new BadInput("body", "text/plain to " + path, "POST " + path + " HTTP/1.1\r\n" + ALICE + "\r\nContent-Type: text/plain",
                    "type=x".getBytes(StandardCharsets.UTF_8), 0));
        }
    }

    /** Uploads with file names a file system or a page could trip on (failure 7: a long name was "too large"). */
    private void filenames() {
        String[] names = {"a".repeat(450) + ".csv", "a".repeat(5_000) + ".csv", "../../etc/passwd", "..\\..\\win.ini", "a\u0000b.csv",
                "<script>alert(1)</script>.csv", "CON", "", ".csv", "\u202egnp.csv", "%00.csv", "\u00e9\u00e8.csv", "a\"b.csv", "a;b=c.csv",
                "/", ".", "..", "\u0085.csv", "a\u0001.csv"};
        for (String n : names) {
            String boundary = "corpus" + UUID.randomUUID();
            byte[] body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + n
                    + "\"\r\nContent-Type: text/csv\r\n\r\nname,email\nA,a@example.com\n\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
            all.add(new BadInput("filename", "upload named " + BadInput.cut(n), "POST /api/uploads HTTP/1.1\r\n" + ALICE
                    + "\r\nContent-Type: multipart/form-data; boundary=" + boundary, body, n.length() == 454 ? 400 : 0));
        }
    }
}
