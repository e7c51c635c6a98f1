package dev.longrun.store;

import dev.longrun.Job;
import dev.longrun.JobPage;
import dev.longrun.JobQuery;
import dev.longrun.JobStamp;
import dev.longrun.JobStatus;
import dev.longrun.LongrunException;
import dev.longrun.estimate.HistorySource;
import dev.longrun.estimate.QueueStanding;
import dev.longrun.event.JobEvent;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The {@link JobStore} on PostgreSQL and SQLite: the same Java over each dialect's named statements
 * ({@code db/<dialect>/queries.sql} and {@code transitions.sql}). Thread-safe; create one per DataSource with {@link JobStores#create}.
 */
public final class SqlJobStore implements JobStore {

    /** Claim order: priority desc, run_after, id (uuid text order = PostgreSQL's uuid order). */
    static final Comparator<Job> CLAIM_ORDER = Comparator.comparingInt(Job::priority).reversed()
            .thenComparing(Job::runAfter)
            .thenComparing(j -> j.id().toString());

    private static final int INSERT_ATTEMPTS = 10;

    private final Dialect dialect;
    private final DataSource dataSource;
    private final String schema;
    private final JobJson json;
    private final Database db;
    private final RowReader rows;
    private final SqlRecordStore records;
    private final SqlEstimateHistory history;
    private final IdempotencyKeyRecords keys;
    private final JobInserts inserts;

    SqlJobStore(Dialect dialect, DataSource dataSource, String schema, JobJson json) {
        this.dialect = dialect;
        this.dataSource = dataSource;
        this.schema = schema;
        this.json = json;
        SqlTypes types = dialect == Dialect.POSTGRESQL ? new PostgresTypes() : new SqliteTypes(json);
        NamedStatements statements = NamedStatements.load(dialect, dialect == Dialect.POSTGRESQL ? Migrations.quote(schema) : null);
        this.db = new Database(dataSource, statements, types, dialect == Dialect.SQLITE);
        this.rows = new RowReader(types, json);
        this.records = new SqlRecordStore(db, rows, json);
        this.history = new SqlEstimateHistory(db);
        this.keys = new IdempotencyKeyRecords(db, rows, types);
        this.inserts = new JobInserts(db, rows, keys, dialect == Dialect.POSTGRESQL);
    }

    public Dialect dialect() {
        return dialect;
    }

    @Override
    public String databaseName() {
        return dialect.name();
    }

    @Override
    public RecordStore records() {
        return records;
    }

    @Override
    public HistorySource history() {
        return history;
    }

    /** The PostgreSQL schema of the tables (null on SQLite). */
    public String schema() {
        return dialect == Dialect.POSTGRESQL ? schema : null;
    }

    /**
     * The PostgreSQL channel {@link #announce} notifies, {@value NotifyPayload#CHANNEL}, whatever the schema:
     * listeners in other schemas of the same database hear these events too, find no such job and drop them.
     */
    public String notifyChannel() {
        return NotifyPayload.CHANNEL;
    }

    public JobJson json() {
        return json;
    }

    @Override
    public void migrate() {
        Migrations.migrate(dataSource, dialect, schema);
    }

    // --- writes from user requests -------------------------------------------------------------

    @Override
    public InsertOutcome insert(NewJob job) {
        if (job.keyExpiresAt() != null) {
            return keys.insert(job);
        }
        Params p = IdempotencyKeyRecords.insertJobParams(job);
        // The holder of the key may finish between our insert and our read: then the key is free, try again.
        for (int attempt = 0; attempt < INSERT_ATTEMPTS; attempt++) {
            Optional<InsertOutcome> outcome = db.write(c -> {
                List<Job> inserted = db.query(c, "InsertJob", p, rows::job);
                if (!inserted.isEmpty()) {
                    return Optional.of(new InsertOutcome(inserted.get(0), true, job.requestFingerprint()));
                }
                if (job.idempotencyKey() == null) {
                    throw LongrunException.conflict("A job with id " + job.id() + " already exists.");
                }
                return db.query(c, "FindActiveByKey", Params.of("idempotency_key", job.idempotencyKey()), rows::holder)
                        .stream().findFirst();
            });
            if (outcome.isPresent()) {
                return outcome.get();
            }
        }
        throw LongrunException.conflict("Could not start the job: its idempotency key kept changing hands. Try again.");
    }

    @Override
    public List<InsertOutcome> insertAll(List<NewJob> jobs, java.util.function.Consumer<List<InsertOutcome>> beforeCommit) {
        return inserts.insertAll(jobs, beforeCommit);
    }

    @Override
    public List<InsertOutcome> insertEach(List<NewJob> jobs) {
        return inserts.insertEach(jobs);
    }

    @Override
    public Optional<Job> cancelPending(UUID id, Instant now) {
        return changeOne("CancelPending", Params.of("id", id).set("now", now));
    }

    @Override
    public Optional<Job> cancelNeedsAction(UUID id, Instant now) {
        return changeOne("CancelNeedsAction", Params.of("id", id).set("now", now));
    }

    @Override
    public Optional<Job> requestCancel(UUID id, Instant now) {
        return changeOne("RequestCancel", Params.of("id", id).set("now", now));
    }

    @Override
    public Optional<Job> confirm(UUID id, Instant now) {
        return changeOne("Confirm", Params.of("id", id).set("now", now));
    }

    @Override
    public Optional<Job> failPending(UUID id, String message, String code, Instant now) {
        return changeOne("FailPending", Params.of("id", id).set("message", message).set("code", code).set("now", now));
    }

    @Override
    public Optional<Job> releaseWaiting(UUID id, Instant now) {
        return changeOne("ReleaseWaiting", Params.of("id", id).set("now", now));
    }

    @Override
    public List<Job> findBlockedDependents(int limit) {
        return db.read(c -> db.query(c, "FindBlockedDependents", Params.of("limit", limit), rows::job));
    }

    private Optional<Job> changeOne(String statement, Params params) {
        return db.write(c -> db.query(c, statement, params, rows::job)).stream().findFirst();
    }

    // --- the worker's hot path -----------------------------------------------------------------

    @Override
    public List<Job> claim(ClaimRequest request) {
        if (request.limit() <= 0 || request.queues().isEmpty()) {
            return List.of();
        }
        Params p = Params.of("queues", SqlList.of(SqlList.Type.TEXT, List.copyOf(request.queues())))
                .set("limit", request.limit()).set("owner", request.owner())
                .set("now", request.now()).set("lease_until", request.leaseUntil());
        List<Job> claimed = new ArrayList<>(db.writeOne("ClaimJobs", p, rows::job));
        claimed.sort(CLAIM_ORDER);
        return claimed;
    }

    @Override
    public List<HeartbeatAck> heartbeat(String owner, Collection<UUID> ids, Instant now, Instant leaseUntil) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Params p = Params.of("ids", uuids(ids)).set("owner", owner).set("now", now).set("lease_until", leaseUntil);
        return db.writeOne("Heartbeat", p, rows::heartbeat);
    }

    @Override
    public List<JobEvent> saveProgress(Collection<ProgressUpdate> updates) {
        if (updates.isEmpty()) {
            return List.of();
        }
        List<ProgressUpdate> u = List.copyOf(updates);
        Params p = Params.of("ids", uuids(u.stream().map(ProgressUpdate::id).toList()))
                .set("owners", SqlList.of(SqlList.Type.TEXT, u.stream().map(ProgressUpdate::owner).toList()))
                .set("currents", SqlList.of(SqlList.Type.BIGINT, u.stream().map(ProgressUpdate::current).toList()))
                .set("totals", SqlList.of(SqlList.Type.BIGINT, u.stream().map(ProgressUpdate::total).toList()))
                .set("messages", SqlList.of(SqlList.Type.TEXT, u.stream().map(ProgressUpdate::message).toList()))
                .set("steps", SqlList.of(SqlList.Type.INT, u.stream().map(ProgressUpdate::step).toList()))
                .set("total_steps", SqlList.of(SqlList.Type.INT, u.stream().map(ProgressUpdate::totalSteps).toList()))
                .set("nows", SqlList.of(SqlList.Type.INSTANT, u.stream().map(ProgressUpdate::now).toList()));
        return db.writeOne("SaveProgress", p, rows::event);
    }

    @Override
    public List<JobEvent> finish(Collection<Finish> finishes) {
        if (finishes.isEmpty()) {
            return List.of();
        }
        Map<JobStatus, List<Finish>> byTarget = new EnumMap<>(JobStatus.class);
        for (Finish f : finishes) {
            byTarget.computeIfAbsent(f.to(), s -> new ArrayList<>()).add(f);
        }
        if (byTarget.size() == 1) {
            Map.Entry<JobStatus, List<Finish>> only = byTarget.entrySet().iterator().next();
            return db.writeOne(finishStatement(only.getKey()), finishParams(only.getValue()), rows::event);
        }
        return db.write(c -> {
            List<JobEvent> events = new ArrayList<>();
            for (Map.Entry<JobStatus, List<Finish>> group : byTarget.entrySet()) {
                events.addAll(db.query(c, finishStatement(group.getKey()), finishParams(group.getValue()), rows::event));
            }
            return events;
        });
    }

    private static String finishStatement(JobStatus to) {
        return switch (to) {
            case SUCCEEDED -> "FinishSucceeded";
            case FAILED -> "FinishFailed";
            case PENDING -> "FinishRetry";
            case NEEDS_ACTION -> "FinishNeedsAction";
            case CANCELLED -> "FinishCancelled";
            case RUNNING -> throw new IllegalArgumentException("A run cannot finish into running");
        };
    }

    private static Params finishParams(List<Finish> f) {
        return Params.of("ids", uuids(f.stream().map(Finish::id).toList()))
                .set("owners", SqlList.of(SqlList.Type.TEXT, f.stream().map(Finish::owner).toList()))
                .set("results", SqlList.of(SqlList.Type.TEXT, f.stream().map(Finish::resultJson).toList()))
                .set("summaries", SqlList.of(SqlList.Type.TEXT, f.stream().map(Finish::summaryJson).toList()))
                .set("actions", SqlList.of(SqlList.Type.TEXT, f.stream().map(Finish::actionJson).toList()))
                .set("messages", SqlList.of(SqlList.Type.TEXT, f.stream().map(Finish::errorMessage).toList()))
                .set("codes", SqlList.of(SqlList.Type.TEXT, f.stream().map(Finish::errorCode).toList()))
                .set("retryables", SqlList.of(SqlList.Type.BOOLEAN, f.stream().map(Finish::errorRetryable).toList()))
                .set("run_afters", SqlList.of(SqlList.Type.INSTANT, f.stream().map(x -> x.runAfter() == null ? x.now() : x.runAfter()).toList()))
                .set("nows", SqlList.of(SqlList.Type.INSTANT, f.stream().map(Finish::now).toList()));
    }

    @Override
    public List<JobEvent> release(String owner, Collection<UUID> ids, Instant now) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Params p = Params.of("ids", uuids(ids)).set("owner", owner).set("now", now);
        return db.write(c -> db.query(c, "ReleaseJobs", p, rows::event));
    }

    @Override
    public List<JobEvent> unclaim(String owner, Collection<UUID> ids, Instant now) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return db.write(c -> {
            List<JobEvent> back = db.query(c, "UnclaimJobs", Params.of("ids", uuids(ids)).set("owner", owner).set("now", now), rows::event);
            if (back.isEmpty()) {
                return back;
            }
            SqlList backIds = uuids(back.stream().map(JobEvent::jobId).toList());
            db.update(c, "ForgetUnclaimedStarts", Params.of("ids", backIds));
            Params mine = Params.of("ids", backIds).set("now", now);
            Map<UUID, JobEvent> latest = new LinkedHashMap<>();
            back.forEach(e -> latest.put(e.jobId(), e));
            db.query(c, "CancelUnclaimedRequests", mine, rows::event).forEach(e -> latest.put(e.jobId(), e));
            return List.copyOf(latest.values());
        });
    }

    // --- maintenance ---------------------------------------------------------------------------

    @Override
    public List<JobEvent> rescueExpired(Instant now, String lostMessage, int limit) {
        Params p = Params.of("now", now).set("message", lostMessage).set("limit", limit);
        return db.write(c -> db.query(c, "RescueExpired", p, rows::event));
    }

    @Override
    public int pruneFinished(Instant before, int limit) {
        return db.write(c -> {
            int pruned = db.update(c, "PruneFinished", Params.of("before", before).set("limit", limit));
            db.update(c, "PruneDeletedFiles", new Params());
            return pruned;
        });
    }

    @Override
    public int purgeIdempotencyKeys(Instant now, int limit) {
        return keys.purgeExpired(now, limit);
    }

    // --- reads ---------------------------------------------------------------------------------

    @Override
    public Optional<Job> find(UUID id) {
        return db.read(c -> db.query(c, "FindJob", Params.of("id", id), rows::job)).stream().findFirst();
    }

    @Override
    public Optional<JobStamp> findStamp(UUID id) {
        return db.read(c -> db.query(c, "FindJobStamp", Params.of("id", id), rows::stamp)).stream().findFirst();
    }

    @Override
    public List<Job> findMany(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return db.read(c -> db.query(c, "FindJobs", Params.of("ids", uuids(ids)), rows::job));
    }

    @Override
    public boolean clientKeyHeld(String key, Instant now) {
        return keys.held(key, now);
    }

    @Override
    public JobPage list(JobQuery query, Instant now) {
        return db.read(c -> page(c, query, now));
    }

    @Override
    public dev.longrun.JobListing listWithCounts(JobQuery query, Instant now) {
        return db.snapshot(c -> new dev.longrun.JobListing(page(c, query, now), counts(c, query)));
    }

    private JobPage page(Connection c, JobQuery query, Instant now) {
        ListCursor cursor = query.cursor() == null || query.cursor().isBlank() ? null : ListCursor.decode(query.cursor());
        Instant asOf = cursor != null ? cursor.asOf() : ListCursor.asOf(now);
        Params p = Params.of("account_id", query.accountId()).set("user_id", query.userId())
                .set("statuses", query.statuses().isEmpty() ? null
                        : SqlList.of(SqlList.Type.TEXT, query.statuses().stream().map(JobStatus::value).toList()))
                .set("types", query.types().isEmpty() ? null : SqlList.of(SqlList.Type.TEXT, List.copyOf(query.types())))
                .set("ids", query.ids().isEmpty() ? null : uuids(query.ids()))
                .set("history", query.history())
                .set("cursor_rank", cursor == null ? null : cursor.rank())
                .set("cursor_sort_at", cursor == null ? null : cursor.sortAt())
                .set("cursor_id", cursor == null ? null : cursor.id())
                .set("as_of", asOf)
                .set("limit", query.limit() + 1);
        List<Job> jobs = db.query(c, "ListJobsAsOf", p, rows::job);
        if (jobs.size() <= query.limit()) {
            return new JobPage(jobs, null);
        }
        List<Job> page = List.copyOf(jobs.subList(0, query.limit()));
        return new JobPage(page, ListCursor.after(page.get(page.size() - 1), asOf).encode());
    }

    @Override
    public dev.longrun.JobCounts countJobs(JobQuery query) {
        return db.read(c -> counts(c, query));
    }

    private dev.longrun.JobCounts counts(Connection c, JobQuery query) {
        Params p = Params.of("account_id", query.accountId()).set("user_id", query.userId())
                .set("types", query.types().isEmpty() ? null : SqlList.of(SqlList.Type.TEXT, List.copyOf(query.types())));
        java.util.Map<JobStatus, Long> listed = new java.util.EnumMap<>(JobStatus.class);
        long[] cleared = {0};
        db.query(c, "CountJobsByStatus", p, rs -> {
            long n = rs.getLong("n");
            if (rs.getBoolean("cleared")) {
                cleared[0] += n;
            } else {
                listed.merge(JobStatus.fromValue(rs.getString("status")), n, Long::sum);
            }
            return n;
        });
        return new dev.longrun.JobCounts(listed, cleared[0]);
    }

    @Override
    public List<Job> changedSince(String accountId, String userId, Instant since, int limit) {
        Params p = Params.of("account_id", accountId).set("user_id", userId).set("since", since).set("limit", limit);
        return db.read(c -> db.query(c, "JobsChangedSince", p, rows::job));
    }

    @Override
    public QueueStanding queueStanding(Job job, Instant now, int limit) {
        if (job.status() != JobStatus.PENDING) {
            return null;
        }
        Params p = Params.of("id", job.id()).set("queue", job.queue()).set("now", now).set("limit", limit);
        List<int[]> rows = db.read(c -> db.query(c, "QueueStanding", p, rs -> new int[] {rs.getInt("counted"), rs.getInt("ahead")}));
        // No row, or nothing counted: the job itself is not in line (claimed, cancelled or put off since it was read).
        if (rows.isEmpty() || rows.get(0)[0] == 0) {
            return null;
        }
        // SQLite's statement may count a little past the limit (and the jobs ahead past it): both mean "more than".
        return QueueStanding.counted(Math.min(rows.get(0)[0], limit + 1), rows.get(0)[1], limit);
    }

    @Override
    public int queueDepth(String queue, Instant now) {
        Params p = Params.of("queue", queue).set("now", now);
        return db.read(c -> db.query(c, "QueueDepth", p, rs -> rs.getInt("depth"))).get(0);
    }

    // --- bulk user actions ---------------------------------------------------------------------

    @Override
    public List<UUID> activeJobIds(String accountId, String userId) {
        Params p = Params.of("account_id", accountId).set("user_id", userId);
        return db.read(c -> db.query(c, "ActiveJobIds", p, rows::id));
    }

    @Override
    public List<UUID> hideFinished(String accountId, String userId, Instant now) {
        Params p = Params.of("account_id", accountId).set("user_id", userId).set("now", now);
        return db.write(c -> db.query(c, "HideFinished", p, rows::id));
    }

    // --- cross-process events ------------------------------------------------------------------

    @Override
    public CrossNodeEvents crossNodeEvents() {
        return dialect == Dialect.POSTGRESQL ? new PostgresEvents(dataSource, this) : CrossNodeEvents.NONE;
    }

    /** Announces changes to other processes (PostgreSQL NOTIFY, outside any job's transaction); a no-op on SQLite. */
    public void announce(Collection<JobEvent> events) {
        announce(null, events);
    }

    /** As {@link #announce(Collection)}, naming the sending process so that it can skip its own payloads. */
    void announce(String origin, Collection<JobEvent> events) {
        if (dialect != Dialect.POSTGRESQL || events.isEmpty()) {
            return;
        }
        List<String> payloads = NotifyPayload.encode(origin, events);
        db.read(c -> db.query(c, "Notify", Params.of("channel", notifyChannel())
                .set("payloads", String.join(String.valueOf(NotifyPayload.SEPARATOR), payloads)), rs -> null));
    }

    static SqlList uuids(Collection<UUID> ids) {
        return SqlList.of(SqlList.Type.UUID, List.copyOf(ids));
    }
}
