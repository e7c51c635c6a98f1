package dev.longrun.store;

import dev.longrun.Job;
import dev.longrun.LongrunException;
import java.sql.Connection;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Inserts of jobs started with a client's Idempotency-Key. The key lives in its own table for its lifetime,
 * independent of the job: the first request claims the key and inserts the job in one transaction; every repeat
 * until the key expires gets that job in whatever state it is, or a {@code idempotency_key_job_removed} refusal when
 * the job itself was deleted by retention meanwhile ("Clear finished" only hides it). An expired key is taken over
 * by the next request.
 */
final class IdempotencyKeyRecords {

    private static final int CLAIM_ATTEMPTS = 10;

    private final Database db;
    private final RowReader rows;
    private final SqlTypes types;

    IdempotencyKeyRecords(Database db, RowReader rows, SqlTypes types) {
        this.db = db;
        this.rows = rows;
        this.types = types;
    }

    private record Held(UUID jobId, String fingerprint, Instant expiresAt) {
    }

    /** The parameters of InsertJob; a job with a client's key carries no derived key (the key table guards it). */
    static Params insertJobParams(NewJob job) {
        return new Params().set("id", job.id()).set("account_id", job.accountId()).set("user_id", job.userId())
                .set("type", job.type()).set("queue", job.queue()).set("priority", job.priority())
                .set("created_at", job.createdAt()).set("run_after", job.runAfter() == null ? job.createdAt() : job.runAfter())
                .set("estimated_duration_seconds", job.estimatedDurationSeconds()).set("cancellable", job.cancellable())
                .set("max_attempts", job.maxAttempts())
                .set("idempotency_key", job.keyExpiresAt() == null ? job.idempotencyKey() : null)
                .set("request_fingerprint", job.requestFingerprint()).set("params", job.paramsJson())
                .set("depends_on", job.dependsOn()).set("waiting_for", job.waitingFor()).set("retry_of", job.retryOf())
                .set("timeout_seconds", job.timeoutSeconds());
    }

    /** A job with a client's key ({@link NewJob#keyExpiresAt()} set), in a transaction of its own. */
    InsertOutcome insert(NewJob job) {
        // An expired key may be purged between our claim and our read: then claim it again.
        for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
            Optional<InsertOutcome> outcome = db.write(c -> insertIn(c, job));
            if (outcome.isPresent()) {
                return outcome.get();
            }
        }
        throw LongrunException.conflict("Could not start the job: its idempotency key kept changing hands. Try again.");
    }

    /**
     * One try inside the caller's transaction (also {@link JobInserts}' batches): claim the key and insert the job, or
     * answer with the job the key holds. Empty when the key vanished between the claim and the read (try again).
     */
    Optional<InsertOutcome> insertIn(Connection c, NewJob job) {
        Params claim = Params.of("key", job.idempotencyKey()).set("account_id", job.accountId())
                .set("user_id", job.userId()).set("job_id", job.id()).set("request_fingerprint", job.requestFingerprint())
                .set("now", job.createdAt()).set("expires_at", job.keyExpiresAt());
        if (!db.query(c, "ClaimIdempotencyKey", claim, rs -> types.uuid(rs, "job_id")).isEmpty()) {
            List<Job> inserted = db.query(c, "InsertJob", insertJobParams(job), rows::job);
            if (inserted.isEmpty()) {
                throw LongrunException.conflict("A job with id " + job.id() + " already exists.");
            }
            return Optional.of(new InsertOutcome(inserted.get(0), true, job.requestFingerprint()));
        }
        Optional<Held> held = db.query(c, "FindIdempotencyKey", Params.of("key", job.idempotencyKey()),
                rs -> new Held(types.uuid(rs, "job_id"), rs.getString("request_fingerprint"), types.instant(rs, "expires_at")))
                .stream().findFirst();
        if (held.isEmpty()) {
            return Optional.empty();
        }
        Optional<Job> existing = db.query(c, "FindJob", Params.of("id", held.get().jobId()), rows::job).stream().findFirst();
        if (existing.isEmpty()) {
            throw LongrunException.keyJobRemoved(held.get().jobId(), held.get().expiresAt());
        }
        return Optional.of(new InsertOutcome(existing.get(), false, held.get().fingerprint()));
    }

    /** Whether the key belongs to a job until after {@code now} (a later claim would take it over). */
    boolean held(String key, Instant now) {
        return db.read(c -> db.query(c, "FindIdempotencyKey", Params.of("key", key), rs -> types.instant(rs, "expires_at")))
                .stream().anyMatch(expires -> expires.isAfter(now));
    }

    /**
     * Claims the keys of many jobs at once inside the caller's transaction ({@code ClaimIdempotencyKeys}, one
     * statement): {@code jobs} carry distinct keys, in key order. Answers the ids of the jobs whose key was taken;
     * insert exactly those. The others' keys are held: read them with {@link #heldIn} once the batch's jobs are in.
     */
    Set<UUID> claimAllIn(Connection c, List<NewJob> jobs) {
        Params p = Params.of("keys", SqlList.of(SqlList.Type.TEXT, jobs.stream().map(NewJob::idempotencyKey).toList()))
                .set("account_ids", SqlList.of(SqlList.Type.TEXT, jobs.stream().map(NewJob::accountId).toList()))
                .set("user_ids", SqlList.of(SqlList.Type.TEXT, jobs.stream().map(NewJob::userId).toList()))
                .set("job_ids", SqlList.of(SqlList.Type.UUID, jobs.stream().map(NewJob::id).toList()))
                .set("request_fingerprints", SqlList.of(SqlList.Type.TEXT, jobs.stream().map(NewJob::requestFingerprint).toList()))
                .set("created_ats", SqlList.of(SqlList.Type.INSTANT, jobs.stream().map(NewJob::createdAt).toList()))
                .set("expires_ats", SqlList.of(SqlList.Type.INSTANT, jobs.stream().map(NewJob::keyExpiresAt).toList()));
        return new HashSet<>(db.query(c, "ClaimIdempotencyKeys", p, rs -> types.uuid(rs, "job_id")));
    }

    /**
     * The jobs that hold these keys, read inside the caller's transaction (two statements for any number of keys), as
     * {@link #insertIn} answers a repeat: the holder with its request's fingerprint, or a refusal when retention deleted
     * the job. A key missing from the answer vanished meanwhile (purged as expired): claim it again.
     */
    Map<String, InsertOutcome> heldIn(Connection c, Collection<String> keys) {
        Map<String, Held> held = new HashMap<>();
        for (Map.Entry<String, Held> e : db.query(c, "FindIdempotencyKeys",
                Params.of("keys", SqlList.of(SqlList.Type.TEXT, List.copyOf(keys))),
                rs -> Map.entry(rs.getString("key"), new Held(types.uuid(rs, "job_id"),
                        rs.getString("request_fingerprint"), types.instant(rs, "expires_at"))))) {
            held.put(e.getKey(), e.getValue());
        }
        Map<UUID, Job> jobs = new HashMap<>();
        if (!held.isEmpty()) {
            List<UUID> ids = held.values().stream().map(Held::jobId).distinct().toList();
            for (Job j : db.query(c, "FindJobs", Params.of("ids", SqlList.of(SqlList.Type.UUID, ids)), rows::job)) {
                jobs.put(j.id(), j);
            }
        }
        Map<String, InsertOutcome> out = new HashMap<>();
        for (Map.Entry<String, Held> e : held.entrySet()) {
            Job existing = jobs.get(e.getValue().jobId());
            if (existing == null) {
                throw LongrunException.keyJobRemoved(e.getValue().jobId(), e.getValue().expiresAt());
            }
            out.put(e.getKey(), new InsertOutcome(existing, false, e.getValue().fingerprint()));
        }
        return out;
    }

    /** Deletes up to {@code limit} keys whose lifetime ended by {@code now}; returns how many. */
    int purgeExpired(Instant now, int limit) {
        return db.write(c -> db.update(c, "PurgeIdempotencyKeys", Params.of("now", now).set("limit", limit)));
    }
}
