package dev.longrun.runtime;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Time-ordered UUIDs (version 7 layout, with the 12-bit counter of RFC 9562 §6.2 method 1): ids of
 * jobs created later sort later, even within one millisecond or under a clock that stands still,
 * which keeps the claim order (priority, run_after, id) first-in-first-out.
 */
final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** (unix millis << 12) | counter of the last id handed out. */
    private static final AtomicLong LAST = new AtomicLong();

    private Ids() {
    }

    static UUID timeOrdered(Instant now) {
        long candidate = now.toEpochMilli() << 12;
        long stamp = LAST.updateAndGet(last -> Math.max(candidate, last + 1));
        long high = ((stamp >>> 12) << 16) | 0x7000L | (stamp & 0x0FFFL);
        long low = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
