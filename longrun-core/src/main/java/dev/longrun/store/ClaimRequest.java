package dev.longrun.store;

import java.time.Instant;
import java.util.Set;

/**
 * Claim up to {@code limit} runnable jobs of these queues: pending, {@code run_after <= now}, not waiting
 * for another job; ordered by priority (higher first), then run_after, then id.
 */
public record ClaimRequest(Set<String> queues, int limit, String owner, Instant now, Instant leaseUntil) {
}
