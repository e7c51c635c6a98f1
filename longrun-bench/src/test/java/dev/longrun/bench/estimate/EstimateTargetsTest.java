package dev.longrun.bench.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Keeps the targets from slipping while the estimator is tuned: a smaller replay per workload. */
class EstimateTargetsTest {

    private static final int RUNS = 30;
    private static final long SEED = 11;

    @ParameterizedTest
    @EnumSource(Workload.class)
    void onALearningNodeTheTruthIsInsideTheShownRangeAtLeastFourTimesInFive(Workload workload) {
        Score s = new Replay(2, -1).play(workload, RUNS, SEED, false);

        assertThat(s.inRangePct()).as("%s: truth in range", workload.label).isGreaterThanOrEqualTo(80);
        assertThat(s.almostDoneTooEarly).as("%s: 'Almost done' with more than 30 s left", workload.label).isZero();
    }

    @ParameterizedTest
    @EnumSource(Workload.class)
    void evenAfterARestartAlmostDoneIsNeverShownWithMoreThanThirtySecondsLeft(Workload workload) {
        Score s = new Replay(2, -1).play(workload, RUNS, SEED, true);

        assertThat(s.almostDoneTooEarly).as("%s: 'Almost done' with more than 30 s left", workload.label).isZero();
    }
}
