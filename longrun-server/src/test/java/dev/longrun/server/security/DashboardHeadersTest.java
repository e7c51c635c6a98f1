package dev.longrun.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.server.testing.RawHttp;
import dev.longrun.server.testing.RunningServer;
import dev.longrun.server.testing.SqliteFile;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Dashboard pages cannot be framed or sniffed, and their CSP allows exactly their own inline scripts. */
class DashboardHeadersTest {

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
    @ValueSource(strings = {"/", "/index.html", "/sign-in.html", "/job.html", "/wait.html", "/import.html", "/app.js", "/longrun/longrun.js"})
    void pagesAndAssetsCarryTheProtectiveHeaders(String path) throws Exception {
        RawHttp.Response r = new RawHttp(server.port()).send("GET " + path + " HTTP/1.1", new byte[0]);
        assertThat(r.status()).isEqualTo(200);
        String csp = r.header("Content-Security-Policy");
        assertThat(csp).contains("frame-ancestors 'none'").contains("object-src 'none'").contains("script-src 'self'")
                .doesNotContain("unsafe-eval").doesNotContain("script-src 'self' 'unsafe-inline'");
        assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(r.header("Referrer-Policy")).isEqualTo("same-origin");
        String page = r.header("Content-Type").startsWith("text/html") ? r.body() : "";
        Matcher inline = Pattern.compile("<script(?![^>]*\\bsrc\\s*=)[^>]*>(.*?)</script>", Pattern.DOTALL).matcher(page);
        while (inline.find()) {
            String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(inline.group(1).getBytes(StandardCharsets.UTF_8)));
            assertThat(csp).as("the page's inline script may run").contains("'sha256-" + hash + "'");
        }
    }
}
