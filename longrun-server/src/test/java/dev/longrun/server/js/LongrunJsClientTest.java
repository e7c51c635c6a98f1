package dev.longrun.server.js;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.server.testing.RunningServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the tests of the npm package {@code @longrun/client} ({@code longrun-js/test/*.test.js}, node's test runner)
 * against this server started on a random port: start-once, resume after a dropped stream, polling when SSE is
 * refused, stop after terminal, and the packed tarball. Their output is printed; any failing node test fails this one.
 */
class LongrunJsClientTest {

    private static final Path PACKAGE = Path.of("..", "longrun-js").toAbsolutePath().normalize();
    private static final String API_KEY = "js-client-test-key";

    @Test
    void theJavaScriptClientPassesItsTestsAgainstARealServer(@TempDir Path dataDir) throws Exception {
        assertThat(PACKAGE.resolve("../node_modules/eventsource")).as(
                "the npm workspace is installed (npm ci at the repository root; the longrun-server build does it)").exists();
        try (RunningServer server = RunningServer.start(Map.of(
                "longrun.data-dir", dataDir.toString(),
                "longrun.api-keys", API_KEY,
                "longrun-demo.contacts", 0))) {
            List<String> command = new ArrayList<>(List.of("node", "--test"));
            command.addAll(testFiles());
            ProcessBuilder pb = new ProcessBuilder(command).directory(PACKAGE.toFile()).redirectErrorStream(true);
            pb.environment().put("LONGRUN_URL", "http://127.0.0.1:" + server.port());
            pb.environment().put("LONGRUN_API_KEY", API_KEY);
            Process node = pb.start();
            String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            boolean ended = node.waitFor(5, TimeUnit.MINUTES);
            System.out.println(output);
            assertThat(ended).as("node --test ended").isTrue();
            assertThat(node.exitValue()).as("node --test exit code; its output:\n%s", output).isZero();
            assertThat(output).contains("# fail 0").doesNotContain("# pass 0");
        }
    }

    private static List<String> testFiles() throws IOException {
        try (Stream<Path> files = Files.list(PACKAGE.resolve("test"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".test.js")).sorted()
                    .map(n -> "test/" + n).toList();
        }
    }
}
