package dev.longrun.store;

import dev.longrun.Job;
import dev.longrun.JobPage;
import dev.longrun.JobQuery;
import dev.longrun.JobStamp;
import dev.longrun.estimate.HistorySource;
import dev.longrun.estimate.QueueStanding;
import dev.longrun.event.JobEvent;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The database seam for jobs: requests, the worker's hot path ({@link WorkQueue}), maintenance and reads,
 * with the side records ({@link #records()}) and the estimator's history ({@link #history()}) as roles of
 * their own. One implementation over each dialect's statements named in {@code db/<dialect>/queries.sql} and {@code transitions.sql}.
 * Every state change is a guarded UPDATE naming the state it expects; an empty result means the race was lost and nothing changed. Methods returning
 * {@link JobEvent}s report exactly the rows they changed (with their new version), for the event bus.
 */
public interface JobStore extends WorkQueue {

    /** The database it speaks to, for logs ({@code POSTGRESQL}, {@code SQLITE}). */
    String databaseName();

    /** Logs, item outcomes and result files of jobs. */
    RecordStore records();

    /** Past runs and learned progress shapes, for the estimator. */
    HistorySource history();

    /**
     * The link to other processes sharing the database; the caller owns (and closes) it. A new link per
     * call: a node opens one.
     */
    CrossNodeEvents crossNodeEvents();

    /** Creates or upgrades the schema (Flyway). Idempotent. */
    void migrate();

    // --- writes from user requests -----------------------------------------------------------

    /**
     * Inserts the job, or returns the job that holds its key: with {@link NewJob#keyExpiresAt()} set, the job the
     * client's key started until the key expires (throws {@code idempotency_key_job_removed} when that job is gone);
     * otherwise the active job with the same derived key. Atomic.
     */
    InsertOutcome insert(NewJob job);

    /**
     * Inserts many jobs in one transaction (one statement per thousand on PostgreSQL), each exactly as {@link #insert}
     * would, answering in order. {@code beforeCommit} sees the outcomes inside the transaction and may throw to write
     * none of them.
     */
    List<InsertOutcome> insertAll(List<NewJob> jobs, java.util.function.Consumer<List<InsertOutcome>> beforeCommit);

    /**
     * Inserts jobs whose outcomes do not depend on each other (single starts grouped by the starter): each answer is
     * what {@link #insert} would give, or null for a job left out (its key is held, or repeated in the batch): insert
     * that one with {@link #insert}. Nothing is all-or-nothing across the batch, so a store may commit in one round trip.
     */
    default List<InsertOutcome> insertEach(List<NewJob> jobs) {
        return insertAll(jobs, outcomes -> { });
    }

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

    // --- maintenance -------------------------------------------------------------------------

    /**
     * Running jobs whose lease expired (their worker died): back to pending (runnable now) while attempts
     * remain, else failed with {@code lostMessage}. One statement.
     */
    List<JobEvent> rescueExpired(Instant now, String lostMessage, int limit);

    /** Deletes finished jobs completed before {@code before}, with their logs and items; returns how many. */
    int pruneFinished(Instant before, int limit);

    /** Whether a client's idempotency key (as {@link NewJob#idempotencyKey()} holds it) belongs to a job until after {@code now}. */
    boolean clientKeyHeld(String key, Instant now);

    /** Forgets up to {@code limit} client idempotency keys whose lifetime ended by {@code now}; returns how many. */
    int purgeIdempotencyKeys(Instant now, int limit);

    // --- reads -------------------------------------------------------------------------------

    Optional<Job> find(UUID id);

    /** The job's owner and version as {@link #find} would read them now, without the other columns. */
    Optional<JobStamp> findStamp(UUID id);

    List<Job> findMany(Collection<UUID> ids);

    /**
     * A page of jobs, active first, then most recent. Active means "not finished at {@code now}" on the first page and
     * at that same instant (kept in the cursor) on every later page, so paging while jobs finish shows each job once.
     * Pass an instant far enough back that no finish stamped before it can still be uncommitted.
     */
    JobPage list(JobQuery query, Instant now);

    /** Per status, the jobs of the query's account, user and types in the list, and those cleared from it. */
    dev.longrun.JobCounts countJobs(JobQuery query);

    /** {@link #list} and {@link #countJobs} of one query, both read at one moment (so they agree). */
    dev.longrun.JobListing listWithCounts(JobQuery query, Instant now);

    /** The user's jobs changed at or after {@code since}, oldest change first, at most {@code limit}. */
    List<Job> changedSince(String accountId, String userId, Instant since, int limit);

    /**
     * Where the job stands among the runnable pending jobs of its queue, counting at most {@code limit + 1} of them
     * (so the cost does not grow with the queue); null when the job is not in line (not pending, waiting for another
     * job or for its retry, or no longer so in the store).
     */
    QueueStanding queueStanding(Job job, Instant now, int limit);

    /** Runnable pending jobs of the queue, all counted: for metrics read every few seconds, not per request. */
    int queueDepth(String queue, Instant now);

    // --- bulk user actions -------------------------------------------------------------------

    List<UUID> activeJobIds(String accountId, String userId);

    /**
     * Hides the user's finished jobs from their list (not from {@link JobQuery#history()}); nothing is deleted:
     * retention removes them with their files later. Returns the ids of the jobs hidden now.
     */
    List<UUID> hideFinished(String accountId, String userId, Instant now);
}
