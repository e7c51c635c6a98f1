package dev.longrun.spring.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points the test application at a fresh data directory: the embedded SQLite store (one per test JVM). */
public final class SqliteStore implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final Path DIR = tempDir();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of("longrun.data-dir=" + DIR).applyTo(context);
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("longrun-starter-sqlite");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
