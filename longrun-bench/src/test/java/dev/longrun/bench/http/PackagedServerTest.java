package dev.longrun.bench.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What {@code java -jar longrun-server.jar} serves that the server module's own tests cannot see: they read the
 * starter's files from a folder, the product reads them from jars inside its jar, where folders are entries too.
 */
class PackagedServerTest {

    private static final Path JAR = Path.of("..", "longrun-server", "target", "longrun-server.jar");
    private static ServerUnderTest server;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isRegularFile(JAR), "the server jar is built by the reactor before this module: ./mvnw verify");
        server = ServerUnderTest.start(JAR, "256m", List.of());
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    /** The web components' folder was an empty 200 of application/octet-stream, with and without its slash. */
    @Test
    void theComponentsFolderIsA404AndItsFilesAreServed() throws Exception {
        for (String path : List.of("/longrun/", "/longrun")) {
            for (String method : List.of("GET", "HEAD")) {
                HttpResponse<String> r = send(method, path);
                assertThat(r.statusCode()).as("%s %s", method, path).isEqualTo(404);
                assertThat(r.headers().firstValue("Content-Type").orElse("")).as("%s %s", method, path)
                        .doesNotStartWith("application/octet-stream");
            }
        }
        HttpResponse<String> script = send("GET", "/longrun/longrun.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type").orElse("")).startsWith("text/javascript");
        assertThat(script.body()).contains("defineAll");
    }

    private static HttpResponse<String> send(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
