package dev.longrun.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.server.testing.ApiClient;
import dev.longrun.server.testing.RunningServer;
import dev.longrun.server.testing.SqliteFile;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Stopping the server hands running jobs back; the next start on the same data directory finishes them. */
class RestartTest {

    @Test
    void aJobRunningWhenTheServerStopsFinishesAfterTheNextStart() throws Exception {
        try (SqliteFile dir = SqliteFile.create()) {
            Map<String, Object> props = Map.of("longrun.data-dir", dir.dir().toString(), "longrun-demo.contacts", 50);
            String id;
            try (RunningServer first = RunningServer.start(props)) {
                ApiClient alice = new ApiClient(first.port(), "acme", "alice");
                id = alice.start("demo.wait", "{\"seconds\":6,\"steps\":3}");
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "running".equals(alice.job(id).get("status").asString()));
            }
            try (RunningServer second = RunningServer.start(props)) {
                ApiClient alice = new ApiClient(second.port(), "acme", "alice");
                JsonNode job = alice.awaitStatus(id, "succeeded", "failed");
                assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("succeeded");
                // Seeding is idempotent: the restart added no second batch of demo contacts.
                assertThat(alice.get("/api/contacts").json().get("total").asLong()).isEqualTo(50);
            }
        }
    }
}
