package dev.longrun.spring.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.spring.support.Api;
import dev.longrun.spring.support.ApiTestBase;
import dev.longrun.spring.support.OnSqlite;
import dev.longrun.spring.testapp.Gates;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * JSON answers leave whole, with their length ({@link OneWriteJsonFilter}): read as raw HTTP/1.1, a start, a job read
 * and a problem carry {@code Content-Length} and no chunked encoding, while an event stream still flushes each frame
 * as it comes (its first frame arrives while the stream stays open).
 */
@OnSqlite
class OneWriteAnswersTest extends ApiTestBase {

    @Test
    void startJobReadAndProblemCarryTheirLengthInsteadOfChunks() throws IOException {
        Api.Who who = newUser();
        Raw started = raw(who, "POST", "/api/jobs/start", "{\"type\":\"test.steps\",\"params\":{\"steps\":1}}");
        assertWhole(started, 202);
        String id = Api.JSON.readTree(started.body).get("id").asString();

        assertWhole(raw(who, "GET", "/api/jobs/" + id, null), 200);

        Raw refused = raw(who, "POST", "/api/jobs/start", "{\"type\":\"test.steps\",\"params\":{\"steps\":\"many\"}}");
        assertWhole(refused, 400);
        assertThat(refused.headers.get("content-type")).startsWith("application/problem+json");
        assertThat(Api.JSON.readTree(refused.body).get("code").asString()).isEqualTo("invalid_params");
    }

    @Test
    void anEventStreamStillFlushesEachFrame() throws IOException {
        Api.Who who = newUser();
        String g = gate();
        String id = startId(who, "test.steps", "{\"gate\":\"" + g + "\",\"steps\":1}");
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            send(s, who, "GET", "/api/jobs/" + id + "/events", null);
            // The job waits at its gate, so the stream stays open: only a flush can bring its first frame.
            String head = readUntil(s.getInputStream(), "event:job");
            assertThat(head).contains("text/event-stream").doesNotContainIgnoringCase("content-length");
        } finally {
            Gates.open(g + "/0");
            Gates.open(g + "/1");
        }
    }

    private static void assertWhole(Raw r, int status) {
        assertThat(r.status).as(r.toString()).isEqualTo(status);
        assertThat(r.headers).as(r.toString()).doesNotContainKey("transfer-encoding");
        assertThat(r.headers.get("content-length")).as(r.toString()).isEqualTo(Integer.toString(r.body.length()));
        assertThat(r.body).as(r.toString()).startsWith("{").endsWith("}");
    }

    private record Raw(int status, Map<String, String> headers, String body) {
    }

    /** One request on its own connection, the answer read as sent, headers lower-cased. */
    private Raw raw(Api.Who who, String method, String path, String json) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            send(s, who, method, path, json);
            String all = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int end = all.indexOf("\r\n\r\n");
            String[] lines = all.substring(0, end).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
            }
            return new Raw(Integer.parseInt(lines[0].split(" ")[1]), headers, all.substring(end + 4));
        }
    }

    private static void send(Socket s, Api.Who who, String method, String path, String json) throws IOException {
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        StringBuilder req = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
        who.headers().forEach((k, v) -> req.append(k).append(": ").append(v).append("\r\n"));
        if (json != null) {
            req.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
        }
        OutputStream out = s.getOutputStream();
        out.write(req.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
        out.write(body);
        out.flush();
    }

    /** Reads until {@code marker} has arrived (a read timeout fails the test if it never does). */
    private static String readUntil(InputStream in, String marker) throws IOException {
        StringBuilder seen = new StringBuilder();
        byte[] buf = new byte[4096];
        while (seen.indexOf(marker) < 0) {
            int n = in.read(buf);
            assertThat(n).as("the stream ended before '" + marker + "': " + seen).isPositive();
            seen.append(new String(buf, 0, n, StandardCharsets.UTF_8));
        }
        return seen.toString();
    }
}
