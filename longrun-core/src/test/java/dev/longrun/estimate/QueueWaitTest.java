package dev.longrun.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueueWaitTest {

    private static final Spread ABOUT_A_MINUTE = TypeHistory.spreadOf(new double[] {40, 50, 55, 60, 60, 65, 70, 80});

    @Test
    void aJobWithinTheFirstWaveWaitsAtMostOneUsualRun() {
        Guess g = QueueWait.estimate(3, 4, ABOUT_A_MINUTE);

        assertThat(g.low()).isZero();
        assertThat(g.high()).isEqualTo(ABOUT_A_MINUTE.high());
    }

    @Test
    void manyJobsAheadGiveARelativelyNarrowerRange() {
        Guess near = QueueWait.estimate(8, 4, ABOUT_A_MINUTE);
        Guess far = QueueWait.estimate(80, 4, ABOUT_A_MINUTE);

        assertThat(far.low()).isGreaterThan(near.high());
        assertThat(far.high() / far.low()).isLessThan(near.high() / Math.max(near.low(), 1));
        // 80 jobs four at a time, about a minute each: around 20 minutes
        assertThat(far.low()).isBetween(15 * 60.0, 20 * 60.0);
        assertThat(far.high()).isBetween(20 * 60.0, 24 * 60.0);
    }

    @Test
    void nothingIsSaidWithoutWorkersOrWithoutPastRuns() {
        assertThat(QueueWait.estimate(2, 0, ABOUT_A_MINUTE)).isNull();
        assertThat(QueueWait.estimate(2, 4, null)).isNull();
        assertThat(QueueWait.estimate(2, 4, TypeHistory.spreadOf(new double[] {60, 60}))).isNull();
    }
}
