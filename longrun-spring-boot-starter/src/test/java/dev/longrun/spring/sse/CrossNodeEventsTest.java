package dev.longrun.spring.sse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.spring.support.Api;
import dev.longrun.spring.support.SseStream;
import dev.longrun.spring.testapp.Gates;
import dev.longrun.spring.testapp.TestApp;
import dev.longrun.testing.PostgresSchema;
import java.nio.file.Files;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Two nodes on one PostgreSQL: node A only serves the API (no workers), node B runs the job. A browser streaming
 * from A sees every step B makes, through the engine's cross-process events (LISTEN/NOTIFY).
 */
class CrossNodeEventsTest {

    @Test
    void subscriberOnOneNodeSeesProgressOfAJobRunningOnAnother() throws Exception {
        try (PostgresSchema schema = PostgresSchema.create(CrossNodeEventsTest.class, 2);
             ConfigurableApplicationContext a = node(schema, false);
             ConfigurableApplicationContext b = node(schema, true)) {
            Api api = new Api(a.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
            Api.Who who = Api.Who.apiKey("acme", "cross-node");
            String g = "gate-" + UUID.randomUUID();
            Api.Res started = api.post("/api/jobs/start").as(who)
                    .json("{\"type\":\"test.steps\",\"params\":{\"gate\":\"" + g + "\",\"steps\":2}}").send();
            assertThat(started.status()).as(started.toString()).isEqualTo(202);
            String id = started.json().get("id").asString();
            try (SseStream sse = SseStream.open(api.http(), api.base() + "/api/jobs/" + id + "/events", who.headers())) {
                assertThat(sse.nextEvent(Duration.ofSeconds(15)).json().get("status").asString()).isIn("pending", "running");
                Gates.open(g + "/0");
                assertThat(waitFor(sse, j -> j.path("current_step").asInt() == 1).get("status").asString()).isEqualTo("running");
                Gates.open(g + "/1");
                waitFor(sse, j -> j.path("current_step").asInt() == 2);
                Gates.open(g + "/2");
                waitFor(sse, j -> j.get("status").asString().equals("succeeded"));
                assertThat(sse.nextEvent(Duration.ofSeconds(15)).end()).isTrue();
            }
        }
    }

    private static JsonNode waitFor(SseStream sse, java.util.function.Predicate<JsonNode> done) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            SseStream.Frame f = sse.nextEvent(Duration.ofSeconds(15));
            assertThat(f).as("a frame from node A").isNotNull();
            assertThat(f.end()).isFalse();
            if (done.test(f.json())) {
                return f.json();
            }
        }
        throw new AssertionError("the expected change never arrived");
    }

    private static ConfigurableApplicationContext node(PostgresSchema schema, boolean workers) throws Exception {
        return new SpringApplicationBuilder(TestApp.class).properties(
                "server.port=0",
                "spring.datasource.url=" + schema.jdbcUrl(),
                "spring.datasource.username=" + PostgresSchema.USER,
                "longrun.schema=" + schema.name(),
                "longrun.data-dir=" + Files.createTempDirectory("longrun-node"),
                "longrun.worker.enabled=" + workers).run();
    }
}
