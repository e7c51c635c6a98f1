package dev.longrun.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.Job;
import dev.longrun.estimate.DurationSample;
import dev.longrun.estimate.QueueStanding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Queue position, and the duration history estimates are made from. */
abstract class StandingContract extends StoreTests {

    private static final int COUNTED = QueueStanding.COUNTED;

    @Test
    void positionCountsTheRunnableJobsAheadInClaimOrder() {
        insert(JobSpec.job().priority(5));
        insert(JobSpec.job().runAfter(T0.minusSeconds(60)));
        Job me = insert(JobSpec.job().runAfter(T0.minusSeconds(30)));
        insert(JobSpec.job().runAfter(T0.minusSeconds(10)));
        insert(JobSpec.job().runAfter(T0.plusSeconds(60)));
        insert(JobSpec.job().queue("reports").priority(9));
        insert(JobSpec.job().priority(9).waitingFor(java.util.UUID.randomUUID()));

        QueueStanding standing = store().queueStanding(me, T0, COUNTED);

        assertThat(standing).isEqualTo(QueueStanding.exact(3, 4));
    }

    @Test
    void aJobThatIsNotPendingHasNoStanding() {
        Job job = running(JobSpec.job());
        assertThat(store().queueStanding(job, T0, COUNTED)).isNull();
    }

    @Test
    void aJobClaimedSinceItWasReadHasNoStandingRatherThanAPlaceBeyondTheCount() {
        Job first = insert(JobSpec.job().priority(1));
        insert(JobSpec.job());
        insert(JobSpec.job());
        insert(JobSpec.job());
        claim("default", 1, WORKER, T0);

        assertThat(store().queueStanding(first, T0, 2)).as("the job as read before the claim, still saying pending").isNull();
    }

    @Test
    void theFirstClaimedIsFirstInLine() {
        Job first = insert(JobSpec.job().priority(1));
        insert(JobSpec.job());
        assertThat(store().queueStanding(first, T0, COUNTED)).isEqualTo(QueueStanding.exact(1, 2));
        Job claimedFirst = claim("default", 1, WORKER, T0).get(0);
        assertThat(claimedFirst.id()).isEqualTo(first.id());
    }

    @Test
    void aLineLongerThanTheCountIsCountedOnlyToIt() {
        List<Job> line = IntStream.range(0, 7).mapToObj(i -> insert(JobSpec.job().runAfter(T0.minusSeconds(100 - i)))).toList();

        assertThat(store().queueStanding(line.get(0), T0, 5)).isEqualTo(new QueueStanding(1, null, 5));
        assertThat(store().queueStanding(line.get(4), T0, 5)).isEqualTo(new QueueStanding(5, null, 5));
        assertThat(store().queueStanding(line.get(5), T0, 5)).isEqualTo(new QueueStanding(null, null, 5));
        assertThat(store().queueStanding(line.get(6), T0, 5)).isEqualTo(new QueueStanding(null, null, 5));
        assertThat(store().queueStanding(line.get(6), T0, 7)).as("a line as long as the count is exact").isEqualTo(QueueStanding.exact(7, 7));
        assertThat(store().queueDepth("default", T0)).isEqualTo(7);
    }

    @Test
    void theProductsCountGoesToAThousandJobs() {
        Instant at = T0.minusSeconds(3_600);
        List<NewJob> jobs = new ArrayList<>();
        for (int i = 0; i < COUNTED + 2; i++) {
            jobs.add(JobSpec.job().createdAt(at.plusMillis(i)).build());
        }
        List<Job> line = store().insertAll(jobs, outcomes -> { }).stream().map(InsertOutcome::job).toList();

        assertThat(COUNTED).isEqualTo(1_000);
        assertThat(store().queueStanding(line.get(0), T0, COUNTED)).isEqualTo(new QueueStanding(1, null, 1_000));
        assertThat(store().queueStanding(line.get(999), T0, COUNTED)).isEqualTo(new QueueStanding(1_000, null, 1_000));
        assertThat(store().queueStanding(line.get(1_000), T0, COUNTED)).isEqualTo(new QueueStanding(null, null, 1_000));
        assertThat(store().queueDepth("default", T0)).isEqualTo(1_002);
        store().cancelPending(line.get(1_001).id(), T0);
        store().cancelPending(line.get(1_000).id(), T0);
        assertThat(store().queueStanding(line.get(999), T0, COUNTED)).isEqualTo(QueueStanding.exact(1_000, 1_000));
    }

    /**
     * Random lines (priorities, due and future starts, jobs waiting for others, a second queue) against the claim order
     * worked out here: every job in line gets its exact place while it is within the count and none past it, and a
     * place is never beyond the size.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void everyJobInARandomLineStandsWhereTheClaimOrderPutsIt(long seed) {
        Random random = new Random(seed);
        int limit = 1 + random.nextInt(12);
        List<Job> inserted = new ArrayList<>();
        for (int i = 0, n = 5 + random.nextInt(20); i < n; i++) {
            JobSpec spec = JobSpec.job().priority(random.nextInt(3)).runAfter(T0.plusSeconds(random.nextInt(8) - 6));
            if (random.nextInt(8) == 0) {
                spec.queue("reports");
            }
            if (random.nextInt(8) == 0) {
                spec.waitingFor(UUID.randomUUID());
            }
            inserted.add(insert(spec));
        }
        for (Job job : inserted) {
            List<Job> line = inserted.stream()
                    .filter(j -> j.queue().equals(job.queue()) && j.waitingFor() == null && !j.runAfter().isAfter(T0))
                    .sorted(SqlJobStore.CLAIM_ORDER).toList();
            QueueStanding standing = store().queueStanding(job, T0, limit);
            int rank = line.indexOf(job) + 1;
            String seen = "seed " + seed + ", limit " + limit + ", " + job.queue() + " rank " + rank + " of " + line.size() + ": " + standing;
            if (rank == 0) {
                assertThat(standing).as(seen).isNull();
                continue;
            }
            Integer size = line.size() <= limit ? line.size() : null;
            assertThat(standing).as(seen).isEqualTo(new QueueStanding(rank <= limit ? rank : null, size, size == null ? limit : null));
            if (standing.position() != null && standing.size() != null) {
                assertThat(standing.position()).as(seen).isLessThanOrEqualTo(standing.size());
            }
        }
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
