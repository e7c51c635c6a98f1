package dev.longrun.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.Job;
import dev.longrun.estimate.DurationSample;
import dev.longrun.estimate.QueueStanding;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Queue position, and the duration history estimates are made from. */
abstract class StandingContract extends StoreTests {

    @Test
    void positionCountsTheRunnableJobsAheadInClaimOrder() {
        insert(JobSpec.job().priority(5));
        insert(JobSpec.job().runAfter(T0.minusSeconds(60)));
        Job me = insert(JobSpec.job().runAfter(T0.minusSeconds(30)));
        insert(JobSpec.job().runAfter(T0.minusSeconds(10)));
        insert(JobSpec.job().runAfter(T0.plusSeconds(60)));
        insert(JobSpec.job().queue("reports").priority(9));
        insert(JobSpec.job().priority(9).waitingFor(java.util.UUID.randomUUID()));

        QueueStanding standing = store().queueStanding(me, T0);

        assertThat(standing).isEqualTo(new QueueStanding(3, 4));
    }

    @Test
    void aJobThatIsNotPendingHasNoStanding() {
        Job job = running(JobSpec.job());
        assertThat(store().queueStanding(job, T0)).isNull();
    }

    @Test
    void theFirstClaimedIsFirstInLine() {
        Job first = insert(JobSpec.job().priority(1));
        insert(JobSpec.job());
        assertThat(store().queueStanding(first, T0)).isEqualTo(new QueueStanding(1, 2));
        Job claimedFirst = claim("default", 1, WORKER, T0).get(0);
        assertThat(claimedFirst.id()).isEqualTo(first.id());
    }

    @Test
    void recentDurationsAreTheLatestSuccessfulRunsOfTheType() {
        Job a = running(JobSpec.job());
        store().saveProgress(List.of(new ProgressUpdate(a.id(), WORKER, 10L, 500L, null, null, null, T0)));
        store().finish(List.of(Finish.succeeded(a.id(), WORKER, null, null, T0.plusSeconds(30))));
        Job b = running(JobSpec.job());
        store().finish(List.of(Finish.succeeded(b.id(), WORKER, null, null, T0.plusSeconds(90))));
        Job c = running(JobSpec.job());
        store().finish(List.of(Finish.failed(c.id(), WORKER, "x", "permanent", false, null, T0.plusSeconds(5))));
        running(JobSpec.job().type("other"));

        assertThat(store().history().recent("demo.wait", 10))
                .containsExactly(new DurationSample(90_000, null), new DurationSample(30_000, 500L));
        assertThat(store().history().recent("demo.wait", 1)).hasSize(1);
    }
}
