package dev.longrun.bench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DrainClockTest {

    @Test
    void theDrainEndsOnlyWhenTheDatabaseShowsEveryJobFinished() throws Exception {
        DrainClock clock = new DrainClock();
        clock.start();
        count(clock, 10);
        AtomicLong asked = new AtomicLong();

        double seconds = clock.awaitFinished(10, () -> asked.incrementAndGet() < 3 ? 7 : 10, Duration.ofSeconds(5));

        assertThat(asked.get()).isEqualTo(3);
        assertThat(seconds).isPositive().isLessThan(5);
    }

    @Test
    void theDrainIsTimedFromTheFirstJobHandledNotFromTheNodesStartUp() throws Exception {
        DrainClock clock = new DrainClock();
        clock.start();
        Thread.sleep(300); // a node starting up: nothing drains yet
        long beforeFirst = System.nanoTime();
        count(clock, 10);

        double seconds = clock.awaitFinished(10, () -> 10, Duration.ofSeconds(5));

        assertThat(seconds).isLessThanOrEqualTo((System.nanoTime() - beforeFirst) / 1e9);
    }

    @Test
    void aDrainThatStallsTimesOutSayingHowFarItGot() {
        DrainClock clock = new DrainClock();
        clock.start();
        count(clock, 4);

        assertThatThrownBy(() -> clock.awaitFinished(10, () -> 0, Duration.ofMillis(100)))
                .hasMessageContaining("handlers ran 4 of 10 jobs");
    }

    @Test
    void jobsRunButNotRecordedAreReportedAsSuch() {
        DrainClock clock = new DrainClock();
        clock.start();
        count(clock, 10);

        assertThatThrownBy(() -> clock.awaitFinished(10, () -> 9, Duration.ofMillis(100)))
                .hasMessageContaining("the database shows 9 finished");
    }

    private static void count(DrainClock clock, int jobs) {
        for (int i = 0; i < jobs; i++) {
            clock.countHandled();
        }
    }
}
