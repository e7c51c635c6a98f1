package dev.longrun.bench.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps the targets of issues 7 and 17 from slipping while the estimator is tuned: the replay of
 * docs/BENCHMARKS.md (40 runs per workload) on four of its seeds, 7 (the documented table), 1 and
 * 11 (where the stall at 99 % came closest to losing its honesty) and 3. Honesty on every workload
 * in both node modes; sharpness where it is met (see docs/BENCHMARKS.md for the rows that miss it
 * and why: bursty, the stall at 99 %, the slow step and the even short steps), and for those rows
 * the ceilings the second pass reached, so they cannot quietly slip back.
 */
class EstimateTargetsTest {

    private static final int RUNS = 40;
    private static final long[] SEEDS = {7, 1, 3, 11};
    /** Median width ÷ time left reached by the rows that still miss 1.0 (at seeds 7, 1, 3, 11 the worst was 1.28, 1.27, 1.37). */
    private static final Map<Workload, Double> MEDIAN_CEILING =
            Map.of(Workload.BURSTY, 1.29, Workload.STALL_AT_99, 1.28, Workload.STEPS_ONE_SLOW, 1.38);
    /** A shown range's end moving away: bursty and the slow step did so 5-6 % and 2-3 % of the time before the second pass. */
    private static final double ROSE_CEILING_PCT = 3.5;
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
        if (VARIABLE_AND_SHARP.contains(workload) || workload == Workload.BURSTY && (seed == 3 || seed == 11)) {
            assertThat(s.widthRatio(0.5)).as("%s, seed %d: median width ÷ time left", workload.label, seed)
                    .isLessThanOrEqualTo(1.0);
        }
        secondPassCeilings(workload, seed, s);
    }

    private static void secondPassCeilings(Workload workload, long seed, Score s) {
        if (MEDIAN_CEILING.containsKey(workload)) {
            assertThat(s.widthRatio(0.5)).as("%s, seed %d: median width ÷ time left", workload.label, seed)
                    .isLessThanOrEqualTo(MEDIAN_CEILING.get(workload));
        }
        if (workload == Workload.BURSTY || workload == Workload.STEPS_ONE_SLOW) {
            assertThat(s.rosePct()).as("%s, seed %d: upper end rose", workload.label, seed)
                    .isLessThanOrEqualTo(ROSE_CEILING_PCT);
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
        secondPassCeilings(workload, seed, s);
    }
}
