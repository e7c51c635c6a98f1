package dev.longrun.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.longrun.JobResult;
import dev.longrun.JobType;
import dev.longrun.Longrun;
import dev.longrun.StartOptions;
import dev.longrun.testing.PostgresSchema;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivery-latency figure: from a job's completion (its completed_at) to the webhook request arriving at a local
 * endpoint, for 200 jobs on PostgreSQL with the default 1 s poll (woken by job events), one node.
 * Run: {@code ./mvnw -pl longrun-core test -Dtest=DeliveryLatencyMeasurement -Dlongrun.measure=true -Dsurefire.failIfNoSpecifiedTests=false}
 */
@EnabledIfSystemProperty(named = "longrun.measure", matches = "true")
class DeliveryLatencyMeasurement {

    @TempDir
    Path dataDir;

    @Test
    void webhookArrivesSoonAfterTheJobFinishes() throws Exception {
        int jobs = 200;
        try (PostgresSchema pg = PostgresSchema.create(DeliveryLatencyMeasurement.class); Receiver receiver = new Receiver();
             Longrun longrun = Longrun.builder().dataSource(pg.dataSource()).schema(pg.name()).dataDir(dataDir)
                     .register(JobType.builder("m.quick", Map.class, ctx -> JobResult.done()).build()).build()) {
            NotificationStore store = NotificationStore.open(pg.dataSource(), pg.name());
            store.webhooks().add("acme", receiver.url(), WebhookFormat.JSON, "whsec_m", longrun.clock().instant());
            try (Dispatcher d = Notifications.start(longrun, pg.dataSource(), pg.name(), "m", List.of(new WebhookChannel(store.webhooks(),
                    Clock.systemUTC(), new WebhookChannel.Settings(Duration.ofSeconds(5), 10, WebhookAddresses.of(false, true), ""))), DispatchSettings.defaults(),
                    Duration.ofHours(24))) {
                for (int i = 0; i < jobs; i++) {
                    longrun.start("m.quick", Map.of("i", i), StartOptions.forUser("acme", "u" + i));
                    Thread.sleep(10);
                }
                await().atMost(Duration.ofSeconds(60)).until(() -> receiver.requests.size() >= jobs);
            }
            JsonMapper json = JsonMapper.builder().build();
            List<Long> millis = new ArrayList<>();
            for (Receiver.Request r : receiver.requests) {
                var body = json.readTree(r.body());
                long completed = java.time.Instant.parse(body.get("job").get("completed_at").asString()).toEpochMilli();
                millis.add(r.arrivedMillis() - completed);
            }
            millis.sort(null);
            System.out.printf("webhook after completion, %d jobs: median %d ms, p95 %d ms, max %d ms%n",
                    jobs, millis.get(jobs / 2), millis.get(jobs * 95 / 100), millis.getLast());
            assertThat(receiver.requests).hasSize(jobs);
        }
    }
}
