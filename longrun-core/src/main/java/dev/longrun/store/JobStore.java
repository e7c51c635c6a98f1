package dev.longrun.store;

import dev.longrun.ItemStatus;
import dev.longrun.Job;
import dev.longrun.JobItem;
import dev.longrun.JobLog;
import dev.longrun.JobPage;
import dev.longrun.JobQuery;
import dev.longrun.Summary;
import dev.longrun.event.JobEvent;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The database seam. One implementation per dialect, each statement named in
 * {@code db/<dialect>/queries.sql}. Every state change is a guarded UPDATE naming the state it
 * expects; an empty result means the race was lost and nothing changed. Methods returning
 * {@link JobEvent}s report exactly the rows they changed (with their new version), for the event bus.
 */
public interface JobStore {

    Dialect dialect();

    /** Creates or upgrades the schema (Flyway). Idempotent. */
    void migrate();

    // --- writes from user requests -----------------------------------------------------------

    /**
     * Inserts the job, or returns the job that holds its key: with {@link NewJob#keyExpiresAt()} set, the job the
     * client's key started until the key expires (throws {@code idempotency_key_job_removed} when that job is gone);
     * otherwise the active job with the same derived key. Atomic.
     */
    InsertOutcome insert(NewJob job);

    /** pending → cancelled. */
    Optional<Job> cancelPending(UUID id, Instant now);

    /** needs_action → cancelled. */
    Optional<Job> cancelNeedsAction(UUID id, Instant now);

    /** running: sets cancel_requested_at once (the worker stops at its next check). */
    Optional<Job> requestCancel(UUID id, Instant now);

    /** needs_action → pending with confirmed = true, attempt reset to 0, runnable now. */
    Optional<Job> confirm(UUID id, Instant now);

    /** pending → failed (e.g. the job it waits for failed). */
    Optional<Job> failPending(UUID id, String message, String code, Instant now);

    /** Clears waiting_for of a pending job whose dependency succeeded. */
    Optional<Job> releaseWaiting(UUID id, Instant now);

    /** Pending jobs whose waiting_for job is terminal (succeeded, failed or cancelled). */
    List<Job> findBlockedDependents(int limit);

    // --- the worker's hot path (batched) ------------------------------------------------------

    /** One statement: pending → running for up to {@code limit} jobs; attempt + 1, lease set, started_at = now. */
    List<Job> claim(ClaimRequest request);

    /** Renews the leases of these jobs held by {@code owner}; returns those renewed. Does not bump version. */
    List<HeartbeatAck> heartbeat(String owner, Collection<UUID> ids, Instant now, Instant leaseUntil);

    /** Writes the latest progress of many running jobs in one statement; bumps their version. */
    List<JobEvent> saveProgress(Collection<ProgressUpdate> updates);

    /** Ends runs of many jobs in as few statements as possible; guarded by running + owner. */
    List<JobEvent> finish(Collection<Finish> finishes);

    /** Lets a stopping node hand its running jobs back: running → pending, attempt − 1, lease cleared. */
    List<JobEvent> release(String owner, Collection<UUID> ids, Instant now);

    // --- maintenance -------------------------------------------------------------------------

    /**
     * Running jobs whose lease expired (their worker died): back to pending (runnable now) while attempts
     * remain, else failed with {@code lostMessage}. One statement.
     */
    List<JobEvent> rescueExpired(Instant now, String lostMessage, int limit);

    /** Deletes finished jobs completed before {@code before}, with their logs and items; returns how many. */
    int pruneFinished(Instant before, int limit);

    /** Forgets up to {@code limit} client idempotency keys whose lifetime ended by {@code now}; returns how many. */
    int purgeIdempotencyKeys(Instant now, int limit);

    /** Result files created before {@code before} that are not deleted yet. */
    List<StoredFile> filesCreatedBefore(Instant before, int limit);

    void recordFile(StoredFile file);

    void markFileDeleted(String storageKey);

    /** Files of these jobs (for deleting them on cancel, failure or clear). */
    List<StoredFile> filesOf(Collection<UUID> jobIds);

    // --- reads -------------------------------------------------------------------------------

    Optional<Job> find(UUID id);

    List<Job> findMany(Collection<UUID> ids);

    /**
     * A page of jobs, active first, then most recent. Active means "not finished at {@code now}" on the first page and
     * at that same instant (kept in the cursor) on every later page, so paging while jobs finish shows each job once.
     */
    JobPage list(JobQuery query, Instant now);

    /** The user's jobs changed at or after {@code since}, oldest change first, at most {@code limit}. */
    List<Job> changedSince(String accountId, String userId, Instant since, int limit);

    /** Null when the job is not pending. */
    QueueStanding queueStanding(Job job, Instant now);

    /** The most recent successful runs of a type, newest first. */
    List<DurationSample> recentDurations(String type, int limit);

    /** Keeps a progress shape learned for a type (text owned by the estimator), and only its newest {@code keep}. */
    void keepShape(String type, String shape, Instant at, int keep);

    /** Kept shapes of a type, newest first. */
    List<String> recentShapes(String type, int limit);

    // --- logs and items ----------------------------------------------------------------------

    void appendLogs(Collection<NewLog> logs);

    List<JobLog> logs(UUID jobId, int limit);

    /** Inserts or replaces item outcomes by (job_id, key), in one batch. */
    void saveItems(Collection<JobItem> items);

    List<JobItem> items(UUID jobId, ItemStatus status, int limit);

    Summary countItems(UUID jobId);

    // --- bulk user actions -------------------------------------------------------------------

    List<UUID> activeJobIds(String accountId, String userId);

    /** Deletes the user's finished jobs; returns their ids (whose files the caller deletes). */
    List<UUID> deleteFinished(String accountId, String userId);

    // --- cross-process events ----------------------------------------------------------------

    /** Announces changes to other processes (PostgreSQL NOTIFY, after commit); a no-op on SQLite. */
    void announce(Collection<JobEvent> events);
}
