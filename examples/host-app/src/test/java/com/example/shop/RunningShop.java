package com.example.shop;

import dev.longrun.testing.PostgresSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The shop started as {@code java -jar} would (port 0), on the embedded SQLite store in a fresh directory or on a
 * fresh PostgreSQL schema. Started without Spring's test framework, as longrun-server's tests do.
 */
final class RunningShop implements AutoCloseable {

    enum Store { SQLITE, POSTGRESQL }

    private final ConfigurableApplicationContext context;
    private final PostgresSchema schema;

    private RunningShop(ConfigurableApplicationContext context, PostgresSchema schema) {
        this.context = context;
        this.schema = schema;
    }

    static RunningShop start(Store store, Class<?> testClass, String... more) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--longrun.data-dir=" + tempDir(),
                "--shop.report.month-delay=1500ms"));
        args.addAll(List.of(more));
        PostgresSchema schema = null;
        if (store == Store.POSTGRESQL) {
            schema = PostgresSchema.create(testClass);
            args.add("--spring.datasource.url=" + schema.jdbcUrl());
            args.add("--spring.datasource.username=" + PostgresSchema.USER);
            args.add("--longrun.schema=" + schema.name());
        }
        return new RunningShop(new SpringApplicationBuilder(ShopApplication.class).run(args.toArray(String[]::new)), schema);
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("longrun-shop-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String base() {
        return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    @Override
    public void close() {
        context.close();
        if (schema != null) {
            schema.close();
        }
    }
}
