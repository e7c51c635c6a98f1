package dev.longrun.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.server.testing.RawHttp;
import dev.longrun.server.testing.RunningServer;
import dev.longrun.server.testing.SqliteFile;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A body that never arrives whole, or whose framing is broken, is answered for what it is. A JSON body that stopped
 * short of its Content-Length was answered after the idle timeout with "The request body is not valid JSON:
 * java.util.concurrent.TimeoutException: Idle timeout expired: 30000/30000 ms" (a Java class in the detail, and a blame
 * on JSON that was never the problem), an upload cut short with "Send one file ... in a part named 'file'", a chunk
 * size that is not hexadecimal with "The request needs a JSON body", a broken multipart body sent to sign-in or start
 * with "Send one file as multipart/form-data in a part named 'file'". Tried: JSON bodies cut short to start a job, sign
 * in and mint a token, a chunked body without its last chunk, a multipart upload cut short, a chunk size "zz", the
 * body "garbage" as multipart/form-data to start, sign-in and cancel-all. The
 * server runs with a one-second idle timeout, so the cut bodies are given up on quickly.
 */
class BrokenBodiesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static SqliteFile dataDir;
    static RunningServer server;

    @BeforeAll
    static void startServer() {
        dataDir = SqliteFile.create();
        server = RunningServer.start(Map.of("longrun.data-dir", dataDir.dir().toString(), "longrun-demo.contacts", 5,
                "server.jetty.connection-idle-timeout", "1s", "server.tomcat.connection-timeout", "1s"));
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
        dataDir.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/jobs/start", "/api/session", "/api/tokens"})
    void aJsonBodyCutShortIsATimeoutNotBadJson(String path) {
        RawHttp.Response r = send("POST " + path + " HTTP/1.1\r\n" + BadInput.ALICE + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: 100\r\n\r\n{\"type\":");
        assertTimedOut(r);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/jobs/start", "/api/session"})
    void aChunkedBodyWithoutItsLastChunkIsATimeout(String path) {
        RawHttp.Response r = send("POST " + path + " HTTP/1.1\r\n" + BadInput.ALICE + "\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n5\r\n{\"typ\r\n");
        assertTimedOut(r);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/uploads"})
    void anUploadCutShortIsATimeoutNotAMissingFile(String path) {
        RawHttp.Response r = send("POST " + path + " HTTP/1.1\r\n" + BadInput.ALICE + "\r\nContent-Type: multipart/form-data; boundary=XB\r\n"
                + "Content-Length: 1000\r\n\r\n--XB\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\nname,email\n");
        assertTimedOut(r);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/jobs/start", "/api/session"})
    void aBrokenChunkSizeIsNamed(String path) {
        RawHttp.Response r = send("POST " + path + " HTTP/1.1\r\n" + BadInput.ALICE + "\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{\"type\":\"demo.wait\"}\r\n0\r\n\r\n");
        JsonNode problem = problem(r, 400);
        assertThat(problem.path("detail").asString()).as(r.body()).doesNotContain("needs a JSON body").contains("could not be read");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/jobs/start", "/api/session", "/api/jobs/cancel-all"})
    void aBrokenMultipartBodyToAJsonEndpointIsNotToldToUploadAFile(String path) {
        RawHttp.Response r = new RawHttp(server.port()).send("POST " + path + " HTTP/1.1\r\n" + BadInput.ALICE
                + "\r\nContent-Type: multipart/form-data; boundary=x", "garbage".getBytes(StandardCharsets.UTF_8));
        // Tomcat parses nothing and the endpoint refuses the type (415); Jetty refuses the body before the endpoint is known
        assertThat(r.status()).as(r.body()).isIn(400, 415);
        assertThat(JSON.readTree(r.body()).path("detail").asString()).as(r.body()).doesNotContain("Send one file").contains("application/json");
    }

    private static void assertTimedOut(RawHttp.Response r) {
        JsonNode problem = problem(r, 408);
        assertThat(problem.path("code").asString()).isEqualTo("request_timeout");
        assertThat(problem.path("detail").asString()).as(r.body()).contains("did not arrive").doesNotContain("JSON");
    }

    private static JsonNode problem(RawHttp.Response r, int status) {
        String seen = r.status() + " " + r.header("Content-Type") + " " + r.body();
        assertThat(r.status()).as(seen).isEqualTo(status);
        assertThat(r.header("Content-Type")).as(seen).startsWith("application/problem+json");
        assertThat(r.body()).as("no Java class names").doesNotContainPattern("\\b(java|jakarta|org)\\.\\w+\\.").doesNotContain("Exception");
        JsonNode problem = JSON.readTree(r.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        return problem;
    }

    private static RawHttp.Response send(String request) {
        // The request is sent exactly as written: no Host or Connection header is added, so they are here.
        String withHost = request.replaceFirst("\r\n", "\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
        return new RawHttp(server.port()).sendAsIs(withHost.getBytes(StandardCharsets.ISO_8859_1), request.lines().findFirst().orElse(""));
    }
}
