package dev.longrun.bench.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps the targets of issues 7 and 17 from slipping while the estimator is tuned: the replay of
 * docs/BENCHMARKS.md (40 runs per workload) on three of its seeds, 7 (the documented table), 1 and
 * 11 (where the stall at 99 % came closest to losing its honesty). Honesty on every workload in
 * both node modes; sharpness where it is met (see docs/BENCHMARKS.md for the rows that miss it and
 * why: bursty, the stall at 99 %, the slow step and the even short steps).
 */
class EstimateTargetsTest {

    private static final int RUNS = 40;
    private static final long[] SEEDS = {7, 1, 11};
    private static final Set<Workload> STEADY = EnumSet.of(Workload.STEADY);
    private static final Set<Workload> VARIABLE_AND_SHARP =
            EnumSet.of(Workload.NOISY, Workload.SLOWDOWN, Workload.COLD_START);

    static Stream<Arguments> workloadsAndSeeds() {
        return EnumSet.allOf(Workload.class).stream()
                .flatMap(w -> Arrays.stream(SEEDS).mapToObj(seed -> Arguments.of(w, seed)));
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("workloadsAndSeeds")
    void onALearningNodeTheTruthIsInsideTheShownRangeNineTimesInTen(Workload workload, long seed) {
        Score s = new Replay(2, -1).play(workload, RUNS, seed + workload.ordinal(), false);

        assertThat(s.inRangePct()).as("%s, seed %d: truth in range", workload.label, seed).isGreaterThanOrEqualTo(90);
        assertThat(s.almostDoneTooEarly).as("%s: 'Almost done' with more than 30 s left", workload.label).isZero();
        if (STEADY.contains(workload)) {
            assertThat(s.widthRatio(0.5)).as("%s, seed %d: median width ÷ time left", workload.label, seed)
                    .isLessThanOrEqualTo(0.5);
            assertThat(s.widthRatio(0.9)).as("%s, seed %d: p90 width ÷ time left", workload.label, seed)
                    .isLessThanOrEqualTo(1.0);
            assertThat(s.rosePct()).as("%s, seed %d: upper end rose", workload.label, seed).isZero();
        }
        if (VARIABLE_AND_SHARP.contains(workload)) {
            assertThat(s.widthRatio(0.5)).as("%s, seed %d: median width ÷ time left", workload.label, seed)
                    .isLessThanOrEqualTo(1.0);
        }
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("workloadsAndSeeds")
    void afterARestartTheRangesAreAsHonestAndAlmostDoneNeverComesEarly(Workload workload, long seed) {
        Score s = new Replay(2, -1).play(workload, RUNS, seed + workload.ordinal(), true);

        assertThat(s.inRangePct()).as("%s, seed %d: truth in range", workload.label, seed).isGreaterThanOrEqualTo(90);
        assertThat(s.almostDoneTooEarly).as("%s: 'Almost done' with more than 30 s left", workload.label).isZero();
        if (STEADY.contains(workload)) {
            assertThat(s.widthRatio(0.5)).as("%s, seed %d: median width ÷ time left", workload.label, seed)
                    .isLessThanOrEqualTo(0.5);
        }
    }
}
