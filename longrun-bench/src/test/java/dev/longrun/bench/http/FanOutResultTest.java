package dev.longrun.bench.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Percentiles of the fan-out latencies (nearest rank, in milliseconds) and reading a frame's stamp. */
class FanOutResultTest {

    @Test
    void percentilesUseTheNearestRank() {
        List<Long> micros = LongStream.rangeClosed(1, 100).map(i -> i * 1000).boxed().toList();
        FanOut.Result r = new FanOut.Result(1, 1, 0, 1, micros, 0, new FanOut.Cpu(0, 0, 0), FanOut.PerChange.of(java.util.Map.of()),
                List.of(), micros, List.of(), null);

        assertThat(r.percentileMillis(50)).isEqualTo(50.0);
        assertThat(r.percentileMillis(99)).isEqualTo(99.0);
        assertThat(r.percentileMillis(100)).isEqualTo(100.0);
    }

    @Test
    void theStampAndVersionArePickedOutOfAJobFrame() {
        String frame = "{\"id\":\"x\",\"updated_at\":\"2026-11-23T16:39:12.992Z\",\"params\":{\"seconds\":40},\"version\":17}";

        assertThat(FanOut.field(frame, "updated_at")).isEqualTo("2026-11-23T16:39:12.992Z");
        assertThat(FanOut.field(frame, "version")).isEqualTo("17");
    }

    @Test
    void eachChangeSplitsIntoTheWayToItsFirstSubscriberAndTheSpreadToItsLast() {
        FanOut.PerChange pc = FanOut.PerChange.of(java.util.Map.of(7L, new long[] {4_000, 30_000}, 8L, new long[] {900_000, 925_000},
                9L, new long[] {5_000, 26_000}));

        assertThat(pc.firstMicros()).containsExactly(4_000L, 5_000L, 900_000L);
        assertThat(pc.spreadMicros()).containsExactly(21_000L, 25_000L, 26_000L);
        assertThat(FanOut.PerChange.medianMillis(pc.firstMicros())).isEqualTo(5.0);
        assertThat(FanOut.PerChange.maxMillis(pc.spreadMicros())).isEqualTo(26.0);
    }

    @Test
    void aSlowChangeKnowsItsSpreadAndItsWidestGapBetweenTwoFrames() {
        Instant t = Instant.parse("2026-11-29T12:00:00Z");
        FanOut.SlowChange c = FanOut.SlowChange.of(5, true, t, List.of(t.plusMillis(40), t.plusMillis(3), t.plusMillis(10),
                t.plusMillis(140)));

        assertThat(c.first()).isEqualTo(t.plusMillis(3));
        assertThat(c.last()).isEqualTo(t.plusMillis(140));
        assertThat(c.spreadMicros()).isEqualTo(137_000L);
        assertThat(c.gapStart()).as("the frame before the widest gap").isEqualTo(t.plusMillis(40));
        assertThat(c.gapMicros()).isEqualTo(100_000L);
    }

    @Test
    void aPauseOfTheClientCountsAgainstAChangeOnlyWhenItFallsBetweenItsStampAndItsLastFrame() {
        Instant t = Instant.parse("2026-11-29T12:00:00Z");
        ClientGcPauses.Pause pause = new ClientGcPauses.Pause("G1 Young Generation", t.plusMillis(100), 50);

        assertThat(pause.overlaps(t, t.plusMillis(120))).as("began before the last frame").isTrue();
        assertThat(pause.overlaps(t.plusMillis(140), t.plusMillis(300))).as("ended after the stamp").isTrue();
        assertThat(pause.overlaps(t.plusMillis(151), t.plusMillis(300))).as("over before the stamp").isFalse();
        assertThat(pause.overlaps(t, t.plusMillis(99))).as("after the last frame").isFalse();
    }

    @Test
    void noSamplesGiveNoFigure() {
        assertThat(new FanOut.Result(1, 0, 0, 0, List.of(), 1, new FanOut.Cpu(0, 0, 0), FanOut.PerChange.of(java.util.Map.of()),
                List.of(), List.of(), List.of(), null).percentileMillis(99)).isNaN();
    }
}
