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
        clock.handled().set(10);
        AtomicLong asked = new AtomicLong();

        double seconds = clock.awaitFinished(10, () -> asked.incrementAndGet() < 3 ? 7 : 10, Duration.ofSeconds(5));

        assertThat(asked.get()).isEqualTo(3);
        assertThat(seconds).isPositive().isLessThan(5);
    }

    @Test
    void aDrainThatStallsTimesOutSayingHowFarItGot() {
        DrainClock clock = new DrainClock();
        clock.start();
        clock.handled().set(4);

        assertThatThrownBy(() -> clock.awaitFinished(10, () -> 0, Duration.ofMillis(100)))
                .hasMessageContaining("handlers ran 4 of 10 jobs");
    }

    @Test
    void jobsRunButNotRecordedAreReportedAsSuch() {
        DrainClock clock = new DrainClock();
        clock.start();
        clock.handled().set(10);

        assertThatThrownBy(() -> clock.awaitFinished(10, () -> 9, Duration.ofMillis(100)))
                .hasMessageContaining("the database shows 9 finished");
    }
}
