package dev.longrun.notify;

import java.time.Duration;

/**
 * How the {@link Dispatcher} behaves. Retries wait {@code retryBase × 2^(attempt-1)}, at most {@code retryMax},
 * for at most {@code maxAttempts} attempts per delivery; a claimed delivery is another node's to take after {@code lease}.
 *
 * @param emailAfter email by default only when the job ran (created → finished) longer than this
 * @param keep       webhook delivery logs and local outbox messages are deleted after this
 */
public record DispatchSettings(Duration emailAfter, Duration retryBase, Duration retryMax, int maxAttempts, Duration lease,
                               Duration pollInterval, int batchSize, Duration keep) {

    public static DispatchSettings defaults() {
        return new DispatchSettings(Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofHours(1), 8,
                Duration.ofMinutes(2), Duration.ofSeconds(1), 50, Duration.ofDays(30));
    }

    public DispatchSettings withEmailAfter(Duration d) {
        return new DispatchSettings(d, retryBase, retryMax, maxAttempts, lease, pollInterval, batchSize, keep);
    }

    public DispatchSettings withRetry(Duration base, Duration max, int attempts) {
        return new DispatchSettings(emailAfter, base, max, attempts, lease, pollInterval, batchSize, keep);
    }

    public DispatchSettings withLease(Duration d) {
        return new DispatchSettings(emailAfter, retryBase, retryMax, maxAttempts, d, pollInterval, batchSize, keep);
    }

    public DispatchSettings withPollInterval(Duration d) {
        return new DispatchSettings(emailAfter, retryBase, retryMax, maxAttempts, lease, d, batchSize, keep);
    }

    public DispatchSettings withKeep(Duration d) {
        return new DispatchSettings(emailAfter, retryBase, retryMax, maxAttempts, lease, pollInterval, batchSize, d);
    }

    /** Wait before attempt {@code attempt + 1}, after {@code attempt} failed ones. */
    public Duration backoff(int attempt) {
        long factor = 1L << Math.min(Math.max(attempt - 1, 0), 30);
        Duration wait = retryBase.multipliedBy(factor);
        return wait.compareTo(retryMax) > 0 ? retryMax : wait;
    }
}
