package dev.longrun.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.Job;
import dev.longrun.estimate.QueueStanding;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Nested;

/**
 * The behaviour every {@link JobStore} must have, one @Nested part per operation; subclassed once per
 * database ({@link PostgresJobStoreTest}, {@link SqliteJobStoreTest}). Each test starts from empty tables.
 */
abstract class JobStoreContract {

    /** The store under test, migrated. */
    abstract JobStore store();

    /** Deletes every row, so each test starts from an empty store. */
    abstract void wipe();

    /**
     * Asks twice for the standing of {@code middle} among the 100,000 pending jobs a subclass inserted
     * (the first call warms caches), checks it against {@code expectedPosition} and that it stays cheap.
     */
    void assertQueueStandingIsCheap(String store, UUID middle, long expectedPosition) {
        Job job = store().find(middle).orElseThrow();
        Instant now = Instant.parse("2026-02-01T00:00:00Z");
        store().queueStanding(job, now);
        long started = System.nanoTime();
        QueueStanding standing = store().queueStanding(job, now);
        long millis = (System.nanoTime() - started) / 1_000_000;

        System.out.printf("%s: queueStanding over 100,000 pending jobs took %d ms%n", store, millis);
        assertThat(standing).isEqualTo(new QueueStanding((int) expectedPosition, 100_000));
        assertThat(millis).isLessThan(1_000);
    }

    @Nested
    class Inserting extends InsertContract {
        @Override JobStore store() { return JobStoreContract.this.store(); }
        @Override void wipe() { JobStoreContract.this.wipe(); }
    }

    @Nested
    class Claiming extends ClaimContract {
        @Override JobStore store() { return JobStoreContract.this.store(); }
        @Override void wipe() { JobStoreContract.this.wipe(); }
    }

    @Nested
    class Finishing extends FinishContract {
        @Override JobStore store() { return JobStoreContract.this.store(); }
        @Override void wipe() { JobStoreContract.this.wipe(); }
    }

    @Nested
    class ProgressAndHeartbeats extends ProgressContract {
        @Override JobStore store() { return JobStoreContract.this.store(); }
        @Override void wipe() { JobStoreContract.this.wipe(); }
    }

    @Nested
    class Rescuing extends RescueContract {
        @Override JobStore store() { return JobStoreContract.this.store(); }
        @Override void wipe() { JobStoreContract.this.wipe(); }
    }

    @Nested
    class CancellingConfirmingAndDependents extends CancelContract {
        @Override JobStore store() { return JobStoreContract.this.store(); }
        @Override void wipe() { JobStoreContract.this.wipe(); }
    }

    @Nested
    class ClientIdempotencyKeys extends ClientKeyContract {
        @Override JobStore store() { return JobStoreContract.this.store(); }
        @Override void wipe() { JobStoreContract.this.wipe(); }
    }

    @Nested
    class PagingWhileJobsFinish extends StablePagingContract {
        @Override JobStore store() { return JobStoreContract.this.store(); }
        @Override void wipe() { JobStoreContract.this.wipe(); }
    }

    @Nested
    class Listing extends ListContract {
        @Override JobStore store() { return JobStoreContract.this.store(); }
        @Override void wipe() { JobStoreContract.this.wipe(); }
    }

    @Nested
    class QueueStandingAndDurations extends StandingContract {
        @Override JobStore store() { return JobStoreContract.this.store(); }
        @Override void wipe() { JobStoreContract.this.wipe(); }
    }

    @Nested
    class LogsItemsFilesAndBulkActions extends RecordsContract {
        @Override JobStore store() { return JobStoreContract.this.store(); }
        @Override void wipe() { JobStoreContract.this.wipe(); }
    }

    @Nested
    class BatchInserts extends BatchInsertContract {
        @Override JobStore store() { return JobStoreContract.this.store(); }
        @Override void wipe() { JobStoreContract.this.wipe(); }
    }

    @Nested
    class Races extends RaceContract {
        @Override JobStore store() { return JobStoreContract.this.store(); }
        @Override void wipe() { JobStoreContract.this.wipe(); }
    }
}
