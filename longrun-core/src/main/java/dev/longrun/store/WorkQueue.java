package dev.longrun.store;

import dev.longrun.Job;
import dev.longrun.event.JobEvent;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The worker's hot path, batched: claim jobs, renew their leases, write their progress and end their runs.
 * Every change is guarded by running + owner; methods returning {@link JobEvent}s report exactly the rows
 * they changed (with their new version), for the event bus.
 */
public interface WorkQueue {

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

    /**
     * Undoes the claim of jobs that never started (a node's reserve, see {@code WorkerPool}), in one transaction and
     * guarded by running + owner: each is pending again exactly as before its claim (place in line, attempt,
     * started_at, heartbeat_at), its timeline shows no start, and one whose cancel was asked for meanwhile is
     * cancelled. Returns the jobs changed, with their new version and status.
     */
    List<JobEvent> unclaim(String owner, Collection<UUID> ids, Instant now);
}
