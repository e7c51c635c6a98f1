package dev.longrun.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
        // 16 jobs finish per 10 ms and a claim takes 10 ms: 1.6 jobs/ms x 10 ms x 2 (the rate, remembered over
        // 40 ms, comes within a job of it after 200 ms)
        for (int round = 0; round < 20; round++) {
            now.addAndGet(10 * MS);
            finish(16);
            ahead.claimed(10 * MS);
        }
        assertThat((double) ahead.target()).isCloseTo(32, within(1.0));
    }

    @Test
    void theRateDoesNotDependOnHowOftenItIsMeasured() {
        ClaimAhead often = new ClaimAhead(256, now::get);
        for (int round = 0; round < 20; round++) {
            now.addAndGet(5 * MS);
            finish(8);
            for (int i = 0; i < 8; i++) {
                often.completed();
            }
            often.measure();
            now.addAndGet(5 * MS);
            finish(8);
            for (int i = 0; i < 8; i++) {
                often.completed();
            }
            often.claimed(10 * MS);
            ahead.claimed(10 * MS);
        }
        assertThat((double) often.target()).isCloseTo(ahead.target(), within(1.0));
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

    @Test
    void aRateMeasuredBeforeTheWorkersWentOnToLongJobsIsForgottenWithoutAnotherClaim() {
        for (int round = 0; round < 20; round++) {
            now.addAndGet(10 * MS);
            finish(100);
            ahead.claimed(10 * MS);
        }
        assertThat(ahead.target()).isGreaterThan(100);
        // every worker is on a job of minutes: nothing finishes, nothing is claimed; 300 ms later new jobs arrive
        now.addAndGet(300 * MS);
        ahead.measure();
        assertThat(ahead.target()).isZero();
    }

    @Test
    void aHandBackStopsClaimingAheadUntilCompletionsShowARateAgain() {
        for (int round = 0; round < 20; round++) {
            now.addAndGet(10 * MS);
            finish(100);
            ahead.claimed(10 * MS);
        }
        ahead.handedBack();
        assertThat(ahead.target()).isZero();
        now.addAndGet(MS);
        ahead.measure();
        assertThat(ahead.target()).as("completions counted before the hand-back").isZero();
        for (int round = 0; round < 20; round++) {
            now.addAndGet(10 * MS);
            finish(100);
            ahead.claimed(10 * MS);
        }
        assertThat(ahead.target()).isGreaterThan(100);
    }

    @Test
    void aJobClaimedAheadWaitsAtMostEightClaimRoundTripsOrAQuarterSecond() {
        ahead.claimed(2 * MS);
        assertThat(ahead.patienceNanos()).isEqualTo(250 * MS);
        for (int round = 0; round < 30; round++) {
            ahead.claimed(100 * MS);
        }
        assertThat((double) ahead.patienceNanos()).isCloseTo(800 * MS, within(1.0 * MS));
    }
}
