package dev.longrun.spring.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.spring.support.Api;
import dev.longrun.spring.testapp.TestApp;
import dev.longrun.testing.PostgresSchema;
import java.nio.file.Files;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two nodes on one PostgreSQL: node A serves the API only, node B runs the jobs. Each node's job counters count
 * what that node did, so the sum over the nodes is the cluster's count (B: the job; A: nothing, though it hears
 * every change of B through LISTEN/NOTIFY).
 */
class PerNodeMetricsTest {

    @Test
    void jobCountersCountOnlyWhatTheirNodeDid() throws Exception {
        try (PostgresSchema schema = PostgresSchema.create(PerNodeMetricsTest.class, 2);
             ConfigurableApplicationContext a = node(schema, false);
             ConfigurableApplicationContext b = node(schema, true)) {
            Api apiA = api(a);
            Api apiB = api(b);
            Api.Who who = Api.Who.apiKey("acme", "metrics");
            for (int i = 0; i < 3; i++) {
                Api.Res r = apiA.post("/api/jobs/start").as(who)
                        .json("{\"type\":\"test.fail\",\"params\":{\"reason\":\"count me " + i + "\"}}").send();
                assertThat(r.status()).as(r.toString()).isEqualTo(202);
            }
            String failed = "longrun_jobs_failed_total{type=\"test.fail\"}";
            Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(apiB.get("/actuator/prometheus").as(who).send().body()).contains(failed + " 3.0"));
            String onA = apiA.get("/actuator/prometheus").as(who).send().body();
            assertThat(onA).doesNotContain(failed).doesNotContain("longrun_jobs_started_total{type=\"test.fail\"}");
            assertThat(apiB.get("/actuator/prometheus").as(who).send().body()).contains("longrun_jobs_started_total{type=\"test.fail\"} 3.0");
        }
    }

    private static Api api(ConfigurableApplicationContext node) {
        return new Api(node.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
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
