package dev.longrun.spring.problem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.spring.support.Api;
import dev.longrun.spring.support.ApiTestBase;
import dev.longrun.spring.testapp.TestApp;
import dev.longrun.testing.PostgresSchema;
import dev.longrun.testing.TcpProxy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The database goes away (a proxy in front of PostgreSQL is cut): requests are answered 503 with Retry-After and a
 * problem saying nothing changed; when it is back, the same requests work again. Its own application context.
 */
@SpringBootTest(classes = TestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.hikari.connection-timeout=500", "spring.datasource.hikari.validation-timeout=250"})
class DatabaseDownTest extends ApiTestBase {

    private static final PostgresSchema SCHEMA = PostgresSchema.create(DatabaseDownTest.class, 2);
    private static final TcpProxy PROXY = proxy();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws IOException {
        registry.add("spring.datasource.url", () -> "jdbc:postgresql://127.0.0.1:" + PROXY.port() + "/test?currentSchema=" + SCHEMA.name());
        registry.add("spring.datasource.username", () -> PostgresSchema.USER);
        registry.add("longrun.schema", SCHEMA::name);
        registry.add("longrun.data-dir", () -> tempDir());
    }

    @Test
    void whenTheDatabaseIsDownRequestsAre503WithRetryAfterAndWorkAgainWhenItIsBack() throws Exception {
        Api.Who who = newUser();
        String id = startId(who, "test.fail", "{\"reason\":\"before the outage\"}");
        awaitStatus(who, id, "failed");
        PROXY.cut();
        try {
            Api.Res start = start(who, "test.steps", "{\"steps\":0}");
            JsonNode p = problem(start, 503);
            assertThat(start.header("Retry-After")).isNotBlank();
            assertThat(p.get("detail").asString()).contains("nothing was changed").contains("Try again");
            problem(api.get("/api/jobs/" + id).as(who).send(), 503);
            problem(api.get("/api/jobs").as(who).send(), 503);
            assertThat(api.get("/actuator/health").send().status()).isEqualTo(503);
        } finally {
            PROXY.restore();
        }
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/jobs/" + id).as(who).send().status() == 200);
        assertThat(start(who, "test.steps", "{\"steps\":0}").status()).isEqualTo(202);
        assertThat(api.get("/api/jobs").as(who).send().json().get("jobs")).as("the refused start left nothing behind").hasSize(2);
    }

    private static TcpProxy proxy() {
        try {
            TcpProxy proxy = new TcpProxy(5432);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    proxy.close();
                    SCHEMA.close();
                } catch (Exception ignored) {
                    // the JVM is going down anyway
                }
            }));
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tempDir() {
        try {
            return Files.createTempDirectory("longrun-starter-outage").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
