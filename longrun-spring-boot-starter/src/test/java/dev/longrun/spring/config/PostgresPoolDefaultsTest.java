package dev.longrun.spring.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.longrun.spring.testapp.TestApp;
import dev.longrun.testing.PostgresSchema;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The PostgreSQL pool holds the workers plus headroom unless the application sized it, and its connections give up
 * logging in after a bound unless the application chose one.
 */
class PostgresPoolDefaultsTest {

    private static PostgresSchema schema;

    @BeforeAll
    static void schema() {
        schema = PostgresSchema.create(PostgresPoolDefaultsTest.class, 2);
    }

    @AfterAll
    static void drop() {
        schema.close();
    }

    @Test
    void aPoolLeftAtHikarisDefaultIsRaisedAboveTheWorkerConcurrency() throws Exception {
        try (ConfigurableApplicationContext app = node("longrun.worker.concurrency=24")) {
            assertThat(pool(app).getMaximumPoolSize()).isEqualTo(24 + PostgresPoolDefaults.HEADROOM);
        }
    }

    @Test
    void aPoolTheApplicationSizedItselfIsLeftAlone() throws Exception {
        try (ConfigurableApplicationContext app = node("longrun.worker.concurrency=24", "spring.datasource.hikari.maximum-pool-size=12")) {
            assertThat(pool(app).getMaximumPoolSize()).isEqualTo(12);
        }
    }

    @Test
    void aNodeWithoutWorkersKeepsTheDefault() throws Exception {
        try (ConfigurableApplicationContext app = node("longrun.worker.enabled=false")) {
            assertThat(pool(app).getMaximumPoolSize()).isEqualTo(10);
        }
    }

    @Test
    void connectionsGiveUpLoggingInAfterABoundSoAStartDuringAPostgresRestartDoesNotHang() throws Exception {
        try (ConfigurableApplicationContext app = node()) {
            assertThat(pool(app).getDataSourceProperties().getProperty("loginTimeout"))
                    .isEqualTo(String.valueOf(PostgresPoolDefaults.LOGIN_TIMEOUT_SECONDS));
        }
    }

    @Test
    void aLoginTimeoutTheApplicationChoseIsLeftAlone() throws Exception {
        try (ConfigurableApplicationContext app = node("spring.datasource.hikari.data-source-properties.loginTimeout=3")) {
            assertThat(pool(app).getDataSourceProperties().getProperty("loginTimeout")).isEqualTo("3");
        }
    }

    private static HikariDataSource pool(ConfigurableApplicationContext app) {
        return (HikariDataSource) app.getBean(DataSource.class);
    }

    private static ConfigurableApplicationContext node(String... extra) throws Exception {
        List<String> props = new ArrayList<>(List.of(
                "server.port=0",
                "spring.datasource.url=" + schema.jdbcUrl(),
                "spring.datasource.username=" + PostgresSchema.USER,
                "longrun.schema=" + schema.name(),
                "longrun.data-dir=" + Files.createTempDirectory("longrun-pool")));
        props.addAll(List.of(extra));
        // Command-line arguments: they win over the test application's own settings, as a deployment's would.
        return new SpringApplicationBuilder(TestApp.class).run(props.stream().map(p -> "--" + p).toArray(String[]::new));
    }
}
