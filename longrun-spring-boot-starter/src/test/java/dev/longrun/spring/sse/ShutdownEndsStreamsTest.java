package dev.longrun.spring.sse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.spring.support.Api;
import dev.longrun.spring.support.SseStream;
import dev.longrun.spring.testapp.TestApp;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A node shutting down ends its open event streams first, so the web server's graceful shutdown finds no request left
 * to wait for. Before, every open stream held that wait to its timeout and was then cut off.
 */
@ExtendWith(OutputCaptureExtension.class)
class ShutdownEndsStreamsTest {

    @Test
    void openStreamsEndCleanlyWhenShutdownBeginsAndTheGracefulShutdownCompletes(CapturedOutput output) throws Exception {
        ConfigurableApplicationContext app = new SpringApplicationBuilder(TestApp.class).properties(
                "server.port=0",
                "longrun.data-dir=" + Files.createTempDirectory("longrun-shutdown"),
                "server.shutdown=graceful",
                // far longer than the waits below: a stream ended only when the phase gives up fails the test
                "spring.lifecycle.timeout-per-shutdown-phase=30s",
                "logging.level.org.springframework.boot.tomcat.GracefulShutdown=INFO",
                "logging.level.org.springframework.boot.jetty.GracefulShutdown=INFO").run();
        Thread closing = null;
        try {
            Api api = new Api(app.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
            Api.Who who = Api.Who.apiKey("acme", "shutdown-watcher");
            // No worker serves this job's queue: it stays pending, so its stream stays open.
            Api.Res started = api.post("/api/jobs/start").as(who).json("{\"type\":\"test.unserved\",\"params\":{}}").send();
            assertThat(started.status()).as(started.toString()).isEqualTo(202);
            String id = started.json().get("id").asString();
            try (SseStream user = SseStream.open(api.http(), api.base() + "/api/events", who.headers());
                 SseStream job = SseStream.open(api.http(), api.base() + "/api/jobs/" + id + "/events", who.headers())) {
                assertThat(user.nextEvent(Duration.ofSeconds(10)).json().get("id").asString()).isEqualTo(id);
                assertThat(job.nextEvent(Duration.ofSeconds(10)).json().get("status").asString()).isEqualTo("pending");

                closing = Thread.ofPlatform().name("closing").start(app::close);

                assertThat(endOf(user)).as("the user stream ends when shutdown begins").isTrue();
                assertThat(endOf(job)).as("the job stream ends when shutdown begins").isTrue();
            }
            closing.join(Duration.ofSeconds(60));
            assertThat(closing.isAlive()).as("the application closed").isFalse();
            assertThat(output.getOut()).contains("Graceful shutdown complete")
                    .doesNotContain("Graceful shutdown aborted");
        } finally {
            if (closing == null) {
                app.close();
            }
        }
    }

    /** True when the stream ends within 10 s (well inside the 30 s phase timeout); heartbeats may come first. */
    private static boolean endOf(SseStream sse) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        for (SseStream.Frame f; (f = sse.next(Duration.ofNanos(Math.max(1, until - System.nanoTime())))) != null; ) {
            if (f.end()) {
                return true;
            }
        }
        return false;
    }
}
