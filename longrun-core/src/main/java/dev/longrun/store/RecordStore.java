package dev.longrun.store;

import dev.longrun.ItemStatus;
import dev.longrun.JobItem;
import dev.longrun.JobLog;
import dev.longrun.Summary;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** The side records of jobs: logs, item outcomes and result files. Deleted with their job. */
public interface RecordStore {

    void appendLogs(Collection<NewLog> logs);

    List<JobLog> logs(UUID jobId, int limit);

    /** Inserts or replaces item outcomes by (job_id, key), in one batch. */
    void saveItems(Collection<JobItem> items);

    /** A job's items in the order they were recorded, skipping the first {@code offset} (paging an append-only list). */
    List<JobItem> items(UUID jobId, ItemStatus status, int offset, int limit);

    default List<JobItem> items(UUID jobId, ItemStatus status, int limit) {
        return items(jobId, status, 0, limit);
    }

    Summary countItems(UUID jobId);

    void recordFile(StoredFile file);

    void markFileDeleted(String storageKey);

    /** Result files created before {@code before} that are not deleted yet. */
    List<StoredFile> filesCreatedBefore(Instant before, int limit);

    /** Files of these jobs (for deleting them on cancel, failure or clear). */
    List<StoredFile> filesOf(Collection<UUID> jobIds);
}
