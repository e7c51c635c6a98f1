package dev.longrun.store;

import dev.longrun.ItemStatus;
import dev.longrun.Job;
import dev.longrun.JobItem;
import dev.longrun.JobLog;
import dev.longrun.JobStamp;
import dev.longrun.JobStatus;
import dev.longrun.LogLevel;
import dev.longrun.event.JobEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** Reads rows of Longrun's tables into the API records, the same way on every dialect. */
final class RowReader {

    private final SqlTypes types;
    private final JobJson json;

    RowReader(SqlTypes types, JobJson json) {
        this.types = types;
        this.json = json;
    }

    Job job(ResultSet rs) throws SQLException {
        return new Job(
                types.uuid(rs, "id"),
                rs.getString("account_id"),
                rs.getString("user_id"),
                rs.getString("type"),
                rs.getString("queue"),
                rs.getInt("priority"),
                JobStatus.fromValue(rs.getString("status")),
                SqlTypes.nullableLong(rs, "progress_current"),
                SqlTypes.nullableLong(rs, "progress_total"),
                rs.getString("progress_message"),
                SqlTypes.nullableInt(rs, "current_step"),
                SqlTypes.nullableInt(rs, "total_steps"),
                types.instant(rs, "created_at"),
                types.instant(rs, "started_at"),
                types.instant(rs, "completed_at"),
                types.instant(rs, "updated_at"),
                types.instant(rs, "run_after"),
                SqlTypes.nullableLong(rs, "estimated_duration_seconds"),
                rs.getBoolean("cancellable"),
                types.instant(rs, "cancel_requested_at"),
                rs.getInt("attempt"),
                rs.getInt("max_attempts"),
                rs.getString("idempotency_key"),
                json.readTree(rs.getString("params")),
                json.readResult(rs.getString("result")),
                rs.getString("error_message"),
                rs.getString("error_code"),
                SqlTypes.nullableBoolean(rs, "error_retryable"),
                json.readSummary(rs.getString("summary")),
                json.readAction(rs.getString("action")),
                rs.getBoolean("confirmed"),
                types.uuid(rs, "depends_on"),
                types.uuid(rs, "waiting_for"),
                types.uuid(rs, "retry_of"),
                SqlTypes.nullableLong(rs, "timeout_seconds"),
                rs.getString("lease_owner"),
                types.instant(rs, "lease_expires_at"),
                types.instant(rs, "heartbeat_at"),
                rs.getLong("version"),
                types.instant(rs, "hidden_at"));
    }

    /** By position, as {@code FindJobStamp} selects them: no column-name lookups on the hottest read (a 304). */
    JobStamp stamp(ResultSet rs) throws SQLException {
        return new JobStamp(types.uuid(rs, 1), rs.getString(2), rs.getString(3), rs.getLong(4));
    }

    /** A job with the fingerprint of the request that created it (for telling a repeat from a reused key). */
    InsertOutcome holder(ResultSet rs) throws SQLException {
        return new InsertOutcome(job(rs), false, rs.getString("request_fingerprint"));
    }

    JobEvent event(ResultSet rs) throws SQLException {
        return new JobEvent(types.uuid(rs, "id"), rs.getLong("version"), rs.getString("account_id"),
                rs.getString("user_id"), JobStatus.fromValue(rs.getString("status")));
    }

    HeartbeatAck heartbeat(ResultSet rs) throws SQLException {
        return new HeartbeatAck(types.uuid(rs, "id"), rs.getBoolean("cancel_requested"));
    }

    UUID id(ResultSet rs) throws SQLException {
        return types.uuid(rs, "id");
    }

    JobLog log(ResultSet rs) throws SQLException {
        return new JobLog(rs.getLong("id"), types.uuid(rs, "job_id"), LogLevel.valueOf(rs.getString("level")),
                rs.getString("message"), types.instant(rs, "timestamp"));
    }

    JobItem item(ResultSet rs) throws SQLException {
        return new JobItem(types.uuid(rs, "job_id"), rs.getString("key"), ItemStatus.fromValue(rs.getString("status")),
                rs.getString("message"), json.readTree(rs.getString("detail")), types.instant(rs, "created_at"),
                SqlTypes.nullableBoolean(rs, "retryable"));
    }

    StoredFile file(ResultSet rs) throws SQLException {
        return new StoredFile(rs.getString("storage_key"), types.uuid(rs, "job_id"), rs.getString("filename"),
                types.instant(rs, "created_at"));
    }
}
