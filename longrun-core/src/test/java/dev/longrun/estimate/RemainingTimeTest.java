package dev.longrun.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RemainingTimeTest {

    @Test
    void aJobThatOutlivedPastRunsKeepsHalfMinuteStepsAtItsUpperEndAboveAMinute() {
        // issue 17: a long stall read "Less than 70 seconds" with 85-107 s left at 10 s steps
        assertThat(RemainingTime.outlivedEnd(64)).isEqualTo(90);
        assertThat(RemainingTime.outlivedEnd(95)).isEqualTo(120);
        assertThat(RemainingTime.outlivedEnd(41)).as("under a minute: 10 s steps, as before").isEqualTo(50);
        assertThat(RemainingTime.outlivedEnd(90)).as("already on a step").isEqualTo(90);
    }
}
