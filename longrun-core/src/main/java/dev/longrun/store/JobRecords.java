package dev.longrun.store;

import dev.longrun.ItemStatus;
import dev.longrun.JobItem;
import dev.longrun.JobLog;
import dev.longrun.Summary;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The side records of jobs — logs, item outcomes, result files, duration history — and the user's bulk
 * actions; split from {@link SqlJobStore} so each stays readable. Statements as in the rest of the store.
 */
final class JobRecords {

    private final Database db;
    private final JobRows rows;
    private final JobJson json;

    JobRecords(Database db, JobRows rows, JobJson json) {
        this.db = db;
        this.rows = rows;
        this.json = json;
    }

    void appendLogs(Collection<NewLog> logs) {
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

    List<JobLog> logs(UUID jobId, int limit) {
        return db.read(c -> db.query(c, "Logs", Params.of("job_id", jobId).set("limit", limit), rows::log));
    }

    void saveItems(Collection<JobItem> items) {
        if (items.isEmpty()) {
            return;
        }
        List<Params> batch = items.stream().map(i -> Params.of("job_id", i.jobId()).set("key", i.key())
                .set("status", i.status().value()).set("message", i.message()).set("detail", json.write(i.detail()))
                .set("created_at", i.createdAt())).toList();
        db.write(c -> {
            db.batch(c, "SaveItem", batch);
            return null;
        });
    }

    List<JobItem> items(UUID jobId, ItemStatus status, int limit) {
        Params p = Params.of("job_id", jobId).set("status", status == null ? null : status.value()).set("limit", limit);
        return db.read(c -> db.query(c, "Items", p, rows::item));
    }

    Summary countItems(UUID jobId) {
        return db.read(c -> db.query(c, "CountItems", Params.of("job_id", jobId), rs -> new Summary(
                rs.getLong("succeeded"), rs.getLong("failed"), rs.getLong("skipped"), rs.getLong("warnings")))).get(0);
    }

    void recordFile(StoredFile file) {
        Params p = Params.of("storage_key", file.storageKey()).set("job_id", file.jobId())
                .set("filename", file.filename()).set("created_at", file.createdAt());
        db.write(c -> db.update(c, "RecordFile", p));
    }

    void markFileDeleted(String storageKey) {
        db.write(c -> db.update(c, "MarkFileDeleted", Params.of("storage_key", storageKey)));
    }

    List<StoredFile> filesCreatedBefore(Instant before, int limit) {
        return db.read(c -> db.query(c, "FilesCreatedBefore", Params.of("before", before).set("limit", limit), rows::file));
    }

    List<StoredFile> filesOf(Collection<UUID> jobIds) {
        if (jobIds.isEmpty()) {
            return List.of();
        }
        return db.read(c -> db.query(c, "FilesOf", Params.of("ids", SqlJobStore.uuids(jobIds)), rows::file));
    }

    List<DurationSample> recentDurations(String type, int limit) {
        return db.read(c -> db.query(c, "RecentDurations", Params.of("type", type).set("limit", limit),
                rs -> new DurationSample(rs.getLong("millis"), SqlTypes.nullableLong(rs, "total"))));
    }

    /** Keeps one learned shape and only the newest {@code keep} of its type, in one transaction. */
    void keepShape(String type, String shape, Instant at, int keep) {
        db.write(c -> {
            db.update(c, "KeepShape", Params.of("type", type).set("recorded_at", at).set("shape", shape));
            return db.update(c, "PruneShapes", Params.of("type", type).set("keep", keep));
        });
    }

    List<String> recentShapes(String type, int limit) {
        return db.read(c -> db.query(c, "RecentShapes", Params.of("type", type).set("limit", limit), rs -> rs.getString("shape")));
    }

    List<UUID> activeJobIds(String accountId, String userId) {
        Params p = Params.of("account_id", accountId).set("user_id", userId);
        return db.read(c -> db.query(c, "ActiveJobIds", p, rows::id));
    }

    List<UUID> deleteFinished(String accountId, String userId) {
        Params p = Params.of("account_id", accountId).set("user_id", userId);
        return db.write(c -> db.query(c, "DeleteFinished", p, rows::id));
    }
}
