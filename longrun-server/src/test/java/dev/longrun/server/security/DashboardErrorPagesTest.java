package dev.longrun.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.server.testing.RawHttp;
import dev.longrun.server.testing.RunningServer;
import dev.longrun.server.testing.SqliteFile;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A browser refused outside the API sees one of the dashboard's own pages, with the status it was refused with. Every
 * refusal other than a 404 showed Spring Boot's "Whitelabel Error Page" ("This application has no explicit mapping for
 * /error ... type=Method Not Allowed, status=405"), which names the framework, and {@code GET /error} itself answered
 * 500 with "status=999". A program (asking for JSON or anything) got Spring Boot's own error JSON ({"timestamp",
 * "status", "error", "path"}), with nothing to act on; it gets a problem like the API's. Tried: POST, PUT, DELETE,
 * TRACE and PROPFIND on a page, a path with {@code ..} or {@code ;} (refused by Spring Security's firewall), a Range
 * past the end of a script, and {@code /error} asked for as a page and as JSON.
 */
class DashboardErrorPagesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static SqliteFile dataDir;
    static RunningServer server;

    @BeforeAll
    static void startServer() {
        dataDir = SqliteFile.create();
        server = RunningServer.start(Map.of("longrun.data-dir", dataDir.dir().toString(), "longrun-demo.contacts", 5));
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
        dataDir.close();
    }

    @ParameterizedTest
    @CsvSource({"POST /index.html, 405", "PUT /job.html, 405", "DELETE /, 405", "TRACE /index.html, 405", "PROPFIND /index.html, 405",
            "GET /app/../index.html, 400", "GET /index.html;x=1, 400", "GET /a;jsessionid=1/index.html, 400",
            "GET /no-such-page, 404"})
    void aRefusedPageRequestGetsTheDashboardsOwnPage(String request, int status) {
        RawHttp.Response r = page(request);
        assertThat(r.status()).as(request).isEqualTo(status);
        assertThat(r.header("Content-Type")).as(request).startsWith("text/html");
        assertThat(r.body()).as(request).doesNotContain("Whitelabel").doesNotContain("status=").doesNotContainIgnoringCase("exception")
                .contains("Your jobs are not affected");
    }

    @ParameterizedTest
    @CsvSource({"GET /no-such-page, 404", "POST /index.html, 405", "TRACE /index.html, 405", "GET /app/../index.html, 400",
            "GET /index.html;x=1, 400", "GET /error, 404"})
    void aRefusedRequestFromAProgramIsAProblem(String request, int status) {
        for (String accept : new String[] {"*/*", "application/json"}) {
            RawHttp.Response r = new RawHttp(server.port()).send(request + " HTTP/1.1\r\nAccept: " + accept, new byte[0]);
            String seen = request + " (Accept: " + accept + ") -> " + r.status() + " " + r.header("Content-Type") + " " + r.body();
            assertThat(r.status()).as(seen).isEqualTo(status);
            assertThat(r.header("Content-Type")).as(seen).startsWith("application/problem+json");
            JsonNode problem = JSON.readTree(r.body());
            assertThat(problem.path("status").asInt()).as(seen).isEqualTo(status);
            assertThat(problem.path("detail").asString("")).as(seen).isNotBlank().doesNotContain("999");
            assertThat(problem.has("timestamp")).as(seen).isFalse();
            assertThat(problem.path("code").asString()).as(seen).isEqualTo(switch (status) {
                case 404 -> "not_found";
                case 405 -> "method_not_allowed";
                default -> "request_rejected";
            });
        }
    }

    @Test
    void aRangeBeyondAFileIsAProblem() {
        RawHttp.Response r = new RawHttp(server.port()).send("GET /app.js HTTP/1.1\r\nRange: bytes=99999999-", new byte[0]);
        assertThat(r.status()).isEqualTo(416);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(JSON.readTree(r.body()).path("detail").asString("")).contains("range");
    }

    @Test
    void errorAskedForDirectlyIsAPageThatDoesNotExist() {
        RawHttp.Response html = page("GET /error");
        assertThat(html.status()).isEqualTo(404);
        assertThat(html.body()).contains("This page does not exist").doesNotContain("Whitelabel");
        assertThat(html.header("X-Frame-Options")).isEqualTo("DENY");
        RawHttp.Response json = new RawHttp(server.port()).send("GET /error HTTP/1.1\r\nAccept: application/json", new byte[0]);
        assertThat(json.status()).isEqualTo(404);
        assertThat(json.body()).doesNotContain("999").doesNotContain("None");
        assertThat(json.header("Content-Type")).startsWith("application/problem+json");
    }

    private static RawHttp.Response page(String request) {
        return new RawHttp(server.port()).send(request + " HTTP/1.1\r\nAccept: text/html,application/xhtml+xml,*/*;q=0.8", new byte[0]);
    }
}
