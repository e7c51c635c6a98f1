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

/**
 * A browser refused outside the API sees one of the dashboard's own pages, with the status it was refused with. Every
 * refusal other than a 404 showed Spring Boot's "Whitelabel Error Page" ("This application has no explicit mapping for
 * /error ... type=Method Not Allowed, status=405"), which names the framework, and {@code GET /error} itself answered
 * 500 with "status=999". Tried: POST, PUT, DELETE, TRACE and PROPFIND on a page, a path with {@code ..} or {@code ;} (refused by
 * Spring Security's firewall), and {@code /error} asked for as a page and as JSON.
 */
class DashboardErrorPagesTest {

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

    @Test
    void errorAskedForDirectlyIsAPageThatDoesNotExist() {
        RawHttp.Response html = page("GET /error");
        assertThat(html.status()).isEqualTo(404);
        assertThat(html.body()).contains("This page does not exist").doesNotContain("Whitelabel");
        assertThat(html.header("X-Frame-Options")).isEqualTo("DENY");
        RawHttp.Response json = new RawHttp(server.port()).send("GET /error HTTP/1.1\r\nAccept: application/json", new byte[0]);
        assertThat(json.status()).isEqualTo(404);
        assertThat(json.body()).doesNotContain("999").doesNotContain("None");
    }

    private static RawHttp.Response page(String request) {
        return new RawHttp(server.port()).send(request + " HTTP/1.1\r\nAccept: text/html,application/xhtml+xml,*/*;q=0.8", new byte[0]);
    }
}
