package dev.longrun.store;

import dev.longrun.ItemStatus;
import dev.longrun.JobItem;
import dev.longrun.JobLog;
import dev.longrun.Summary;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** The {@link RecordStore} over the same named statements and transactions as {@link SqlJobStore}. */
final class SqlRecordStore implements RecordStore {

    private final Database db;
    private final RowReader rows;
    private final JobJson json;

    SqlRecordStore(Database db, RowReader rows, JobJson json) {
        this.db = db;
        this.rows = rows;
        this.json = json;
    }

    @Override
    public void appendLogs(Collection<NewLog> logs) {
        if (logs.isEmpty()) {
            return;
        }
        List<Params> batch = logs.stream().map(l -> Params.of("job_id", l.jobId()).set("level", l.level().name())
                .set("message", l.message()).set("timestamp", l.timestamp())).toList();
        db.write(c -> {
            db.batch(c, "AppendLog", batch);
            return null;
        });
    }

    @Override
    public List<JobLog> logs(UUID jobId, int limit) {
        return db.read(c -> db.query(c, "Logs", Params.of("job_id", jobId).set("limit", limit), rows::log));
    }

    @Override
    public void saveItems(Collection<JobItem> items) {
        if (items.isEmpty()) {
            return;
        }
        List<Params> batch = items.stream().map(i -> Params.of("job_id", i.jobId()).set("key", i.key())
                .set("status", i.status().value()).set("message", i.message()).set("detail", json.write(i.detail()))
                .set("created_at", i.createdAt()).set("retryable", i.retryable())).toList();
        db.write(c -> {
            db.batch(c, "SaveItem", batch);
            return null;
        });
    }

    @Override
    public List<JobItem> items(UUID jobId, ItemStatus status, int offset, int limit) {
        Params p = Params.of("job_id", jobId).set("status", status == null ? null : status.value()).set("limit", limit)
                .set("offset", Math.max(0, offset));
        return db.read(c -> db.query(c, "Items", p, rows::item));
    }

    @Override
    public Summary countItems(UUID jobId) {
        return db.read(c -> db.query(c, "CountItems", Params.of("job_id", jobId), rs -> new Summary(
                rs.getLong("succeeded"), rs.getLong("failed"), rs.getLong("skipped"), rs.getLong("warnings")))).get(0);
    }

    @Override
    public void recordFile(StoredFile file) {
        Params p = Params.of("storage_key", file.storageKey()).set("job_id", file.jobId())
                .set("filename", file.filename()).set("created_at", file.createdAt());
        db.write(c -> db.update(c, "RecordFile", p));
    }

    @Override
    public void markFileDeleted(String storageKey) {
        db.write(c -> db.update(c, "MarkFileDeleted", Params.of("storage_key", storageKey)));
    }

    @Override
    public List<StoredFile> filesCreatedBefore(Instant before, int limit) {
        return db.read(c -> db.query(c, "FilesCreatedBefore", Params.of("before", before).set("limit", limit), rows::file));
    }

    @Override
    public List<StoredFile> filesOf(Collection<UUID> jobIds) {
        if (jobIds.isEmpty()) {
            return List.of();
        }
        return db.read(c -> db.query(c, "FilesOf", Params.of("ids", SqlJobStore.uuids(jobIds)), rows::file));
    }
}
