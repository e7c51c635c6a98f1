package dev.longrun;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how soon a transient failure is retried. The default runs a job up to 3 times with
 * backoff 1 s, 4 s, 16 s (each ±20% jitter, so retries of many jobs do not stampede).
 *
 * @param maxAttempts total runs, including the first
 * @param firstDelay  delay before the second run
 * @param multiplier  growth of the delay per further retry
 * @param jitter      fraction of the delay randomly added or removed (0 = none)
 */
public record RetryPolicy(int maxAttempts, Duration firstDelay, double multiplier, double jitter) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofSeconds(1), 4.0, 0.2);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (firstDelay == null || firstDelay.isNegative()) {
            throw new IllegalArgumentException("firstDelay must be zero or positive");
        }
        if (multiplier < 1.0 || jitter < 0.0 || jitter >= 1.0) {
            throw new IllegalArgumentException("multiplier must be >= 1 and jitter in [0, 1)");
        }
    }

    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, 1.0, 0.0);
    }

    public static RetryPolicy attempts(int maxAttempts) {
        return new RetryPolicy(maxAttempts, DEFAULT.firstDelay, DEFAULT.multiplier, DEFAULT.jitter);
    }

    /** The delay before the run after {@code failedAttempt} (1-based), without jitter. */
    public Duration baseDelayAfter(int failedAttempt) {
        double millis = firstDelay.toMillis() * Math.pow(multiplier, Math.max(0, failedAttempt - 1));
        return Duration.ofMillis((long) Math.min(millis, Duration.ofHours(6).toMillis()));
    }

    public Duration delayAfter(int failedAttempt) {
        long base = baseDelayAfter(failedAttempt).toMillis();
        if (jitter == 0.0 || base == 0) {
            return Duration.ofMillis(base);
        }
        double factor = 1.0 + ThreadLocalRandom.current().nextDouble(-jitter, jitter);
        return Duration.ofMillis(Math.round(base * factor));
    }

    public boolean canRetryAfter(int failedAttempt) {
        return failedAttempt < maxAttempts;
    }
}
