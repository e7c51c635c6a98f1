package dev.longrun.store;

import java.time.Instant;
import java.util.UUID;

/**
 * A job to insert. {@code idempotencyKey} is already scoped to account and user by the runtime (a hash);
 * the store enforces at most one active (pending/running/needs_action) job per key.
 *
 * @param paramsJson         canonical JSON text of the params
 * @param requestFingerprint hash of type + params + dependsOn, to tell "same request again" from "key reused"
 * @param waitingFor         set to {@code dependsOn} when that job has not succeeded yet
 */
public record NewJob(UUID id, String accountId, String userId, String type, String queue, int priority,
                     String paramsJson, String idempotencyKey, String requestFingerprint, int maxAttempts,
                     Long timeoutSeconds, boolean cancellable, UUID dependsOn, UUID waitingFor, UUID retryOf,
                     Instant runAfter, Instant createdAt, Long estimatedDurationSeconds) {
}
