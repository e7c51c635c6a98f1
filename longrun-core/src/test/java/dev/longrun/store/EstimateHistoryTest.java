package dev.longrun.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.longrun.estimate.Estimator;
import dev.longrun.estimate.HistorySource;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The estimator's memory lives in the store: what one node keeps, the next one finds. */
class EstimateHistoryTest {

    @TempDir
    Path dataDir;

    @Test
    void shapesKeptByOneNodeAreFoundByTheNextAndOnlyTheNewestFiftyStay() {
        Instant t0 = Instant.parse("2026-11-23T10:00:00Z");
        try (HikariDataSource ds = EmbeddedDatabase.open(dataDir)) {
            JobStore store = JobStores.create(ds, null);
            store.migrate();
            HistorySource first = store.history();
            for (int i = 0; i < 60; i++) {
                first.keepShape("contacts.export", "shape-" + i, t0, Estimator.KEPT_SHAPES);
            }
            HistorySource afterRestart = JobStores.create(ds, null).history();
            assertThat(afterRestart.recentShapes("contacts.export", 100)).hasSize(50).startsWith("shape-59", "shape-58");
            assertThat(afterRestart.recent("contacts.export", 10)).isEmpty();
        }
    }
}
