package dev.longrun.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.server.testing.ApiClient;
import dev.longrun.server.testing.RunningServer;
import dev.longrun.server.testing.SqliteFile;
import dev.longrun.testing.PostgresSchema;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Measures importing and exporting 100,000 contacts through the HTTP API on SQLite and on PostgreSQL.
 * Off by default (it takes a minute); run it with
 * {@code ./mvnw -B -q -pl longrun-server -am test -Dtest=BulkTimingTest -Dsurefire.failIfNoSpecifiedTests=false -Dlongrun.timing=true}.
 */
class BulkTimingTest {

    static final int ROWS = 100_000;

    @Test
    void importAndExportOneHundredThousandRowsOnSqlite() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("longrun.timing"), "set -Dlongrun.timing=true to measure");
        try (SqliteFile dir = SqliteFile.create();
             RunningServer server = RunningServer.start(Map.of("longrun.data-dir", dir.dir().toString(), "longrun-demo.contacts", 0))) {
            measure("SQLite", server);
        }
    }

    @Test
    void importAndExportOneHundredThousandRowsOnPostgres() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("longrun.timing"), "set -Dlongrun.timing=true to measure");
        try (PostgresSchema schema = PostgresSchema.create(BulkTimingTest.class);
             SqliteFile dir = SqliteFile.create()) {
            Map<String, Object> props = new HashMap<>();
            props.put("spring.datasource.url", schema.jdbcUrl());
            props.put("spring.datasource.username", PostgresSchema.USER);
            props.put("longrun.schema", schema.name());
            props.put("longrun.data-dir", dir.dir().toString());
            props.put("longrun-demo.contacts", 0);
            try (RunningServer server = RunningServer.start(props)) {
                measure("PostgreSQL", server);
            }
        }
    }

    private static void measure(String store, RunningServer server) {
        ApiClient alice = new ApiClient(server.port(), "acme", "alice");
        StringBuilder csv = new StringBuilder("name,email,company\r\n");
        for (int i = 0; i < ROWS; i++) {
            csv.append("Person ").append(i).append(",person.").append(i).append("@bulk").append(i % 10).append(".example,Company ")
                    .append(i % 500).append("\r\n");
        }
        String id = alice.startImport("contacts-100k.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        long t0 = System.nanoTime();
        alice.awaitStatus(id, "needs_action");
        long preview = System.nanoTime() - t0;
        long t1 = System.nanoTime();
        alice.post("/api/jobs/" + id + "/confirm", null);
        JsonNode imported = alice.awaitStatus(id, "succeeded", "failed");
        long importing = System.nanoTime() - t1;
        assertThat(imported.get("result").get("message").asString()).isEqualTo("100,000 contacts imported");

        long t2 = System.nanoTime();
        String export = alice.start("contacts.export", "{}");
        JsonNode exported = alice.awaitStatus(export, "succeeded", "failed");
        long exporting = System.nanoTime() - t2;
        assertThat(exported.get("result").get("row_count").asLong()).isEqualTo(ROWS);
        System.out.printf("%n[timing] %s: import of %,d rows: preview %.1f s, import after confirm %.1f s; export %.1f s (%,d bytes)%n%n",
                store, ROWS, preview / 1e9, importing / 1e9, exporting / 1e9, exported.get("result").get("size_bytes").asLong());
    }
}
