package dev.longrun.history;

import java.time.Instant;
import java.util.UUID;

/**
 * One thing that happened to a job, as its timeline shows it. Written by database triggers (migration V6) when a
 * job is queued, changes status or starts a new step; read by {@link JobHistory}.
 *
 * @param kind             {@code status} (queued, an attempt started or ended, a decision asked for, the end) or {@code step}
 * @param status           the job's status after the change
 * @param fromStatus       its status before (null for the queued event and for steps)
 * @param attempt          the attempt this belongs to (0 while queued before the first)
 * @param attemptStartedAt when the attempt began, on changes into or out of running
 * @param message          the error of a failed or retried attempt, the question of a needs-action stop, a step's label
 * @param runAfter         for a change back to pending: when the next attempt may start (the retry backoff)
 */
public record JobEvent(long id, UUID jobId, String kind, String status, String fromStatus, int attempt, Instant at,
                       Instant attemptStartedAt, String message, Instant runAfter, Integer step, Integer totalSteps) {
}
