package dev.longrun.spring.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The throttle's schedule on a clock the test moves: five free failures, then waits that double up to the cap. */
class SignInThrottleTest {

    private Instant now = Instant.parse("2026-11-28T12:00:00Z");
    private final Clock clock = new Clock() {
        @Override public Instant instant() { return now; }
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
    };
    private final SignInThrottle throttle = new SignInThrottle(clock, 5, 4, Duration.ofMinutes(15));

    @Test
    void fiveWrongPasswordsAreFreeThenEachDoublesTheWaitUpToTheCap() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("alice", "10.0.0.1");
            assertThat(throttle.retryAfter("alice", "10.0.0.1")).isEmpty();
        }
        long[] waits = {1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900};
        for (long wait : waits) {
            throttle.failed("alice", "10.0.0.1");
            assertThat(throttle.retryAfter("alice", "10.0.0.2")).contains(Duration.ofSeconds(wait));
            now = now.plusSeconds(wait - 1);
            assertThat(throttle.retryAfter("Alice ", "10.0.0.3")).as("names count case- and space-insensitively").contains(Duration.ofSeconds(1));
            now = now.plusSeconds(1);
            assertThat(throttle.retryAfter("alice", "10.0.0.3")).isEmpty();
        }
    }

    @Test
    void aSuccessClearsTheNameAndAQuietSpellClearsEverything() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("bob", "10.0.0.9");
        }
        assertThat(throttle.retryAfter("bob", "10.0.0.1")).isPresent();
        throttle.succeeded("bob");
        assertThat(throttle.retryAfter("bob", "10.0.0.1")).isEmpty();
        for (int i = 0; i < 5; i++) {
            throttle.failed("carol", "10.0.0.8");
        }
        now = now.plus(Duration.ofMinutes(16));
        throttle.failed("carol", "10.0.0.8");
        assertThat(throttle.retryAfter("carol", "10.0.0.8")).as("counting starts again after 15 quiet minutes").isEmpty();
    }

    @Test
    void anAddressGetsFourTimesTheFreeFailuresAcrossNamesAndUnknownNamesCountLikeKnownOnes() {
        for (int i = 0; i < 19; i++) {
            throttle.failed("name-" + i, "192.0.2.7");
        }
        assertThat(throttle.retryAfter("someone-else", "192.0.2.7")).isEmpty();
        throttle.failed("name-19", "192.0.2.7");
        assertThat(throttle.retryAfter("someone-else", "192.0.2.7")).contains(Duration.ofSeconds(1));
        assertThat(throttle.retryAfter("someone-else", "192.0.2.8")).isEqualTo(Optional.empty());
    }
}
