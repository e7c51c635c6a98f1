package dev.longrun.bench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchSettingsTest {

    @Test
    void withoutArgumentsEveryPartRunsOnAHundredThousandJobs() {
        BenchSettings s = BenchSettings.parse(new String[0]);

        assertThat(s.jobs()).isEqualTo(100_000);
        assertThat(s.parts()).containsExactlyInAnyOrder("ours", "jobrunr", "dbscheduler", "latency", "progress");
        assertThat(s.traceSql()).isFalse();
    }

    @Test
    void argumentsOverrideTheDefaults() {
        BenchSettings s = BenchSettings.parse(new String[] {"--jobs=2_000", "--concurrency=8,32", "--only=ours,latency", "--trace-sql", ""});

        assertThat(s.jobs()).isEqualTo(2_000);
        assertThat(s.concurrencies()).isEqualTo(List.of(8, 32));
        assertThat(s.runs("ours")).isTrue();
        assertThat(s.runs("jobrunr")).isFalse();
        assertThat(s.traceSql()).isTrue();
    }

    @Test
    void badArgumentsNameWhatIsWrongAndWhatIsKnown() {
        assertThatThrownBy(() -> BenchSettings.parse(new String[] {"--jobs=lots"}))
                .hasMessageContaining("--jobs must be a positive whole number, was 'lots'");
        assertThatThrownBy(() -> BenchSettings.parse(new String[] {"--concurrency=0"}))
                .hasMessageContaining("--concurrency must be a positive whole number");
        assertThatThrownBy(() -> BenchSettings.parse(new String[] {"--speed=11"}))
                .hasMessageContaining("Unknown argument --speed").hasMessageContaining("--jobs=N");
        assertThatThrownBy(() -> BenchSettings.parse(new String[] {"jobs"}))
                .hasMessageContaining("Arguments look like --jobs=100000");
        assertThatThrownBy(() -> BenchSettings.parse(new String[] {"--only=ours,quartz"}))
                .hasMessageContaining("not 'quartz'");
    }
}
