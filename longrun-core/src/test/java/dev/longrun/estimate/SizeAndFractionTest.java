package dev.longrun.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.Job;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class SizeAndFractionTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant START = Instant.parse("2026-01-05T09:00:00Z");

    @Test
    void paramsGiveASizeThroughACountFieldOrAList() {
        assertThat(SizeHint.fromParams(JSON.readTree("{\"rows\": 1200}"))).isEqualTo(1200);
        assertThat(SizeHint.fromParams(JSON.readTree("{\"contact_ids\": [1, 2, 3]}"))).isEqualTo(3);
        assertThat(SizeHint.fromParams(JSON.readTree("{\"query\": \"acme\"}"))).isNull();
        assertThat(SizeHint.fromParams(null)).isNull();
    }

    @Test
    void countedProgressIsTheShareOfUnitsDone() {
        Job job = TestJobs.counted(UUID.randomUUID(), "t", START, 250, 1000);

        assertThat(Fraction.of(job)).isEqualTo(0.25);
    }

    @Test
    void stepsCountTheStepsBeforeTheCurrentOne() {
        Job job = TestJobs.step(UUID.randomUUID(), "t", START, 3, 5);

        assertThat(Fraction.of(job)).isEqualTo(0.4);
    }

    @Test
    void jobWithoutCountedWorkIsIndeterminate() {
        assertThat(Fraction.of(TestJobs.indeterminate(UUID.randomUUID(), "t", START))).isNull();
    }
}
