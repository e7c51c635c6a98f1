package dev.longrun.bench.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Keeps the targets of issues 7 and 17 from slipping while the estimator is tuned: a smaller replay
 * per workload (another seed than the documented table). Honesty on every workload; sharpness
 * where it is met today (see docs/BENCHMARKS.md for the rows that miss it and why).
 */
class EstimateTargetsTest {

    private static final int RUNS = 30;
    private static final long SEED = 11;
    private static final Set<Workload> STEADY = EnumSet.of(Workload.STEADY);
    private static final Set<Workload> SHARP_ENOUGH = EnumSet.of(Workload.NOISY, Workload.SLOWDOWN, Workload.COLD_START);

    @ParameterizedTest
    @EnumSource(Workload.class)
    void onALearningNodeTheTruthIsInsideTheShownRangeNineTimesInTen(Workload workload) {
        Score s = new Replay(2, -1).play(workload, RUNS, SEED, false);

        assertThat(s.inRangePct()).as("%s: truth in range", workload.label).isGreaterThanOrEqualTo(90);
        assertThat(s.almostDoneTooEarly).as("%s: 'Almost done' with more than 30 s left", workload.label).isZero();
        if (STEADY.contains(workload)) {
            assertThat(s.widthRatio(0.5)).as("%s: median width ÷ time left", workload.label).isLessThanOrEqualTo(0.5);
            assertThat(s.widthRatio(0.9)).as("%s: p90 width ÷ time left", workload.label).isLessThanOrEqualTo(1.0);
            assertThat(s.rosePct()).as("%s: upper end rose", workload.label).isZero();
        }
        if (SHARP_ENOUGH.contains(workload)) {
            assertThat(s.widthRatio(0.5)).as("%s: median width ÷ time left", workload.label).isLessThanOrEqualTo(1.0);
        }
    }

    @ParameterizedTest
    @EnumSource(Workload.class)
    void afterARestartTheRangesAreAsHonestAndAlmostDoneNeverComesEarly(Workload workload) {
        Score s = new Replay(2, -1).play(workload, RUNS, SEED, true);

        assertThat(s.inRangePct()).as("%s: truth in range", workload.label).isGreaterThanOrEqualTo(90);
        assertThat(s.almostDoneTooEarly).as("%s: 'Almost done' with more than 30 s left", workload.label).isZero();
    }
}
