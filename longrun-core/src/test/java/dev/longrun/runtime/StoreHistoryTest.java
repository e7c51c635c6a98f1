package dev.longrun.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.longrun.store.EmbeddedDatabase;
import dev.longrun.store.JobStore;
import dev.longrun.store.JobStores;
import dev.longrun.testing.SettableClock;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The estimator's memory lives in the store: what one node keeps, the next one finds. */
class StoreHistoryTest {

    @TempDir
    Path dataDir;

    @Test
    void shapesKeptByOneNodeAreFoundByTheNextAndOnlyTheNewestFiftyStay() {
        try (HikariDataSource ds = EmbeddedDatabase.open(dataDir)) {
            JobStore store = JobStores.create(ds, null);
            store.migrate();
            StoreHistory first = new StoreHistory(store, SettableClock.startingAt("2026-11-23T10:00:00Z"));
            for (int i = 0; i < 60; i++) {
                first.keepShape("contacts.export", "shape-" + i);
            }
            StoreHistory afterRestart = new StoreHistory(store, SettableClock.startingAt("2026-11-24T10:00:00Z"));
            assertThat(afterRestart.recentShapes("contacts.export", 100)).hasSize(50).startsWith("shape-59", "shape-58");
            assertThat(afterRestart.recent("contacts.export", 10)).isEmpty();
        }
    }
}
