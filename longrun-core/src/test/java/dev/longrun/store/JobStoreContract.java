package dev.longrun.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.Job;
import dev.longrun.estimate.QueueStanding;
import dev.longrun.history.JobHistory;
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

    /** The timeline reader on the same database. */
    abstract JobHistory timeline();

    /**
     * The standings of {@code front} (at {@code frontPosition}) and {@code middle} (about 50,000th) among the 100,000
     * pending jobs of the queue "bulk" a subclass inserted: the first exact, the second only known to be past the
     * count. Each is asked twice (the first call warms caches); whether a read stays within the counted part of the
     * line, each subclass checks on its database's plan.
     */
    void assertQueueStandingIsCounted(String store, UUID front, long frontPosition, UUID middle) {
        Instant now = Instant.parse("2026-02-01T00:00:00Z");
        Job first = store().find(front).orElseThrow();
        Job job = store().find(middle).orElseThrow();
        store().queueStanding(job, now, QueueStanding.COUNTED);
        long started = System.nanoTime();
        QueueStanding standing = store().queueStanding(job, now, QueueStanding.COUNTED);
        long micros = (System.nanoTime() - started) / 1_000;

        System.out.printf("%s: queueStanding in a line of 100,000 pending jobs took %,d µs%n", store, micros);
        assertThat(standing).isEqualTo(new QueueStanding(null, null, QueueStanding.COUNTED));
        assertThat(store().queueStanding(first, now, QueueStanding.COUNTED))
                .isEqualTo(new QueueStanding((int) frontPosition, null, QueueStanding.COUNTED));
        assertThat(store().queueDepth("bulk", now)).isEqualTo(100_000);
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
    class HandingBackUnstartedClaims extends UnclaimContract {
        @Override JobStore store() { return JobStoreContract.this.store(); }
        @Override void wipe() { JobStoreContract.this.wipe(); }
        @Override JobHistory timeline() { return JobStoreContract.this.timeline(); }
    }

    @Nested
    class RecordingTheTimeline extends TimelineContract {
        @Override JobStore store() { return JobStoreContract.this.store(); }
        @Override void wipe() { JobStoreContract.this.wipe(); }
        @Override JobHistory timeline() { return JobStoreContract.this.timeline(); }
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
    class PlaceInLine extends PlaceInLineContract {
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
    class Stamps extends StampContract {
        @Override JobStore store() { return JobStoreContract.this.store(); }
        @Override void wipe() { JobStoreContract.this.wipe(); }
    }

    @Nested
    class Races extends RaceContract {
        @Override JobStore store() { return JobStoreContract.this.store(); }
        @Override void wipe() { JobStoreContract.this.wipe(); }
    }
}
