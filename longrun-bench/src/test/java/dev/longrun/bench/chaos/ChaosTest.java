package dev.longrun.bench.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The CI-sized chaos run: two server nodes (the product jar, separate JVMs) on one PostgreSQL schema, about 240 jobs
 * of three types started over 40 s through the API, a node killed with SIGKILL every ~8 s and started again, and
 * PostgreSQL unreachable for 3 s in the middle (through a proxy, so other users of the database are not disturbed).
 * Fails on any job lost, finished twice, started twice, or any invitation or import row done twice.
 * Needs the server jar, which the reactor builds before this module ({@code ./mvnw verify}).
 */
class ChaosTest {

    private static final Path JAR = Path.of("..", "longrun-server", "target", "longrun-server.jar");

    @Test
    void killingNodesWhileJobsRunLosesNothingAndDoesNothingTwice() throws Exception {
        assumeTrue(Files.isRegularFile(JAR), "the server jar is built by the reactor before this module: ./mvnw verify");

        ChaosReport report = ChaosBenchmark.run(ChaosSettings.ciSized(JAR));

        System.out.print(report.markdown());
        assertThat(report.kills()).as("nodes were killed (each restart must finish before the next kill, so a slow machine kills fewer)").isPositive();
        assertThat(report.started()).isEqualTo(240);
        assertThat(report.failures()).as(report.markdown()).isEmpty();
    }
}
