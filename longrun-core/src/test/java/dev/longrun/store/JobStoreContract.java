package dev.longrun.store;

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
    class Races extends RaceContract {
        @Override JobStore store() { return JobStoreContract.this.store(); }
        @Override void wipe() { JobStoreContract.this.wipe(); }
    }
}
