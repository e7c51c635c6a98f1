package dev.longrun.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.Eta;
import org.junit.jupiter.api.Test;

class RemainingTimeTest {

    @Test
    void aJobThatOutlivedPastRunsKeepsHalfMinuteStepsAtItsUpperEndAboveAMinute() {
        // issue 17: a long stall read "Less than 70 seconds" with 85-107 s left at 10 s steps
        assertThat(RemainingTime.outlivedEnd(64)).isEqualTo(90);
        assertThat(RemainingTime.outlivedEnd(95)).isEqualTo(120);
        assertThat(RemainingTime.outlivedEnd(90)).as("already on a step").isEqualTo(90);
    }

    @Test
    void underAMinuteAnOutlivedEndIsLeftToTheWordingsOwnSteps() {
        // fifth round: rounded to 10 s here, the last 4 s of an even-step job read "Almost done" (0-10 s)
        assertThat(RemainingTime.outlivedEnd(41)).isEqualTo(41);
        assertThat(EtaWords.remaining(Guess.of(0, RemainingTime.outlivedEnd(41))).highSeconds()).isEqualTo(50);
        assertThat(EtaWords.remaining(Guess.of(0, RemainingTime.outlivedEnd(4.2)).confident(true)))
                .isEqualTo(new Eta(0, 5, "About 5 seconds"));
    }

    @Test
    void aStepJobOfFewStepsMayBeConfidentOnceItMadeEveryUpdateItWill() {
        assertThat(RemainingTime.updatesToTrust(0)).as("counted progress").isEqualTo(5);
        assertThat(RemainingTime.updatesToTrust(12)).isEqualTo(5);
        assertThat(RemainingTime.updatesToTrust(3)).as("three steps report three times").isEqualTo(3);
    }
    @Test
    void aFewPastRunsThatAgreeNarrowAStepJobsOwnRange() {
        // issue 17, second pass: three past runs of demo.wait needed 19.9-20.1 s from here, the job's
        // own pace (its first steps, no history to say how even they are) 12-32 s
        Guess g = RemainingTime.withFewRuns(Guess.of(12, 32), new double[] {19.9, 20.0, 20.1});

        assertThat(g.low()).isGreaterThan(18);
        assertThat(g.high()).isLessThan(22);
    }

    @Test
    void aFewPastRunsThatDisagreeOrAnUnsureOwnPaceLeaveTheOwnRange() {
        Guess own = Guess.of(12, 32);

        assertThat(RemainingTime.withFewRuns(own, new double[] {14, 20, 29})).as("they differ as much as the job")
                .isEqualTo(own);
        assertThat(RemainingTime.withFewRuns(own, new double[] {59.9, 60, 60.1})).as("they disagree with the job")
                .isEqualTo(own);
        assertThat(RemainingTime.withFewRuns(own, new double[] {20})).as("one run").isEqualTo(own);
        Guess unsure = Guess.of(20, 200);
        assertThat(RemainingTime.withFewRuns(unsure, new double[] {79.9, 80, 80.1}))
                .as("a range too wide to show stays so: the few runs do not make one appear").isEqualTo(unsure);
    }
}
