package dev.longrun.store;

import java.time.Instant;
import java.util.UUID;

/**
 * A job to insert. {@code idempotencyKey} is already scoped to account and user by the runtime (a hash).
 * A key derived from the request ({@code keyExpiresAt} null) allows at most one active (pending/running/needs_action)
 * job per key. A client's Idempotency-Key ({@code keyExpiresAt} set) is remembered in its own table until then,
 * whatever happens to the job: every repeat until then answers with that job.
 *
 * @param paramsJson         canonical JSON text of the params
 * @param requestFingerprint hash of type + params + dependsOn, to tell "same request again" from "key reused"
 * @param waitingFor         set to {@code dependsOn} when that job has not succeeded yet
 * @param keyExpiresAt       end of the lifetime of a client's Idempotency-Key; null for a key derived from the request
 */
public record NewJob(UUID id, String accountId, String userId, String type, String queue, int priority,
                     String paramsJson, String idempotencyKey, String requestFingerprint, int maxAttempts,
                     Long timeoutSeconds, boolean cancellable, UUID dependsOn, UUID waitingFor, UUID retryOf,
                     Instant runAfter, Instant createdAt, Long estimatedDurationSeconds,
                     Instant keyExpiresAt) {
}
