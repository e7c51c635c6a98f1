package dev.longrun;

import java.time.Instant;
import java.util.UUID;

/**
 * Who starts a job and how. Without an idempotency key, one is derived from account, user, type and
 * the canonical params, so the same request twice while the first is active returns the first job.
 *
 * @param idempotencyKey at most 255 characters; null to derive one
 * @param dependsOn      a job this one waits for; null for none
 * @param runAfter       earliest start; null for now
 * @param retryOf        set by retry: the job this one repeats
 */
public record StartOptions(String accountId, String userId, String idempotencyKey, UUID dependsOn,
                           int priority, Instant runAfter, UUID retryOf) {

    public static final int MAX_KEY_LENGTH = 255;

    public static StartOptions forUser(String accountId, String userId) {
        return new StartOptions(accountId, userId, null, null, 0, null, null);
    }

    public StartOptions idempotencyKey(String key) {
        return new StartOptions(accountId, userId, key, dependsOn, priority, runAfter, retryOf);
    }

    public StartOptions dependsOn(UUID jobId) {
        return new StartOptions(accountId, userId, idempotencyKey, jobId, priority, runAfter, retryOf);
    }

    public StartOptions priority(int priority) {
        return new StartOptions(accountId, userId, idempotencyKey, dependsOn, priority, runAfter, retryOf);
    }

    public StartOptions runAfter(Instant at) {
        return new StartOptions(accountId, userId, idempotencyKey, dependsOn, priority, at, retryOf);
    }

    public StartOptions retryOf(UUID jobId) {
        return new StartOptions(accountId, userId, idempotencyKey, dependsOn, priority, runAfter, jobId);
    }
}
