package dev.longrun.spring.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What Jetty answers for requests it refuses itself, with {@link ProblemErrorHandler} installed as a host on Jetty gets
 * it: a problem document under the API's base path, a plain page elsewhere, and neither names Jetty. (The whole
 * corpus runs against the product server in longrun-server's BadInputCorpusTest.) Each answer carries the protective
 * headers Spring Security gives every other one: they were missing, as Spring Security never sees these requests.
 */
class ProblemErrorHandlerTest {

    static Server server;
    static int port;

    @BeforeAll
    static void startJetty() throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.setStatus(204);
                callback.succeeded();
                return true;
            }
        });
        server.setErrorHandler(new ProblemErrorHandler("/api"));
        server.start();
        port = connector.getLocalPort();
    }

    @AfterAll
    static void stopJetty() throws Exception {
        server.stop();
    }

    @Test
    void aBrokenPercentEscapeUnderTheApiIsAProblem() throws IOException {
        String r = send("GET /api/jobs/%zz HTTP/1.1\r\n");
        assertThat(r).startsWith("HTTP/1.1 400 ").contains("Content-Type: application/problem+json", "\"status\":400",
                "\"code\":\"request_rejected\"", "must be percent-encoded");
        assertNamesNoServer(r);
    }

    @Test
    void anUnknownHttpVersionIsAProblemEvenThoughItsPathIsNotKnown() throws IOException {
        String r = send("GET /api/jobs HTTP/9.9\r\n");
        assertThat(r).startsWith("HTTP/1.1 505 ").contains("Content-Type: application/problem+json", "\"status\":505");
        assertNamesNoServer(r);
    }

    @Test
    void headersTooLargeOutsideTheApiGetAPlainPage() throws IOException {
        String r = send("GET /index.html HTTP/1.1\r\nX-Big: " + "a".repeat(20_000) + "\r\n");
        assertThat(r).startsWith("HTTP/1.1 431 ").contains("Content-Type: text/html;charset=utf-8", "<h1>431 ");
        assertNamesNoServer(r);
    }

    @Test
    void headersTooLargeUnderTheApiAreAProblem() throws IOException {
        String r = send("GET /api/jobs HTTP/1.1\r\nX-Big: " + "a".repeat(20_000) + "\r\n");
        assertThat(r).startsWith("HTTP/1.1 431 ").contains("Content-Type: application/problem+json", "\"status\":431");
        assertNamesNoServer(r);
    }

    @Test
    void anOrdinaryRequestPassesUntouched() throws IOException {
        assertThat(send("GET /api/jobs HTTP/1.1\r\n")).startsWith("HTTP/1.1 204 ");
    }

    private static void assertNamesNoServer(String response) {
        // Spring Security adds these to every other answer; it never sees these requests (they were sent without them)
        String head = response.substring(0, response.indexOf("\r\n\r\n"));
        assertThat(head).contains("X-Content-Type-Options: nosniff", "X-Frame-Options: DENY",
                "Content-Security-Policy: default-src 'none'; frame-ancestors 'none'");
        // The Server header is the connector's business (Spring Boot switches it off; the product's corpus test checks).
        String body = response.substring(response.indexOf("\r\n\r\n"));
        assertThat(body).doesNotContainIgnoringCase("jetty").doesNotContain("/badMessage", "/badURI", "HTTP ERROR", "Exception");
    }

    private static String send(String head) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((head + "Host: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
