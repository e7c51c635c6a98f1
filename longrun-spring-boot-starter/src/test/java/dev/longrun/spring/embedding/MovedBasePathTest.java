package dev.longrun.spring.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.orders.HostApp;
import com.example.orders.HostStore;
import dev.longrun.spring.support.Api;
import dev.longrun.spring.support.SseStream;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;

/** With {@code longrun.http.base-path} moved, the whole API (links, streams, OpenAPI, problems) moves with it. */
@SpringBootTest(classes = HostApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "longrun.http.base-path=/jobs-api/v1")
@ContextConfiguration(initializers = HostStore.class)
class MovedBasePathTest {

    private static final Api.Who CALLER = Api.Who.apiKey("acme", "moved-user");

    @LocalServerPort
    int port;
    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void jobsStartReadAndStreamUnderTheNewPath() throws Exception {
        Api.Res started = api.post("/jobs-api/v1/jobs/start").as(CALLER)
                .json("{\"type\":\"orders.archive\",\"params\":{\"customer\":\"acme\"}}").send();
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String id = started.json().get("id").asString();
        assertThat(started.header("Location")).isEqualTo("/jobs-api/v1/jobs/" + id);

        try (SseStream events = SseStream.open(api.http(), api.base() + "/jobs-api/v1/jobs/" + id + "/events", CALLER.headers())) {
            assertThat(events.status()).isEqualTo(200);
            SseStream.Frame first = events.next(Duration.ofSeconds(10));
            assertThat(first.event()).isEqualTo("job");
            assertThat(first.json().get("id").asString()).isEqualTo(id);
        }
        Api.Res list = api.get("/jobs-api/v1/jobs").as(CALLER).send();
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
    }

    @Test
    void theOldPathIsNoLongerLongruns() {
        Api.Res old = api.get("/api/jobs").as(CALLER).send();
        assertThat(old.status()).as("left to the host's security: it knows no Longrun API key").isEqualTo(401);
        assertThat(old.header("WWW-Authenticate")).startsWith("Basic");
    }

    @Test
    void problemsAndOpenApiFollowTheBasePath() {
        Api.Res unknown = api.get("/jobs-api/v1/nothing-here")
                .header("Authorization", HostPathsTest.basic(HostApp.HOST_USER, HostApp.HOST_PASSWORD)).send();
        assertThat(unknown.status()).as("no Longrun path: the host's security lets its user through, then a problem").isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");

        Api.Res noCaller = api.get("/jobs-api/v1/jobs").send();
        assertThat(noCaller.status()).isEqualTo(401);
        assertThat(noCaller.header("Content-Type")).startsWith("application/problem+json");

        Api.Res doc = api.get("/jobs-api/v1/openapi.json").send();
        assertThat(doc.status()).as(doc.toString()).isEqualTo(200);
        JsonNode paths = doc.json().get("paths");
        assertThat(paths.has("/jobs-api/v1/jobs/start")).as(paths.propertyNames().toString()).isTrue();
        assertThat(paths.has("/api/orders")).as("the host's endpoints are not in Longrun's document").isFalse();
    }
}
