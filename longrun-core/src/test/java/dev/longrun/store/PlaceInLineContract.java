package dev.longrun.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.Job;
import dev.longrun.estimate.QueueStanding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A job's place in line wherever it stands relative to the jobs behind it. SQLite's statement works the place out
 * from the jobs behind the job when fewer than 100 are (ahead = line - 1 - behind, the line counted a little past the
 * limit), else from the jobs ahead; these cases would catch either part counting a job that is not in line, or
 * missing one that is.
 */
abstract class PlaceInLineContract extends StoreTests {

    private static final int COUNTED = QueueStanding.COUNTED;

    @Test
    void jobsBehindOfLowerPriorityLaterStartOrSameStartAndLaterIdAllCount() {
        UUID sameStart = UUID.fromString("00000000-0000-7000-8000-000000000005");
        insert(JobSpec.job().priority(2).runAfter(T0.minusSeconds(5)));
        insert(JobSpec.job().priority(1).runAfter(T0.minusSeconds(90)));
        Job me = insert(JobSpec.job().priority(1).runAfter(T0.minusSeconds(60)).id(sameStart));
        insert(JobSpec.job().priority(1).runAfter(T0.minusSeconds(60)).id(UUID.fromString("00000000-0000-7000-8000-000000000009")));
        insert(JobSpec.job().priority(1).runAfter(T0.minusSeconds(30)));
        insert(JobSpec.job().priority(0).runAfter(T0.minusSeconds(600)));

        assertThat(store().queueStanding(me, T0, COUNTED)).isEqualTo(QueueStanding.exact(3, 6));
    }

    @Test
    void aJobWhoseFollowersAreNotInLineIsLastOfIt() {
        insert(JobSpec.job().runAfter(T0.minusSeconds(60)));
        Job me = insert(JobSpec.job().runAfter(T0.minusSeconds(30)));
        insert(JobSpec.job().runAfter(T0.plusSeconds(1)));
        insert(JobSpec.job().priority(-1).runAfter(T0.plusSeconds(1)));
        insert(JobSpec.job().runAfter(T0.minusSeconds(10)).waitingFor(UUID.randomUUID()));
        insert(JobSpec.job().priority(-1).waitingFor(UUID.randomUUID()));
        insert(JobSpec.job().queue("reports").runAfter(T0.minusSeconds(10)));
        store().cancelPending(insert(JobSpec.job().priority(-2).runAfter(T0.minusSeconds(10))).id(), T0);

        assertThat(store().queueStanding(me, T0, COUNTED)).isEqualTo(QueueStanding.exact(2, 2));
    }

    @Test
    void jobsAheadThatAreNotInLineDoNotCountWhenManyStandBehind() {
        insert(JobSpec.job().priority(5).runAfter(T0.minusSeconds(1)));
        insert(JobSpec.job().priority(5).runAfter(T0.plusSeconds(1)));
        insert(JobSpec.job().priority(5).waitingFor(UUID.randomUUID()));
        insert(JobSpec.job().priority(5).queue("reports"));
        insert(JobSpec.job().runAfter(T0.minusSeconds(600)));
        Job me = insert(JobSpec.job().runAfter(T0.minusSeconds(500)));
        List<Job> behind = line(150, 0, T0.minusSeconds(400));

        assertThat(store().queueStanding(me, T0, COUNTED)).isEqualTo(QueueStanding.exact(3, 153));
        assertThat(store().queueStanding(behind.get(149), T0, COUNTED)).isEqualTo(QueueStanding.exact(153, 153));
        assertThat(store().queueStanding(me, T0, 2)).isEqualTo(new QueueStanding(null, null, 2));
        assertThat(store().queueStanding(me, T0, 3)).isEqualTo(new QueueStanding(3, null, 3));
    }

    @Test
    void aPlaceJustWithinTheCountIsExactWhenJobsStandBehindIt() {
        List<Job> line = line(15, 0, T0.minusSeconds(100));

        assertThat(store().queueStanding(line.get(9), T0, 10)).as("5 behind").isEqualTo(new QueueStanding(10, null, 10));
        assertThat(store().queueStanding(line.get(10), T0, 10)).as("4 behind").isEqualTo(new QueueStanding(null, null, 10));
        assertThat(store().queueStanding(line.get(9), T0, 15)).isEqualTo(QueueStanding.exact(10, 15));
        assertThat(store().queueStanding(line.get(9), T0, 14)).isEqualTo(new QueueStanding(10, null, 14));
    }

    @Test
    void theThousandthPlaceIsExactWithFewOrManyJobsBehindIt() {
        List<Job> line = line(COUNTED + 150, 0, T0.minusSeconds(3_600));

        assertThat(store().queueStanding(line.get(COUNTED - 1), T0, COUNTED)).as("150 behind").isEqualTo(new QueueStanding(COUNTED, null, COUNTED));
        assertThat(store().queueStanding(line.get(COUNTED), T0, COUNTED)).as("149 behind").isEqualTo(new QueueStanding(null, null, COUNTED));
        assertThat(store().queueStanding(line.get(COUNTED + 50), T0, COUNTED)).as("99 behind").isEqualTo(new QueueStanding(null, null, COUNTED));
        assertThat(store().queueStanding(line.get(COUNTED + 149), T0, COUNTED)).as("last").isEqualTo(new QueueStanding(null, null, COUNTED));
        assertThat(store().queueStanding(line.get(0), T0, COUNTED)).as("first").isEqualTo(new QueueStanding(1, null, COUNTED));
        for (Job gone : line.subList(COUNTED + 99, COUNTED + 150)) {
            store().cancelPending(gone.id(), T0);
        }
        assertThat(store().queueStanding(line.get(COUNTED - 1), T0, COUNTED)).as("99 behind").isEqualTo(new QueueStanding(COUNTED, null, COUNTED));
        assertThat(store().queueStanding(line.get(COUNTED), T0, COUNTED)).as("98 behind").isEqualTo(new QueueStanding(null, null, COUNTED));
        assertThat(store().queueStanding(line.get(COUNTED + 98), T0, COUNTED)).as("last").isEqualTo(new QueueStanding(null, null, COUNTED));
    }

    @Test
    void aJobWaitingForAnotherOrForItsStartHasNoPlaceInLine() {
        line(3, 0, T0.minusSeconds(100));
        Job waiting = insert(JobSpec.job().runAfter(T0.minusSeconds(10)).waitingFor(UUID.randomUUID()));
        Job scheduled = insert(JobSpec.job().runAfter(T0.plusSeconds(10)));

        assertThat(store().queueStanding(waiting, T0, COUNTED)).isNull();
        assertThat(store().queueStanding(scheduled, T0, COUNTED)).isNull();
        assertThat(store().queueStanding(scheduled, T0.plusSeconds(10), COUNTED)).isEqualTo(QueueStanding.exact(4, 4));
    }

    /**
     * Random lines of 60-260 jobs (three priorities, shared and future starts, jobs waiting for others, a second
     * queue) against the claim order worked out here, at limits below and above the line: every place of a sample of
     * jobs, those with many jobs behind them as well as those with few.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13, 14})
    void everySampledJobOfALongRandomLineStandsWhereTheClaimOrderPutsIt(long seed) {
        Random random = new Random(seed);
        List<NewJob> jobs = new ArrayList<>();
        for (int i = 0, n = 60 + random.nextInt(200); i < n; i++) {
            JobSpec spec = JobSpec.job().priority(random.nextInt(3)).runAfter(T0.plusSeconds(random.nextInt(40) - 30));
            if (random.nextInt(10) == 0) {
                spec.queue("reports");
            }
            if (random.nextInt(10) == 0) {
                spec.waitingFor(UUID.randomUUID());
            }
            jobs.add(spec.build());
        }
        List<Job> inserted = store().insertAll(jobs, outcomes -> { }).stream().map(InsertOutcome::job).toList();
        List<Job> line = lineOf("default", inserted);
        for (int limit : new int[] {5, 40, line.size() - 1, line.size(), COUNTED}) {
            for (int k = 0; k < 12; k++) {
                Job job = inserted.get(random.nextInt(inserted.size()));
                line = lineOf(job.queue(), inserted);
                QueueStanding standing = store().queueStanding(job, T0, limit);
                int rank = line.indexOf(job) + 1;
                String seen = "seed " + seed + ", limit " + limit + ", rank " + rank + " of " + line.size() + ": " + standing;
                if (rank == 0) {
                    assertThat(standing).as(seen).isNull();
                    continue;
                }
                Integer size = line.size() <= limit ? line.size() : null;
                assertThat(standing).as(seen).isEqualTo(new QueueStanding(rank <= limit ? rank : null, size, size == null ? limit : null));
            }
        }
    }

    private static List<Job> lineOf(String queue, List<Job> jobs) {
        return jobs.stream().filter(j -> j.queue().equals(queue) && j.waitingFor() == null && !j.runAfter().isAfter(T0))
                .sorted(SqlJobStore.CLAIM_ORDER).toList();
    }

    /** {@code n} jobs of the default queue at {@code priority}, a millisecond apart from {@code from}, in claim order. */
    private List<Job> line(int n, int priority, Instant from) {
        List<NewJob> jobs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Instant at = from.plusMillis(i);
            jobs.add(JobSpec.job().priority(priority).createdAt(at).runAfter(at).build());
        }
        return store().insertAll(jobs, outcomes -> { }).stream().map(InsertOutcome::job).toList();
    }
}
