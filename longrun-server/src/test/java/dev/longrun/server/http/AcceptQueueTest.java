package dev.longrun.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.server.testing.RunningServer;
import dev.longrun.server.testing.SqliteFile;
import java.util.Arrays;
import java.util.Map;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.jetty.JettyWebServer;

/** Every status page reconnecting at once must not overflow Jetty's listen backlog (the JDK's default is 50). */
class AcceptQueueTest {

    @Test
    void theServersConnectorListensWithABacklogForABurstOfReconnectingPages() throws Exception {
        try (SqliteFile dir = SqliteFile.create();
             RunningServer server = RunningServer.start(Map.of("longrun.data-dir", dir.dir().toString(), "longrun-demo.contacts", 0))) {
            var web = server.webServer();
            Assumptions.assumeTrue(web instanceof JettyWebServer, "a Jetty build (the default), not " + server.container());

            assertThat(Arrays.stream(((JettyWebServer) web).getServer().getConnectors()).map(c -> ((ServerConnector) c).getAcceptQueueSize()))
                    .isNotEmpty().containsOnly(1024);
        }
    }
}
