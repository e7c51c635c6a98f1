package dev.longrun.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the browser modules' own unit tests ({@code src/test/js/*.test.mjs}, node's test runner) as part of the
 * Maven build, so a broken formatting rule fails {@code ./mvnw test} like any Java test. Needs {@code node} 20+
 * on the PATH, as the build machines and CI have.
 */
class BrowserModulesTest {

    @Test
    void theJavaScriptUnitTestsPassUnderNodesTestRunner() throws IOException, InterruptedException {
        Path tests = Path.of("src", "test", "js");
        assertThat(tests).as("the JavaScript tests, relative to the module").isDirectory();
        Path log = Files.createTempFile("longrun-node-test", ".txt");
        Process node = new ProcessBuilder("node", "--test", tests.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = node.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            node.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        assertThat(ended).as("node --test ended within two minutes:%n%s", output).isTrue();
        assertThat(node.exitValue()).as("node --test %s:%n%s", tests, output).isZero();
        assertThat(output).contains("# fail 0").containsPattern("# pass [1-9]");
    }
}
