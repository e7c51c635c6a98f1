package dev.longrun.spring.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down, then locks out, guessing of dashboard passwords, per user name and per client address. The first
 * {@code freeFailures} wrong passwords in a row cost nothing; each further one makes the next attempt wait twice as
 * long (1 s, 2 s, 4 s… up to {@code maxLockout}), and an attempt during the wait is refused without looking at the
 * password. A client address gets {@code addressFactor} times as many free failures (people behind one NAT share
 * it). Names are counted whether or not such a user exists, so the answers do not tell. A success clears the
 * name's count; a quiet {@code maxLockout} clears both. Kept in this node's memory: with several nodes behind a load
 * balancer each counts what it sees, which still bounds guessing per node.
 */
public final class SignInThrottle {

    private static final int MAX_TRACKED = 100_000;

    private final Clock clock;
    private final int freeFailures;
    private final int addressFactor;
    private final Duration maxLockout;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public SignInThrottle(Clock clock, int freeFailures, int addressFactor, Duration maxLockout) {
        this.clock = clock;
        this.freeFailures = freeFailures;
        this.addressFactor = addressFactor;
        this.maxLockout = maxLockout;
    }

    private record Failures(int count, Instant last) {
    }

    /** How long this attempt must wait, if it may not be checked now. */
    public Optional<Duration> retryAfter(String username, String address) {
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        for (String key : new String[] {userKey(username), addressKey(address)}) {
            Failures f = failures.get(key);
            if (f != null) {
                Duration left = Duration.between(now, f.last().plus(lockout(f.count(), key.startsWith("a:") ? freeFailures * addressFactor : freeFailures)));
                wait = left.compareTo(wait) > 0 ? left : wait;
            }
        }
        return wait.isZero() || wait.isNegative() ? Optional.empty() : Optional.of(wait);
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        if (failures.size() > MAX_TRACKED) {
            failures.entrySet().removeIf(e -> e.getValue().last().plus(maxLockout).isBefore(now));
        }
        for (String key : new String[] {userKey(username), addressKey(address)}) {
            failures.compute(key, (k, f) -> f == null || f.last().plus(maxLockout).isBefore(now) ? new Failures(1, now) : new Failures(f.count() + 1, now));
        }
    }

    public void succeeded(String username) {
        failures.remove(userKey(username));
    }

    private Duration lockout(int count, int free) {
        if (count < free) {
            return Duration.ZERO;
        }
        Duration d = Duration.ofSeconds(1L << Math.min(count - free, 20));
        return d.compareTo(maxLockout) > 0 ? maxLockout : d;
    }

    private static String userKey(String username) {
        return "u:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "a:" + address;
    }
}
