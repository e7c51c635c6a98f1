package dev.longrun.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.server.testing.ApiClient;
import dev.longrun.server.testing.RawHttp;
import dev.longrun.server.testing.RunningServer;
import dev.longrun.server.testing.SqliteFile;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An answer larger than the server's output buffer (32 KiB) carries the same protective headers as a small one.
 * Spring Security adds them when the answer is committed, and Jetty used to commit a large answer on its first write
 * of more than 8 KiB, before Spring Security could tell: a 270 KB export downloaded without
 * {@code X-Content-Type-Options: nosniff} or {@code X-Frame-Options}, a 274 KB script of the dashboard without its
 * Content-Security-Policy. Tried: a result file of 3,000 contacts (about 270 KB, streamed in 16 KiB writes) and the
 * dashboard's largest script.
 */
class LargeAnswersHeadersTest {

    static SqliteFile dataDir;
    static RunningServer server;
    static ApiClient alice;
    static String exportId;

    @BeforeAll
    static void startServer() {
        dataDir = SqliteFile.create();
        server = RunningServer.start(Map.of("longrun.data-dir", dataDir.dir().toString(), "longrun-demo.contacts", 3_000));
        alice = new ApiClient(server.port(), "acme", "alice");
        exportId = alice.start("contacts.export", "{}");
        alice.awaitStatus(exportId, "succeeded");
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
        dataDir.close();
    }

    @Test
    void aLargeResultFileDownloadsWithTheProtectiveHeaders() {
        String url = alice.job(exportId).get("result").get("url").asString();
        RawHttp.Response r = new RawHttp(server.port()).send("GET " + url + " HTTP/1.1", new byte[0]);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().length()).as("larger than the output buffer").isGreaterThan(64 * 1024);
        assertApiHeaders(r);
    }

    @Test
    void theDashboardsLargestScriptCarriesItsPolicy() {
        RawHttp.Response r = new RawHttp(server.port()).send("GET /react/react-example.js HTTP/1.1", new byte[0]);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().length()).as("larger than the output buffer").isGreaterThan(64 * 1024);
        assertThat(r.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(r.header("Referrer-Policy")).isEqualTo("same-origin");
    }

    private static void assertApiHeaders(RawHttp.Response r) {
        String seen = r.status() + " " + r.headers();
        assertThat(r.header("X-Content-Type-Options")).as(seen).isEqualTo("nosniff");
        assertThat(r.header("X-Frame-Options")).as(seen).isEqualTo("DENY");
        assertThat(r.header("Cache-Control")).as(seen).contains("no-store");
    }
}
