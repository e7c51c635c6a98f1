package dev.longrun.bench.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Percentiles of the fan-out latencies (nearest rank, in milliseconds) and reading a frame's stamp. */
class FanOutResultTest {

    @Test
    void percentilesUseTheNearestRank() {
        List<Long> micros = LongStream.rangeClosed(1, 100).map(i -> i * 1000).boxed().toList();
        FanOut.Result r = new FanOut.Result(1, 1, 0, 1, micros, 0, new FanOut.Cpu(0, 0, 0));

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
    void noSamplesGiveNoFigure() {
        assertThat(new FanOut.Result(1, 0, 0, 0, List.of(), 1, new FanOut.Cpu(0, 0, 0)).percentileMillis(99)).isNaN();
    }
}
