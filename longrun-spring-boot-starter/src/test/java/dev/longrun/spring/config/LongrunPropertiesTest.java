package dev.longrun.spring.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.Longrun;
import dev.longrun.LongrunBuilder;
import dev.longrun.LongrunSettings;
import dev.longrun.spring.notify.NotifyProperties;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * Every engine setting of {@code longrun.*} reaches the engine, defaults come from {@link LongrunBuilder}, and a value
 * the engine cannot run with stops the application at start with a message naming the property.
 */
class LongrunPropertiesTest {

    @TempDir
    Path dataDir;

    private ApplicationContextRunner engine() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(LongrunDataSourceAutoConfiguration.class, LongrunEngineAutoConfiguration.class))
                .withPropertyValues("longrun.data-dir=" + dataDir);
    }

    @Test
    void everyEngineSettingReachesTheEngine() {
        engine().withPropertyValues(
                "longrun.schema=longrun_props",
                "longrun.node-name=web-7",
                "longrun.progress-flush-interval=400ms",
                "longrun.retention=12d",
                "longrun.results.retention=36h",
                "longrun.worker.concurrency=3",
                "longrun.worker.queues=exports,imports.large",
                "longrun.worker.lease=45s",
                "longrun.worker.poll-interval=750ms",
                "longrun.worker.shutdown-grace=0s",
                "longrun.worker.enabled=false",
                "longrun.database-wait-at-start=5s").run(context -> {
            assertThat(context).hasNotFailed();
            LongrunSettings s = context.getBean(Longrun.class).settings();
            assertThat(s.dataDir()).isEqualTo(dataDir);
            assertThat(s.schema()).isEqualTo("longrun_props");
            assertThat(s.nodeName()).startsWith("web-7-");
            assertThat(s.progressFlushInterval()).isEqualTo(Duration.ofMillis(400));
            assertThat(s.retention()).isEqualTo(Duration.ofDays(12));
            assertThat(s.fileRetention()).isEqualTo(Duration.ofHours(36));
            assertThat(s.concurrency()).isEqualTo(3);
            assertThat(s.queues()).isEqualTo(Set.of("exports", "imports.large"));
            assertThat(s.lease()).isEqualTo(Duration.ofSeconds(45));
            assertThat(s.pollInterval()).isEqualTo(Duration.ofMillis(750));
            assertThat(s.shutdownGrace()).isZero();
            assertThat(s.runWorkers()).isFalse();
            assertThat(s.databaseWaitAtStart()).isEqualTo(Duration.ofSeconds(5));
            assertThat(s.resultStore()).isEqualTo("local directory " + dataDir.resolve("results").toAbsolutePath().normalize());
        });
    }

    @Test
    void withoutSettingsTheEngineRunsOnTheBuildersDefaults() {
        engine().run(context -> {
            LongrunSettings s = context.getBean(Longrun.class).settings();
            assertThat(s.concurrency()).isEqualTo(LongrunBuilder.DEFAULT_CONCURRENCY);
            assertThat(s.lease()).isEqualTo(LongrunBuilder.DEFAULT_LEASE);
            assertThat(s.pollInterval()).isEqualTo(LongrunBuilder.DEFAULT_POLL_INTERVAL);
            assertThat(s.shutdownGrace()).isEqualTo(LongrunBuilder.DEFAULT_SHUTDOWN_GRACE);
            assertThat(s.progressFlushInterval()).isEqualTo(LongrunBuilder.DEFAULT_PROGRESS_FLUSH_INTERVAL);
            assertThat(s.retention()).isEqualTo(LongrunBuilder.DEFAULT_RETENTION);
            assertThat(s.fileRetention()).isEqualTo(LongrunBuilder.DEFAULT_FILE_RETENTION);
            assertThat(s.runWorkers()).isEqualTo(LongrunBuilder.DEFAULT_RUN_WORKERS);
            assertThat(s.schema()).isEqualTo(LongrunBuilder.DEFAULT_SCHEMA);
            assertThat(s.databaseWaitAtStart()).isEqualTo(LongrunBuilder.DEFAULT_DATABASE_WAIT_AT_START);
        });
    }

    /** The metadata's defaults are written by hand (the processor cannot read the builder's constants): they must agree. */
    @Test
    void theDocumentedDefaultsAreTheBuildersDefaults() throws Exception {
        var json = tools.jackson.databind.json.JsonMapper.builder().build();
        java.util.Map<String, String> documented = new java.util.HashMap<>();
        try (var in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            json.readTree(in).get("properties").forEach(p -> {
                if (p.has("defaultValue")) {
                    documented.put(p.get("name").asString(), p.get("defaultValue").asString());
                }
            });
        }
        var convert = org.springframework.boot.convert.ApplicationConversionService.getSharedInstance();
        java.util.function.Function<String, Duration> duration = name -> convert.convert(documented.get(name), Duration.class);
        assertThat(Path.of(documented.get("longrun.data-dir"))).isEqualTo(LongrunBuilder.DEFAULT_DATA_DIR);
        assertThat(documented.get("longrun.schema")).isEqualTo(LongrunBuilder.DEFAULT_SCHEMA);
        assertThat(duration.apply("longrun.retention")).isEqualTo(LongrunBuilder.DEFAULT_RETENTION);
        assertThat(duration.apply("longrun.progress-flush-interval")).isEqualTo(LongrunBuilder.DEFAULT_PROGRESS_FLUSH_INTERVAL);
        assertThat(Integer.parseInt(documented.get("longrun.worker.concurrency"))).isEqualTo(LongrunBuilder.DEFAULT_CONCURRENCY);
        assertThat(Boolean.parseBoolean(documented.get("longrun.worker.enabled"))).isEqualTo(LongrunBuilder.DEFAULT_RUN_WORKERS);
        assertThat(duration.apply("longrun.worker.lease")).isEqualTo(LongrunBuilder.DEFAULT_LEASE);
        assertThat(duration.apply("longrun.worker.poll-interval")).isEqualTo(LongrunBuilder.DEFAULT_POLL_INTERVAL);
        assertThat(duration.apply("longrun.worker.shutdown-grace")).isEqualTo(LongrunBuilder.DEFAULT_SHUTDOWN_GRACE);
        assertThat(duration.apply("longrun.results.retention")).isEqualTo(LongrunBuilder.DEFAULT_FILE_RETENTION);
        assertThat(duration.apply("longrun.database-wait-at-start")).isEqualTo(LongrunBuilder.DEFAULT_DATABASE_WAIT_AT_START);
    }

    @Test
    void notificationSettingsBind() {
        new ApplicationContextRunner().withUserConfiguration(BindOnly.class).withPropertyValues(
                "longrun.notify.email-after=10m", "longrun.notify.base-url=https://jobs.example.com",
                "longrun.notify.mail-from=Jobs <jobs@example.com>", "longrun.notify.retry-base=5s", "longrun.notify.retry-max=20m",
                "longrun.notify.max-attempts=4", "longrun.notify.poll-interval=2s", "longrun.notify.webhooks.allow-private=true",
                "longrun.notify.webhooks.allow-loopback=true",
                "longrun.notify.webhooks.timeout=3s", "longrun.notify.webhooks.failure-limit=6").run(context -> {
            NotifyProperties n = context.getBean(NotifyProperties.class);
            assertThat(n.getEmailAfter()).isEqualTo(Duration.ofMinutes(10));
            assertThat(n.getBaseUrl()).isEqualTo("https://jobs.example.com");
            assertThat(n.getMailFrom()).isEqualTo("Jobs <jobs@example.com>");
            assertThat(n.getRetryBase()).isEqualTo(Duration.ofSeconds(5));
            assertThat(n.getRetryMax()).isEqualTo(Duration.ofMinutes(20));
            assertThat(n.getMaxAttempts()).isEqualTo(4);
            assertThat(n.getPollInterval()).isEqualTo(Duration.ofSeconds(2));
            assertThat(n.getWebhooks().isAllowPrivate()).isTrue();
            assertThat(n.getWebhooks().isAllowLoopback()).isTrue();
            assertThat(n.getWebhooks().getTimeout()).isEqualTo(Duration.ofSeconds(3));
            assertThat(n.getWebhooks().getFailureLimit()).isEqualTo(6);
        });
    }

    @ParameterizedTest(name = "{0}={1} is refused")
    @CsvSource(delimiter = '|', value = {
            "longrun.worker.concurrency|0",
            "longrun.worker.lease|-5s",
            "longrun.worker.lease|0s",
            "longrun.worker.poll-interval|-1ms",
            "longrun.worker.shutdown-grace|-1s",
            "longrun.worker.queues|exports,big imports",
            "longrun.worker.queues|-leading-dash",
            "longrun.progress-flush-interval|0ms",
            "longrun.retention|-1d",
            "longrun.results.retention|0h",
            "longrun.results.link-ttl|-1h",
            "longrun.results.presign-ttl|0s",
            "longrun.results.store|ftp",
            "longrun.results.download|email",
            "longrun.schema|drop table",
            "longrun.notify.email-after|-1m",
            "longrun.notify.retry-base|0s",
            "longrun.notify.max-attempts|0",
            "longrun.notify.webhooks.timeout|-2s",
            "longrun.notify.webhooks.failure-limit|0",
    })
    void aWrongValueStopsTheStartNamingTheProperty(String property, String value) {
        new ApplicationContextRunner().withUserConfiguration(BindOnly.class).withPropertyValues(property + "=" + value).run(context -> {
            assertThat(context).hasFailed();
            // Validation errors name the field path (longrun.worker.pollInterval), binding errors the property as
            // written; Spring Boot's failure analysis prints either as the property at start.
            assertThat(relaxed(messages(context.getStartupFailure()))).contains(relaxed(property));
        });
    }

    private static String relaxed(String name) {
        return name.replace("-", "").toLowerCase(java.util.Locale.ROOT);
    }

    @Test
    void storeS3WithoutABucketStopsTheStartNamingTheProperty() {
        engine().withConfiguration(AutoConfigurations.of(LongrunS3AutoConfiguration.class))
                .withPropertyValues("longrun.results.store=s3").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(messages(context.getStartupFailure())).contains("longrun.results.s3.bucket");
                });
    }

    private static String messages(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            sb.append(c.getMessage()).append('\n');
        }
        return sb.toString();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({LongrunProperties.class, NotifyProperties.class})
    static class BindOnly {
    }
}
