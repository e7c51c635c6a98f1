package dev.longrun.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The client the web components import from {@code /longrun/} is the npm package's source ({@code longrun-js/src}),
 * copied by this module's build: one implementation of start-once, SSE resume and polling, and one wording.
 */
class ServedClientTest {

    @Test
    void theServedClientModulesAreThePackagesFiles() throws IOException {
        for (String name : List.of("longrun-client.js", "longrun-events.js", "longrun-status.js", "longrun-words.js",
                "longrun-format.js")) {
            try (InputStream served = getClass().getResourceAsStream("/META-INF/resources/longrun/" + name)) {
                assertThat(served).as("%s is served under /longrun/", name).isNotNull();
                assertThat(served.readAllBytes()).as(name).isEqualTo(Files.readAllBytes(Path.of("..", "longrun-js", "src", name)));
            }
        }
    }
}
