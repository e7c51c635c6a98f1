package dev.longrun.bench.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chaos run stops at once, saying why, when a node's process exits instead of coming back. */
class KillerTest {

    @TempDir
    Path dir;

    @Test
    void waitingForANodeWhoseProcessExitedEndsAtOnceWithItsExitCodeAndLog() throws Exception {
        // A jar that is not there: the JVM prints why and exits with code 1 at once, as a node that gives up at start.
        ChaosSettings settings = ChaosSettings.ciSized(dir.resolve("missing.jar"));
        try (ServerNode node = new ServerNode(1, settings, "jdbc:postgresql://127.0.0.1:1/none", "none", dir, dir)) {
            assertThatThrownBy(() -> node.start(ServerNode.STARTUP_LIMIT))
                    .hasMessageStartingWith("Node chaos1-1 exited during startup with exit code 1")
                    .hasMessageContaining("Unable to access jarfile");

            Killer killer = new Killer(List.of(node), null, new Random(1));
            // Before, this waited the whole STARTUP_LIMIT (420 s) for a process long gone, and then carried on silently.
            assertTimeoutPreemptively(ServerNode.STARTUP_LIMIT.dividedBy(4), () -> assertThatThrownBy(() -> killer.awaitRestarted(node))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("Node chaos1-1 exited by itself with exit code 1; the end of " + dir.resolve("chaos1-1.log"))
                    .hasMessageContaining("Unable to access jarfile"));
            assertThat(node.healthy()).isFalse();
        }
    }
}
