package dev.longrun.spring.support;

import dev.longrun.testing.PostgresSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points the test application's DataSource ({@code spring.datasource.url}) at a fresh schema of the machine's
 * PostgreSQL, with {@code longrun.schema} set to it (one schema per test JVM, dropped at exit).
 */
public final class PostgresStore implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static PostgresSchema schema;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        PostgresSchema s = schema();
        try {
            TestPropertyValues.of(
                    "spring.datasource.url=" + s.jdbcUrl(),
                    "spring.datasource.username=" + PostgresSchema.USER,
                    "longrun.schema=" + s.name(),
                    "longrun.data-dir=" + Files.createTempDirectory("longrun-starter-pg")).applyTo(context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized PostgresSchema schema() {
        if (schema == null) {
            schema = PostgresSchema.create(PostgresStore.class, 2);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    schema.close();
                } catch (RuntimeException ignored) {
                    // the server may be gone already
                }
            }));
        }
        return schema;
    }
}
