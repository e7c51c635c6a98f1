package dev.longrun.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class TypeHistoryTest {

    @Test
    void percentilesInterpolateBetweenRuns() {
        Spread s = TypeHistory.spreadOf(new double[] {50, 10, 40, 20, 30});

        assertThat(s.median()).isEqualTo(30);
        assertThat(s.low()).isCloseTo(14, within(1e-9));
        assertThat(s.high()).isCloseTo(46, within(1e-9));
        assertThat(s.mean()).isEqualTo(30);
    }

    @Test
    void onlyTheMostRecentRunsAreKept() {
        TypeHistory h = new TypeHistory(List.of());
        for (int i = 1; i <= 60; i++) {
            h.add(i, null);
        }

        assertThat(h.size()).isEqualTo(TypeHistory.CAPACITY);
        assertThat(h.all().median()).isEqualTo(35.5); // runs 11..60
    }

    @Test
    void storedRunsSeedTheHistoryNewestFirst() {
        TypeHistory h = new TypeHistory(List.of(new DurationSample(2_000, null), new DurationSample(4_000, null)));

        assertThat(h.all().samples()).isEqualTo(2);
        assertThat(h.all().mean()).isEqualTo(3);
    }

    @Test
    void sizesWithoutEnoughSimilarRunsAreScaledAndWidened() {
        TypeHistory h = new TypeHistory(List.of());
        for (int i = 0; i < 6; i++) {
            h.add(10, 1_000L);
        }

        Spread scaled = h.forSize(3_000_000);
        assertThat(scaled.median()).isEqualTo(30_000);
        assertThat(scaled.high()).isGreaterThan(scaled.median());
    }

    @Test
    void runsThatCountedNothingAreComparedAsAWhole() {
        TypeHistory h = new TypeHistory(List.of());
        for (int i = 0; i < 6; i++) {
            h.add(10 + i, null);
        }

        assertThat(h.forSize(500)).isEqualTo(h.all());
    }
}
