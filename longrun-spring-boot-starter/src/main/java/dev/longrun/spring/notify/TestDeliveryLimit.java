package dev.longrun.spring.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code limit} test deliveries ({@code POST /api/webhooks/{id}/test}) per account in any {@code window}:
 * each one makes this server send a request somewhere, so the button must not become a way to make it send many.
 * Counted in this node's memory.
 */
final class TestDeliveryLimit {

    private final Clock clock;
    private final int limit;
    private final Duration window;
    private final Map<String, Deque<Instant>> sent = new ConcurrentHashMap<>();

    TestDeliveryLimit(Clock clock, int limit, Duration window) {
        this.clock = clock;
        this.limit = limit;
        this.window = window;
    }

    /** Takes a slot for the account, or says how long until one is free. */
    Optional<Duration> take(String accountId) {
        Instant now = clock.instant();
        Deque<Instant> times = sent.computeIfAbsent(accountId, a -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().plus(window).isAfter(now)) {
                times.pollFirst();
            }
            if (times.size() >= limit) {
                return Optional.of(Duration.between(now, times.peekFirst().plus(window)));
            }
            times.addLast(now);
            return Optional.empty();
        }
    }
}
