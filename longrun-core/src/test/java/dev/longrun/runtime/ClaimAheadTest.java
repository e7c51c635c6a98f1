package dev.longrun.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ClaimAheadTest {

    private static final long MS = 1_000_000L;

    private final AtomicLong now = new AtomicLong();
    private final ClaimAhead ahead = new ClaimAhead(256, now::get);

    private void finish(int jobs) {
        for (int i = 0; i < jobs; i++) {
            ahead.completed();
        }
    }

    @Test
    void aFreshNodeClaimsOnlyForItsFreeSlots() {
        assertThat(ahead.target()).isZero();
    }

    @Test
    void shortJobsAreClaimedAheadByWhatFinishesInTwoClaimRoundTrips() {
        // 16 jobs finish per 10 ms and a claim takes 10 ms: 1.6 jobs/ms x 10 ms x 2
        for (int round = 0; round < 5; round++) {
            now.addAndGet(10 * MS);
            finish(16);
            ahead.claimed(10 * MS);
        }
        assertThat(ahead.target()).isEqualTo(32);
    }

    @Test
    void jobsThatTakeSecondsAreNotClaimedAhead() {
        // 32 workers, jobs of 10 s: 3.2 jobs/s; a claim takes 20 ms, so not even one job finishes per claim
        for (int round = 0; round < 10; round++) {
            now.addAndGet(1_000 * MS);
            finish(3);
            ahead.claimed(20 * MS);
        }
        assertThat(ahead.target()).isZero();
    }

    @Test
    void theReserveIsCapped() {
        for (int round = 0; round < 5; round++) {
            now.addAndGet(10 * MS);
            finish(10_000);
            ahead.claimed(50 * MS);
        }
        assertThat(ahead.target()).isEqualTo(256);
    }

    @Test
    void theReserveTopsTheSlotsUpTo256AndANodeWithThatManyWorkersKeepsNone() {
        assertThat(ClaimAhead.capFor(16)).isEqualTo(240);
        assertThat(ClaimAhead.capFor(256)).isZero();
        assertThat(ClaimAhead.capFor(1024)).isZero();
        ClaimAhead big = new ClaimAhead(ClaimAhead.capFor(1024), now::get);
        for (int round = 0; round < 5; round++) {
            now.addAndGet(10 * MS);
            for (int i = 0; i < 10_000; i++) {
                big.completed();
            }
            big.claimed(50 * MS);
        }
        assertThat(big.target()).isZero();
    }

    @Test
    void aNodeThatWentIdleStopsClaimingAhead() {
        for (int round = 0; round < 5; round++) {
            now.addAndGet(10 * MS);
            finish(100);
            ahead.claimed(10 * MS);
        }
        assertThat(ahead.target()).isPositive();
        for (int round = 0; round < 10; round++) {
            now.addAndGet(1_000 * MS);
            ahead.claimed(10 * MS);
        }
        assertThat(ahead.target()).isZero();
    }
}
