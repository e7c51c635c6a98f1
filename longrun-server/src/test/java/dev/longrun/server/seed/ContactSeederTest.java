package dev.longrun.server.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.longrun.server.contacts.ContactFilter;
import dev.longrun.server.contacts.ContactRepository;
import dev.longrun.server.db.ServerSchema;
import dev.longrun.server.testing.SqliteFile;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;

/** Seeding at startup waits out a database that is away for a moment, and never stops the start when it stays away. */
class ContactSeederTest {

    @Test
    void aDatabaseAwayForTwoAttemptsIsWaitedForAndTheContactsAreSeeded() throws Exception {
        try (SqliteFile db = SqliteFile.create()) {
            ServerSchema.migrate(db.dataSource(), ServerSchema.sql(db.dataSource()));
            AtomicInteger refusals = new AtomicInteger(2);
            ContactRepository contacts = new ContactRepository(db.dataSource(), ServerSchema.sql(db.dataSource())) {
                @Override
                public long count(String accountId, ContactFilter filter) {
                    if (refusals.getAndDecrement() > 0) {
                        throw new DataAccessResourceFailureException("terminating connection due to administrator command");
                    }
                    return super.count(accountId, filter);
                }
            };

            boolean seeded = new ContactSeeder(contacts).seedAllOnceReachable(List.of("acme"), 25, Duration.ofSeconds(30), Duration.ofMillis(10));

            assertThat(seeded).isTrue();
            assertThat(contacts.count("acme", ContactFilter.ALL)).isEqualTo(25);
        }
    }

    @Test
    void aDatabaseThatStaysAwayIsGivenUpOnWithoutFailingTheStart() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        try (SqliteFile db = SqliteFile.create()) {
            ContactRepository away = new ContactRepository(db.dataSource(), ServerSchema.sql(db.dataSource())) {
                @Override
                public long count(String accountId, ContactFilter filter) {
                    attempts.incrementAndGet();
                    throw new DataAccessResourceFailureException("Connection refused");
                }
            };

            boolean seeded = new ContactSeeder(away).seedAllOnceReachable(List.of("acme"), 25, Duration.ofMillis(200), Duration.ofMillis(20));

            assertThat(seeded).isFalse();
            assertThat(attempts.get()).as("tried again until the patience ran out").isGreaterThan(1);
        }
    }

    @Test
    void aRealErrorIsNotTakenForAnOutage() throws Exception {
        try (SqliteFile db = SqliteFile.create()) {
            ContactRepository broken = new ContactRepository(db.dataSource(), ServerSchema.sql(db.dataSource())) {
                @Override
                public long count(String accountId, ContactFilter filter) {
                    throw new DataIntegrityViolationException("not an outage");
                }
            };

            assertThatThrownBy(() -> new ContactSeeder(broken)
                            .seedAllOnceReachable(List.of("acme"), 25, Duration.ofSeconds(30), Duration.ofMillis(10)))
                    .isInstanceOf(DataIntegrityViolationException.class);
        }
    }
}
