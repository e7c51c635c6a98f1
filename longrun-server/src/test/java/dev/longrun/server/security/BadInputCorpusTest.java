package dev.longrun.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.server.testing.ApiClient;
import dev.longrun.server.testing.RawHttp;
import dev.longrun.server.testing.RunningServer;
import dev.longrun.server.testing.SqliteFile;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bad-input corpus of issue 12 ({@link BadInputs}: illegal request lines, broken escapes, wrong JSON types at
 * every params field, oversized and control-character headers, hostile file names, NaN/Infinity/fractions/huge
 * numbers) sent byte for byte to a started server. Every answer is below 500; every error under {@code /api} is
 * problem+json with a detail; no body shows a stack trace or the server's version. One dynamic test per input, so
 * the report counts them. Runs on the container the server is built with (Jetty; {@code -Dcontainer=tomcat} for Tomcat):
 * each refuses different inputs itself, and the answers must not tell which one it is (its error page layout is as
 * telling as a version).
 */
class BadInputCorpusTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern LEAKS = Pattern.compile("(?i)(\\bat (java|org|dev|jdk)\\.[\\w.$]+\\(|Exception:|Apache Tomcat|Tomcat/\\d|"
            + "Jetty|Undertow|Spring Boot|Whitelabel|/badMessage|/badURI|HTTP ERROR \\d|\\bjava\\.\\w+\\.)");

    static SqliteFile dataDir;
    static RunningServer server;
    static String jobId;

    @BeforeAll
    static void startServer() {
        dataDir = SqliteFile.create();
        server = RunningServer.start(Map.of("longrun.data-dir", dataDir.dir().toString(), "longrun-demo.contacts", 20));
        // A job of alice's that stays running (and cancellable) while the corpus is sent, for the job-specific paths.
        jobId = new ApiClient(server.port(), "acme", "alice").start("demo.wait", "{\"seconds\":3600,\"steps\":0}");
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
        dataDir.close();
    }

    @TestFactory
    Stream<DynamicTest> everyBadInputIsRefusedCleanly() {
        RawHttp raw = new RawHttp(server.port());
        List<BadInput> corpus = BadInputs.all(jobId);
        System.out.println("Bad-input corpus: " + corpus.size() + " inputs, sent to " + server.container());
        return corpus.stream().map(input -> DynamicTest.dynamicTest(input.toString(), () -> check(input, raw.send(input.head(), input.body()))));
    }

    private static void check(BadInput input, RawHttp.Response r) {
        String seen = input + " -> " + r.status() + " " + r.header("Content-Type") + " " + BadInput.cut(r.body());
        if (input.expected() != 0) {
            assertThat(r.status()).as(seen).isEqualTo(input.expected());
        } else {
            assertThat(r.status()).as(seen).isLessThan(500);
        }
        assertThat(LEAKS.matcher(r.body()).find()).as("no stack trace or server version: " + input + " -> " + r.body()).isFalse();
        assertThat(r.header("Server")).as("no server name or version in the headers: " + seen).isNull();
        if (input.underApi() && r.status() >= 400) {
            assertThat(r.header("Content-Type")).as(seen).startsWith("application/problem+json");
            JsonNode problem = JSON.readTree(r.body());
            assertThat(problem.path("status").asInt()).as(seen).isEqualTo(r.status());
            assertThat(problem.path("detail").asString("")).as(seen).isNotBlank();
        }
        if (r.status() == 202 && r.body().contains("\"id\"")) {
            cancel(JSON.readTree(r.body()).get("id").asString()); // an input that is in fact valid started a job: stop it
        }
    }

    private static void cancel(String id) {
        new ApiClient(server.port(), "acme", "alice").post("/api/jobs/" + id + "/cancel", null);
    }
}
