package dev.longrun.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** history.sql (dev.longrun.history) defines the same statements with the same parameters in both dialects. */
class HistoryStatementsParityTest {

    @Test
    void bothDialectsDefineTheSameHistoryStatementsAndParameters() {
        NamedStatements postgres = NamedStatements.load(Dialect.POSTGRESQL, "\"longrun\"", "history.sql");
        NamedStatements sqlite = NamedStatements.load(Dialect.SQLITE, null, "history.sql");

        assertThat(new TreeSet<>(sqlite.names())).isEqualTo(new TreeSet<>(postgres.names())).contains("JobEvents", "RunMillis");
        for (String name : sqlite.names()) {
            assertThat(new TreeSet<>(sqlite.get(name).parameters())).as("parameters of %s", name)
                    .isEqualTo(new TreeSet<>(postgres.get(name).parameters()));
        }
    }
}
