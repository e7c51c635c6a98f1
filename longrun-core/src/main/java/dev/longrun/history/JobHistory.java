package dev.longrun.history;

import dev.longrun.store.NamedSql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Reads what happened to a job (the {@code job_events} table of migration V6, written in the transaction of each
 * change: by the statement that makes it on PostgreSQL since V13, by triggers on SQLite): its timeline for the job
 * page, and the time it ran over every attempt ("took 26 s over 2 attempts").
 * SQL in {@code db/<dialect>/history.sql}. Thread-safe; one per DataSource.
 */
public final class JobHistory {

    public static final int MAX_EVENTS = 1000;

    private final NamedSql sql;

    private JobHistory(NamedSql sql) {
        this.sql = sql;
    }

    /** The tables must exist: migrate the job store first (the engine does at start). */
    public static JobHistory open(DataSource dataSource, String schema) {
        return new JobHistory(NamedSql.load(dataSource, schema, "history.sql"));
    }

    /** The job's events, oldest first, at most {@code limit}. */
    public List<JobEvent> events(UUID jobId, int limit) {
        Map<String, Object> args = new HashMap<>();
        args.put("job_id", jobId);
        args.put("limit", Math.clamp(limit, 1, MAX_EVENTS));
        return sql.read(c -> sql.query(c, "JobEvents", args, this::event));
    }

    /** Time spent running, summed over the attempts that ended; {@link Duration#ZERO} for a job that never ran. */
    public Duration runTime(UUID jobId) {
        Map<String, Object> args = new HashMap<>();
        args.put("job_id", jobId);
        return sql.read(c -> sql.query(c, "RunMillis", args, rs -> Duration.ofMillis(Math.max(0, rs.getLong("millis"))))).get(0);
    }

    private JobEvent event(ResultSet rs) throws SQLException {
        return new JobEvent(rs.getLong("id"), sql.uuid(rs, "job_id"), rs.getString("kind"), rs.getString("status"),
                rs.getString("from_status"), rs.getInt("attempt"), sql.instant(rs, "at"), sql.instant(rs, "attempt_started_at"),
                rs.getString("message"), sql.instant(rs, "run_after"), integer(rs, "step"), integer(rs, "total_steps"));
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }
}
