package dev.longrun;

import dev.longrun.event.JobEvents;
import dev.longrun.result.ResultStore;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The engine: starts, reads, cancels and retries jobs, and runs the registered handlers on this node.
 * Built with {@link #builder()}; {@link #close()} stops the workers and releases running jobs.
 *
 * <p>Reads here are not scoped to a user; an HTTP layer checks {@link Job#userId()} itself.
 */
public interface Longrun extends AutoCloseable {

    static LongrunBuilder builder() {
        return new LongrunBuilder();
    }

    /**
     * Starts a job, or returns the active job with the same idempotency key.
     *
     * @throws LongrunException {@code unknown_type}, {@code invalid_params}, {@code idempotency_key_reused},
     *                          {@code store_unavailable}
     */
    StartResult start(String type, Object params, StartOptions options);

    /**
     * Starts many jobs at once, in one transaction and one statement per thousand: the way to enqueue a batch (an
     * import that fans out, a nightly run per customer). Every request is validated before anything is written; each
     * honours its own idempotency key exactly as {@link #start} does (a repeat returns the active job, with
     * {@code created} false). Results are in request order.
     *
     * @throws LongrunException as {@link #start}; {@code idempotency_key_reused} for any one of the jobs refuses the
     *                          whole call, and then none of its jobs is started
     */
    List<StartResult> startAll(List<StartRequest> requests);

    Optional<Job> get(UUID id);

    /** The jobs of these ids that exist, in no particular order, in one read. */
    List<Job> getAll(Collection<UUID> ids);

    /**
     * The job's owner and current version without the rest of the row: one indexed read of four columns, for checks
     * that only compare a version (an HTTP 304). Empty when there is no such job.
     */
    Optional<JobStamp> stamp(UUID id);

    JobPage list(JobQuery query);

    /**
     * How many jobs of the query's account, user and types are in the list per status, and how many were cleared from
     * it (its statuses, ids, history, cursor and limit are ignored): the counts of a jobs list's status tabs.
     */
    JobCounts countJobs(JobQuery query);

    /**
     * {@link #list} and {@link #countJobs} of one query read at one moment, so the page and its tab counts agree: a job
     * that finishes between two separate reads would be counted under one status and listed under another.
     */
    JobListing listWithCounts(JobQuery query);

    /**
     * The user's jobs changed at or after {@code since} (any state), oldest change first, at most {@code limit}: what
     * a reconnecting event stream missed.
     */
    List<Job> changedSince(String accountId, String userId, java.time.Instant since, int limit);

    /** Idempotent: pending → cancelled; running/needs_action → cancel requested; finished → unchanged. */
    Job cancel(UUID id);

    /** A new job with the same params and owner, {@code retryOf} set. Only for failed or cancelled jobs. */
    StartResult retry(UUID id);

    /** A new job over only the failed items of a finished job (its type must support it). */
    StartResult retryFailed(UUID id);

    /** needs_action → pending; the handler resumes with {@link JobContext#confirmed()} true. Idempotent. */
    Job confirm(UUID id);

    List<JobLog> logs(UUID id, int limit);

    /** Item outcomes in the order they were recorded; {@code status} null for all. */
    default List<JobItem> items(UUID id, ItemStatus status, int limit) {
        return items(id, status, 0, limit);
    }

    /** The same, skipping the first {@code offset}: pages through a long list (items are only ever appended). */
    List<JobItem> items(UUID id, ItemStatus status, int offset, int limit);

    /**
     * Cancels every active job of the user; returns the ids of those cancelled or asked to stop, so a screen can say
     * when they all have stopped.
     */
    List<UUID> cancelAll(String accountId, String userId);

    /**
     * Hides the user's finished jobs from their list; returns how many. Nothing is deleted: the jobs, their files and
     * notifications stay (listed with {@link JobQuery#history()}) until retention removes them.
     */
    int clearFinished(String accountId, String userId);

    /** Queue position and time estimates for the status screen. */
    Insight insight(Job job);

    /**
     * Runnable pending jobs of a queue, all of them counted: a count that grows with the queue, for metrics read every
     * few seconds. A job's own standing ({@link #insight}) counts a long line only up to a limit.
     */
    int queueDepth(String queue);

    /** How long a type usually takes ("Usually 2 to 5 minutes"), from history or its declared typical range; null when unknown. */
    Eta usualDuration(String type);

    Collection<JobType<?>> jobTypes();

    Optional<JobType<?>> jobType(String name);

    /**
     * The params as the type's handler would get them, bound exactly as {@link #start} binds them (null for a
     * {@code Void} type); for a host that checks them further before starting (e.g. Bean Validation).
     *
     * @throws LongrunException {@code unknown_type}, {@code invalid_params}
     */
    Object bindParams(String type, Object params);

    /** Job changes of this node and (on PostgreSQL) of every other node. */
    JobEvents events();

    /**
     * Job changes this node made (its workers, its maintenance, the requests it served), not those heard from other
     * nodes: what per-node counters count, so that summing them over the nodes counts each change once.
     */
    JobEvents localEvents();

    ResultStore results();

    Clock clock();

    /** What this node runs with: the builder's settings after defaults (for health pages, logs and tests). */
    LongrunSettings settings();

    /** This node's name, as written in lease owners (the builder's {@code nodeName} plus a random suffix). */
    String nodeName();

    /** Stops claiming, lets running handlers finish briefly, then returns the rest to pending for another node. */
    @Override
    void close();
}
