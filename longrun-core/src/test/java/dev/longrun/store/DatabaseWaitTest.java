package dev.longrun.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.longrun.LongrunException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The wait at start on a fake clock: what is waited on, for how long, and what the operator reads meanwhile. */
class DatabaseWaitTest {

    private final List<Duration> sleeps = new ArrayList<>();
    private final List<String> announced = new ArrayList<>();
    private long now;

    private final DatabaseWait.Time fakeTime = new DatabaseWait.Time() {
        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleep(Duration duration) {
            sleeps.add(duration);
            now += duration.toNanos();
        }
    };

    private DatabaseWait upTo(Duration limit) {
        return new DatabaseWait(limit, Duration.ofSeconds(2), fakeTime, announced::add);
    }

    private static LongrunException refused() {
        return LongrunException.storeUnavailable(new SQLException("Connection to 127.0.0.1:5432 refused.", "08001",
                new ConnectException("Connection refused")));
    }

    @Test
    void anUnreachableDatabaseIsWaitedForAndEachWaitIsLoggedOnceInWords() {
        AtomicInteger tries = new AtomicInteger();

        String result = upTo(Duration.ofSeconds(60)).run("migration", () -> {
            if (tries.incrementAndGet() < 3) {
                throw refused();
            }
            return "migrated";
        });

        assertThat(result).isEqualTo("migrated");
        assertThat(sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
        assertThat(announced).containsExactly("Database unreachable (Connection refused), retrying migration in 2 s",
                "Database unreachable (Connection refused), retrying migration in 2 s");
    }

    @Test
    void aSchemaErrorEndsTheStartAtOnce() {
        StoreException checksum = new StoreException("Migrating Longrun's tables (postgresql) failed: Validate failed:"
                + " Migration checksum mismatch for migration version 3", null);
        AtomicInteger tries = new AtomicInteger();

        assertThatThrownBy(() -> upTo(Duration.ofSeconds(60)).run("migration", () -> {
            tries.incrementAndGet();
            throw checksum;
        })).isSameAs(checksum);
        assertThat(tries).hasValue(1);
        assertThat(sleeps).isEmpty();
    }

    /** A host's own migration after Longrun's (the server's tables) fails as Flyway's exception, not as Longrun's. */
    @Test
    void aConnectionFailureInsideAnotherLibrarysExceptionIsWaitedForToo() {
        AtomicInteger tries = new AtomicInteger();
        RuntimeException flywayOverDroppedLink = new IllegalStateException("Migration V2__outbox.sql failed",
                new SQLException("An I/O error occurred while sending to the backend.", "08006"));

        String result = upTo(Duration.ofSeconds(60)).run("the server's migration", () -> {
            if (tries.incrementAndGet() < 2) {
                throw flywayOverDroppedLink;
            }
            return "migrated";
        });

        assertThat(result).isEqualTo("migrated");
        assertThat(announced).containsExactly("Database unreachable (An I/O error occurred while sending to the backend.),"
                + " retrying the server's migration in 2 s");
    }

    @Test
    void anotherLibrarysErrorThatIsNoConnectionFailureEndsTheStartAtOnce() {
        RuntimeException badSql = new IllegalStateException("Migration V2__outbox.sql failed",
                new SQLException("syntax error at or near \"CRATE\"", "42601"));

        assertThatThrownBy(() -> upTo(Duration.ofSeconds(60)).run("the server's migration", () -> {
            throw badSql;
        })).isSameAs(badSql);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void aDatabaseThatStaysAwayEndsTheStartAfterTheLimitSayingWhatToCheck() {
        LongrunException last = refused();
        AtomicInteger tries = new AtomicInteger();

        assertThatThrownBy(() -> upTo(Duration.ofSeconds(60)).run("migration", () -> {
            tries.incrementAndGet();
            throw last;
        })).isInstanceOfSatisfying(LongrunException.class, e -> {
            assertThat(e.code()).isEqualTo("store_unavailable");
            assertThat(e.getCause()).isSameAs(last);
        }).hasMessage("The job database stayed unreachable for 60 s while this node started, so the migration did not run"
                + " and the node stops (last error: Connection refused). Check that the database is running and reachable"
                + " from this node, then start it again.");
        assertThat(tries).as("a try every 2 s from 0 s to 60 s").hasValue(31);
        assertThat(sleeps).hasSize(30);
    }

    @Test
    void noWaitGivesUpAtTheFirstFailure() {
        assertThatThrownBy(() -> upTo(Duration.ZERO).run("migration", () -> {
            throw refused();
        })).isInstanceOfSatisfying(LongrunException.class, e -> assertThat(e.code()).isEqualTo("store_unavailable"))
                .hasMessageStartingWith("The job database stayed unreachable while this node started");
        assertThat(sleeps).isEmpty();
        assertThat(announced).isEmpty();
    }
}
