package dev.longrun.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** notifications.sql (dev.longrun.notify) defines the same statements with the same parameters in both dialects. */
class NotificationStatementsParityTest {

    @Test
    void bothDialectsDefineTheSameNotificationStatementsAndParameters() {
        NamedStatements postgres = NamedStatements.load(Dialect.POSTGRESQL, "\"longrun\"", "notifications.sql");
        NamedStatements sqlite = NamedStatements.load(Dialect.SQLITE, null, "notifications.sql");

        assertThat(new TreeSet<>(sqlite.names())).isEqualTo(new TreeSet<>(postgres.names()))
                .contains("ClaimDeliveries", "MarkPlannedMany", "MarkRead", "WebhookFailed");
        for (String name : sqlite.names()) {
            assertThat(new TreeSet<>(sqlite.get(name).parameters())).as("parameters of %s", name)
                    .isEqualTo(new TreeSet<>(postgres.get(name).parameters()));
        }
    }

    @Test
    void aMissingStatementNamesTheFileItWasLookedFor() {
        NamedStatements sqlite = NamedStatements.load(Dialect.SQLITE, null, "notifications.sql");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sqlite.get("NoSuchThing"))
                .hasMessage("No statement named 'NoSuchThing' in db/sqlite/notifications.sql");
        assertThat(Set.copyOf(NamedStatements.load(Dialect.SQLITE, null).names())).doesNotContain("ClaimDeliveries");
    }
}
