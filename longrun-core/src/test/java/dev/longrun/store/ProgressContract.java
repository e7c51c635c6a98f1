package dev.longrun.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.Job;
import dev.longrun.JobStatus;
import dev.longrun.event.JobEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Progress writes and heartbeats: the two statements every running job hits over and over. */
abstract class ProgressContract extends StoreTests {

    @Test
    void progressOfManyJobsIsSavedInOneCallAndBumpsTheirVersions() {
        for (int i = 0; i < 3; i++) {
            insert(JobSpec.job());
        }
        List<Job> jobs = claim("default", 3, WORKER, T0);

        List<JobEvent> events = store().saveProgress(List.of(
                new ProgressUpdate(jobs.get(0).id(), WORKER, 1240L, 4000L, "Processing row 1,240 of 4,000", null, null, T0.plusSeconds(1)),
                new ProgressUpdate(jobs.get(1).id(), WORKER, null, null, "Generating AI summary", 2, 5, T0.plusSeconds(1)),
                new ProgressUpdate(jobs.get(2).id(), WORKER, null, null, "Still working", null, null, T0.plusSeconds(1))));

        assertThat(events).hasSize(3).allSatisfy(e -> assertThat(e.status()).isEqualTo(JobStatus.RUNNING));
        Job counted = reload(jobs.get(0).id());
        assertThat(counted.progressCurrent()).isEqualTo(1240L);
        assertThat(counted.progressTotal()).isEqualTo(4000L);
        assertThat(counted.progressPct()).isEqualTo(31.0);
        assertThat(counted.progressMessage()).isEqualTo("Processing row 1,240 of 4,000");
        assertThat(counted.version()).isEqualTo(jobs.get(0).version() + 1);
        assertThat(counted.updatedAt()).isEqualTo(T0.plusSeconds(1));
        Job stepped = reload(jobs.get(1).id());
        assertThat(stepped.currentStep()).isEqualTo(2);
        assertThat(stepped.totalSteps()).isEqualTo(5);
        assertThat(reload(jobs.get(2).id()).progressPct()).isNull();
        assertThat(events).anySatisfy(e -> assertThat(e.version()).isEqualTo(counted.version()));
    }

    @Test
    void progressOfAJobNoLongerHeldIsIgnored() {
        Job job = running(JobSpec.job());
        store().finish(List.of(Finish.succeeded(job.id(), WORKER, null, null, T0)));
        Job done = reload(job.id());

        assertThat(store().saveProgress(List.of(new ProgressUpdate(job.id(), WORKER, 1L, 2L, "late", null, null, T0)))).isEmpty();
        assertThat(store().saveProgress(List.of(new ProgressUpdate(job.id(), "node-b", 1L, 2L, "other", null, null, T0)))).isEmpty();
        assertThat(reload(job.id())).isEqualTo(done);
    }

    @Test
    void heartbeatExtendsTheLeaseWithoutBumpingTheVersion() {
        Job job = running(JobSpec.job());

        List<HeartbeatAck> acks = store().heartbeat(WORKER, List.of(job.id()), T0.plusSeconds(10), T0.plusSeconds(40));

        assertThat(acks).containsExactly(new HeartbeatAck(job.id(), false));
        Job renewed = reload(job.id());
        assertThat(renewed.leaseExpiresAt()).isEqualTo(T0.plusSeconds(40));
        assertThat(renewed.heartbeatAt()).isEqualTo(T0.plusSeconds(10));
        assertThat(renewed.version()).isEqualTo(job.version());
    }

    @Test
    void heartbeatTellsTheWorkerThatTheUserAskedToCancel() {
        Job job = running(JobSpec.job());
        store().requestCancel(job.id(), T0.plusSeconds(1));

        assertThat(store().heartbeat(WORKER, List.of(job.id()), T0.plusSeconds(2), T0.plusSeconds(32)))
                .containsExactly(new HeartbeatAck(job.id(), true));
    }

    @Test
    void heartbeatRenewsOnlyJobsStillRunningUnderThisOwner() {
        Job mine = running(JobSpec.job());
        Job finished = running(JobSpec.job());
        store().finish(List.of(Finish.succeeded(finished.id(), WORKER, null, null, T0)));
        insert(JobSpec.job());
        Job theirs = claim("default", 1, "node-b", T0).get(0);

        List<HeartbeatAck> acks = store().heartbeat(WORKER, List.of(mine.id(), finished.id(), theirs.id()), T0, T0.plusSeconds(60));

        assertThat(acks).extracting(HeartbeatAck::id).containsExactly(mine.id());
        assertThat(reload(theirs.id()).leaseExpiresAt()).isEqualTo(T0.plus(LEASE));
    }
}
