package dev.longrun;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A snapshot of one job as stored. Immutable; every change bumps {@code version}, which is also the
 * SSE event id and the HTTP ETag.
 *
 * @param progressCurrent   units done when progress is counted (rows, pages, bytes); null otherwise
 * @param progressTotal     units in all; null when the job is indeterminate
 * @param waitingFor        the job this one waits for while pending (its {@code dependsOn}), cleared when that one succeeds
 * @param confirmed         true once the user confirmed a needs_action stop; the handler then resumes past it
 * @param hiddenAt          when the person cleared this finished job from their list ({@link Longrun#clearFinished});
 *                          it stays in their history until retention; null while listed
 */
public record Job(
        UUID id,
        String accountId,
        String userId,
        String type,
        String queue,
        int priority,
        JobStatus status,
        Long progressCurrent,
        Long progressTotal,
        String progressMessage,
        Integer currentStep,
        Integer totalSteps,
        Instant createdAt,
        Instant startedAt,
        Instant completedAt,
        Instant updatedAt,
        Instant runAfter,
        Long estimatedDurationSeconds,
        boolean cancellable,
        Instant cancelRequestedAt,
        int attempt,
        int maxAttempts,
        String idempotencyKey,
        JsonNode params,
        JobResult result,
        String errorMessage,
        String errorCode,
        Boolean errorRetryable,
        Summary summary,
        Action action,
        boolean confirmed,
        UUID dependsOn,
        UUID waitingFor,
        UUID retryOf,
        Long timeoutSeconds,
        String leaseOwner,
        Instant leaseExpiresAt,
        Instant heartbeatAt,
        long version,
        Instant hiddenAt) {

    /** A job still in its person's list (not cleared): every job the engine itself makes or changes. */
    public Job(UUID id, String accountId, String userId, String type, String queue, int priority, JobStatus status,
               Long progressCurrent, Long progressTotal, String progressMessage, Integer currentStep, Integer totalSteps,
               Instant createdAt, Instant startedAt, Instant completedAt, Instant updatedAt, Instant runAfter,
               Long estimatedDurationSeconds, boolean cancellable, Instant cancelRequestedAt, int attempt, int maxAttempts,
               String idempotencyKey, JsonNode params, JobResult result, String errorMessage, String errorCode,
               Boolean errorRetryable, Summary summary, Action action, boolean confirmed, UUID dependsOn, UUID waitingFor,
               UUID retryOf, Long timeoutSeconds, String leaseOwner, Instant leaseExpiresAt, Instant heartbeatAt, long version) {
        this(id, accountId, userId, type, queue, priority, status, progressCurrent, progressTotal, progressMessage,
                currentStep, totalSteps, createdAt, startedAt, completedAt, updatedAt, runAfter, estimatedDurationSeconds,
                cancellable, cancelRequestedAt, attempt, maxAttempts, idempotencyKey, params, result, errorMessage, errorCode,
                errorRetryable, summary, action, confirmed, dependsOn, waitingFor, retryOf, timeoutSeconds, leaseOwner,
                leaseExpiresAt, heartbeatAt, version, null);
    }

    /** Percent done, or null when the job does not count its work (indeterminate). */
    public Double progressPct() {
        if (progressTotal == null || progressTotal <= 0 || progressCurrent == null) {
            return null;
        }
        return Math.min(100.0, Math.floor(1000.0 * progressCurrent / progressTotal) / 10.0);
    }

    public boolean cancelRequested() {
        return cancelRequestedAt != null;
    }

    public boolean isTerminal() {
        return status.isTerminal();
    }
}
