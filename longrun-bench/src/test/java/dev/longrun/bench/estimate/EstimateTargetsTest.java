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
 * and why: the stall at 99 %, the slow step, and the p90 of the even short steps), and for every
 * row the ceilings the fifth to seventh rounds of issue 17 reached, so none can quietly slip back.
 */
class EstimateTargetsTest {

    private static final int RUNS = 40;
    private static final long[] SEEDS = {7, 1, 3, 11};
    /**
     * Median width ÷ time left reached in the fifth round (worst of seeds 7, 1, 3, 11): steady 0.33,
     * noisy 0.84, slow-down 0.32, cold start 0.53, bursty 1.14, the stall 1.27, the slow step 1.32,
     * even short steps 0.50 (was 1.00: "Almost done", 10 s wide, on the 37 % of samples under 10 s;
     * now "About 5 seconds" and "About 10 seconds" where the range says so); the slow step 1.27 since
     * the sixth round (its first steps shown); bursty 1.00 since the seventh (its range from its own
     * bursts and waits, {@code WaitModel}: 0.96 at seed 7, was 1.14); the slow step 1.30 since the tenth
     * (1.27 -> 1.28 at seed 1: an overdue step without enough past runs shows no range, and the ranges
     * it showed there were narrow ones that missed the truth; in range 92.0 -> 93.2 % at that seed).
     */
    private static final Map<Workload, Double> MEDIAN_CEILING = Map.of(
            Workload.STEADY, 0.35, Workload.NOISY, 0.85, Workload.SLOWDOWN, 0.35, Workload.COLD_START, 0.55,
            Workload.BURSTY, 1.0, Workload.STALL_AT_99, 1.28, Workload.STEPS_ONE_SLOW, 1.30, Workload.EVEN_STEPS, 0.5);
    /**
     * p90 width ÷ time left reached in the fifth round (worst of the four seeds): steady rate 0.50
     * (was 0.69), slow-down 0.76 (was 1.00), cold start 1.01 (was 1.16), even short steps 1.50;
     * bursty 2.00 in the seventh round (was 2.46 at seed 7).
     */
    private static final Map<Workload, Double> P90_CEILING = Map.of(Workload.STEADY, 0.52, Workload.SLOWDOWN, 0.80,
            Workload.COLD_START, 1.05, Workload.EVEN_STEPS, 1.5, Workload.BURSTY, 2.0);
    /**
     * p90 width ÷ time left of the even short steps, per seed, since the second pass of issue 17: the
     * target, 1.0, at seeds 7, 1 and 11 (sixth round 1.32, 1.43, 1.23), and 1.15 at 3 (1.50), where
     * the first samples of short runs of few steps hold the tail: before a run's second step only
     * past runs' 10-40 s say anything (docs/benchmarks/estimates.md, eighth round). Order statistics
     * of past runs before the second step, "Less than 10 seconds" within 5 s without confidence, and
     * two to four past runs that agree narrowing a step job's own pace made it.
     */
    private static final Map<Long, Double> EVEN_STEPS_P90_CEILING = Map.of(7L, 1.0, 1L, 1.0, 3L, 1.16, 11L, 1.0);
    /**
     * Samples with no estimate shown, sixth round (worst of the four seeds): a step job's first step
     * no longer loses its range a twentieth of the way in (the slow step 24.6 % -> 20.6 %, even short
     * steps 6.5 % -> 4.5 %). The slow step 22.5 % since the tenth round: a step half as long again as the
     * job's longest so far, with under five past runs, shows no range (20.6 -> 22.0 % at seed 1; of the 51
     * ranges no longer shown there, 36 had missed the truth, such as "Less than 40 seconds" with 74 s left).
     */
    private static final Map<Workload, Double> NONE_CEILING_PCT = Map.of(Workload.STEPS_ONE_SLOW, 22.5,
            Workload.EVEN_STEPS, 4.6);
    /** A shown range's end moving away: bursty and the slow step did so 5-6 % and 2-3 % of the time before the second pass. */
    private static final double ROSE_CEILING_PCT = 3.5;
    /** Bursty's end moving away since the seventh round: 2.1-2.3 % of steps on the four seeds (was 2.7-3.2 %). */
    private static final double BURSTY_ROSE_CEILING_PCT = 2.5;
    private static final Set<Workload> STEADY = EnumSet.of(Workload.STEADY);
    /**
     * Steady kinds whose shown end never moves away: the even short steps since the sixth round (their
     * end rose on 0.5-1.5 % of steps when a run's last steps were judged by too few past runs).
     */
    private static final Set<Workload> END_NEVER_RISES = EnumSet.of(Workload.STEADY, Workload.EVEN_STEPS);
    /** The steady kinds whose median width meets its target of 0.5 (the even short steps since the fifth round). */
    private static final Set<Workload> STEADY_MEDIAN_MET = EnumSet.of(Workload.STEADY, Workload.EVEN_STEPS);
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
        if (STEADY_MEDIAN_MET.contains(workload)) {
            assertThat(s.widthRatio(0.5)).as("%s, seed %d: median width ÷ time left", workload.label, seed)
                    .isLessThanOrEqualTo(0.5);
        }
        if (STEADY.contains(workload)) {
            assertThat(s.widthRatio(0.9)).as("%s, seed %d: p90 width ÷ time left", workload.label, seed)
                    .isLessThanOrEqualTo(1.0);
        }
        boolean metAtThisSeed = workload == Workload.BURSTY || workload == Workload.STEPS_ONE_SLOW && seed == 3;
        if (VARIABLE_AND_SHARP.contains(workload) || metAtThisSeed) {
            assertThat(s.widthRatio(0.5)).as("%s, seed %d: median width ÷ time left", workload.label, seed)
                    .isLessThanOrEqualTo(1.0);
        }
        reachedCeilings(workload, seed, s);
    }

    private static void reachedCeilings(Workload workload, long seed, Score s) {
        assertThat(s.widthRatio(0.5)).as("%s, seed %d: median width ÷ time left", workload.label, seed)
                .isLessThanOrEqualTo(MEDIAN_CEILING.get(workload));
        if (P90_CEILING.containsKey(workload)) {
            assertThat(s.widthRatio(0.9)).as("%s, seed %d: p90 width ÷ time left", workload.label, seed)
                    .isLessThanOrEqualTo(P90_CEILING.get(workload));
        }
        if (workload == Workload.EVEN_STEPS) {
            assertThat(s.widthRatio(0.9)).as("%s, seed %d: p90 width ÷ time left", workload.label, seed)
                    .isLessThanOrEqualTo(EVEN_STEPS_P90_CEILING.get(seed));
        }
        if (NONE_CEILING_PCT.containsKey(workload)) {
            assertThat(s.nonePct()).as("%s, seed %d: no estimate shown", workload.label, seed)
                    .isLessThanOrEqualTo(NONE_CEILING_PCT.get(workload));
        }
        if (END_NEVER_RISES.contains(workload)) {
            assertThat(s.rosePct()).as("%s, seed %d: upper end rose", workload.label, seed).isZero();
        }
        if (workload == Workload.BURSTY || workload == Workload.STEPS_ONE_SLOW) {
            assertThat(s.rosePct()).as("%s, seed %d: upper end rose", workload.label, seed)
                    .isLessThanOrEqualTo(workload == Workload.BURSTY ? BURSTY_ROSE_CEILING_PCT : ROSE_CEILING_PCT);
        }
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("workloadsAndSeeds")
    void afterARestartTheRangesAreAsHonestAndAlmostDoneNeverComesEarly(Workload workload, long seed) {
        Score s = new Replay(2, -1).play(workload, RUNS, seed + workload.ordinal(), true);

        assertThat(s.inRangePct()).as("%s, seed %d: truth in range", workload.label, seed).isGreaterThanOrEqualTo(90);
        assertThat(s.almostDoneTooEarly).as("%s: 'Almost done' with more than 30 s left", workload.label).isZero();
        if (STEADY_MEDIAN_MET.contains(workload)) {
            assertThat(s.widthRatio(0.5)).as("%s, seed %d: median width ÷ time left", workload.label, seed)
                    .isLessThanOrEqualTo(0.5);
        }
        reachedCeilings(workload, seed, s);
    }
}
