package dev.longrun.bench.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void singleStartsAreCountedOnlyWhenEachMadeAPendingJob() {
        StartRate.Result r = StartRate.single(SMALL);

        assertThat(r.error()).isNull();
        assertThat(r.perSecond()).isPositive();
    }

    @Test
    void settingsParseListsAndRefuseUnknownParts() {
        assertThat(SMALL.concurrencies()).isEqualTo(List.of(16));
        assertThat(SMALL.peer(64).peerWorkers()).isEqualTo(64);
        assertThat(ScaleSettings.parse(new String[0]).concurrencies()).isEqualTo(List.of(16, 64, 256, 1024));
        assertThatThrownBy(() -> ScaleSettings.parse(new String[] {"--only=jobrunr"})).hasMessageContaining("--only knows");
    }
}
