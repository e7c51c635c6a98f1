package dev.longrun.bench.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.longrun.bench.engine.DrainResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each part of the scale benchmark runs small on the local PostgreSQL end to end: the raw limit and the drain only
 * report a rate when the table shows every job finished, the start rate only when every start made a pending job.
 */
class SmallScaleTest {

    private static final ScaleSettings SMALL = ScaleSettings.parse(new String[] {
            "--jobs=400", "--concurrency=16", "--raw-threads=2", "--raw-batch=64", "--starts=300", "--start-threads=4",
            "--pool=4", "--timeout-seconds=60"});

    @Test
    void theRawLimitFinishesEveryRowOfTheMinimalTable() {
        RawLimit.Result r = RawLimit.run(SMALL, 2, 64);

        assertThat(r.error()).isNull();
        assertThat(r.jobsPerSecond()).isPositive();
    }

    @Test
    void jobsMadeByStartAreDrainedToSucceeded() {
        DrainResult r = StartedDrain.run(SMALL, 16);

        assertThat(r.error()).isNull();
        assertThat(r.jobsPerSecond()).isPositive();
        assertThat(r.insertedBy()).contains("Longrun.start");
    }

    @Test
    void theDrainBesideTheDispatcherCountsOnlyOnceEveryNotificationIsPlanned() {
        PlannedDrain.Result r = PlannedDrain.run(SMALL, 16);

        assertThat(r.error()).isNull();
        assertThat(r.alonePerSecond()).isPositive();
        assertThat(r.withDispatcherPerSecond()).isPositive();
        assertThat(r.plannedSeconds()).as("planned after the drain ended").isGreaterThanOrEqualTo(r.withDispatcherSeconds());
    }

    @Test
    void singleStartsAreCountedOnlyWhenEachMadeAPendingJob() {
        StartRate.Result r = StartRate.single(SMALL);

        assertThat(r.error()).isNull();
        assertThat(r.perSecond()).isPositive();
        assertThat(r.rawPerSecond()).as("the raw insert limit beside it").isPositive();
        assertThat(r.shareOfRaw()).isEqualTo(r.perSecond() / r.rawPerSecond());
    }

    @Test
    void batchStartsAreSetBesideTheRawInsertLimitOfBatches() {
        StartRate.Result r = StartRate.batched(SMALL);

        assertThat(r.error()).isNull();
        assertThat(r.perSecond()).isPositive();
        assertThat(r.rawPerSecond()).isPositive();
    }

    @Test
    void settingsParseListsAndRefuseUnknownParts() {
        assertThat(SMALL.concurrencies()).isEqualTo(List.of(16));
        assertThat(SMALL.peer(64).peerWorkers()).isEqualTo(64);
        assertThat(ScaleSettings.parse(new String[0]).concurrencies()).isEqualTo(List.of(16, 64, 256, 1024));
        assertThatThrownBy(() -> ScaleSettings.parse(new String[] {"--only=jobrunr"})).hasMessageContaining("--only knows");
        assertThat(SMALL.rounds()).isEqualTo(1);
        assertThat(ScaleSettings.parse(new String[] {"--rounds=3"}).rounds()).isEqualTo(3);
        assertThat(SMALL.warmups()).as("two untimed drains per engine by default").isEqualTo(2);
        assertThat(ScaleSettings.parse(new String[] {"--warmups=0"}).warmups()).isZero();
    }

    @Test
    void aRowReportsTheMedianOfItsPerRoundRatiosNotTheRatioOfMedians() {
        // round 1 on a quiet minute, rounds 2 and 3 on busy ones: each round's own ratios are what count
        DrainRow row = new DrainRow(16, List.of(
                round(10_000, 6_000, 3_000), round(4_000, 1_000, 1_000), round(5_000, 3_000, 1_000)));

        assertThat(row.medianShareOfRaw()).isCloseTo(0.6, within(1e-9));
        assertThat(row.medianVsPeer()).isCloseTo(2.0, within(1e-9));
        assertThat(row.medianOurs()).isCloseTo(3_000, within(1e-6));
    }

    @Test
    void aFailedDrainLeavesItsRoundOutOfTheMedian() {
        DrainRow row = new DrainRow(16, List.of(round(10_000, 5_000, 2_500),
                new DrainRow.Round(raw(10_000), DrainResult.failed("Longrun", "x", 1_000, "timed out"), drain("db-scheduler", 1_000))));

        assertThat(row.medianVsPeer()).isCloseTo(2.0, within(1e-9));
    }

    private static DrainRow.Round round(double raw, double ours, double peer) {
        return new DrainRow.Round(raw(raw), drain("Longrun", ours), drain("db-scheduler", peer));
    }

    private static RawLimit.Result raw(double jobsPerSecond) {
        return new RawLimit.Result(8, 256, 10_000, 10_000 / jobsPerSecond, "1.0", null);
    }

    private static DrainResult drain(String system, double jobsPerSecond) {
        return new DrainResult(system, "x", 10_000, 1, 10_000 / jobsPerSecond, "test", "1.0", null);
    }
}
