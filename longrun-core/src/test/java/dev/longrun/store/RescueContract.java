package dev.longrun.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.Job;
import dev.longrun.JobStatus;
import dev.longrun.event.JobEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rescuer: jobs whose worker stopped heartbeating. */
abstract class RescueContract extends StoreTests {

    static final String LOST = "The worker running this job stopped responding.";

    @Test
    void anExpiredLeaseWithAttemptsLeftReturnsTheJobToTheQueue() {
        Job job = running(JobSpec.job().maxAttempts(3));
        var later = T0.plus(LEASE).plusSeconds(1);

        List<JobEvent> events = store().rescueExpired(later, LOST, 100);

        assertThat(events).extracting(JobEvent::jobId, JobEvent::status).containsExactly(org.assertj.core.groups.Tuple.tuple(job.id(), JobStatus.PENDING));
        Job back = reload(job.id());
        assertThat(back.status()).isEqualTo(JobStatus.PENDING);
        assertThat(back.runAfter()).isEqualTo(later);
        assertThat(back.errorMessage()).isEqualTo(LOST);
        assertThat(back.leaseOwner()).isNull();
        assertThat(back.completedAt()).isNull();
        assertThat(claim("default", 1, "node-b", later)).singleElement().satisfies(j -> assertThat(j.attempt()).isEqualTo(2));
    }

    @Test
    void anExpiredLeaseOnTheLastAttemptFailsTheJob() {
        Job job = running(JobSpec.job().maxAttempts(1));
        var later = T0.plus(LEASE).plusSeconds(1);

        store().rescueExpired(later, LOST, 100);

        Job failed = reload(job.id());
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.errorMessage()).isEqualTo(LOST);
        assertThat(failed.errorRetryable()).isFalse();
        assertThat(failed.completedAt()).isEqualTo(later);
    }

    @Test
    void aLiveLeaseIsLeftAlone() {
        Job job = running(JobSpec.job());
        store().heartbeat(WORKER, List.of(job.id()), T0.plusSeconds(20), T0.plusSeconds(50));

        assertThat(store().rescueExpired(T0.plusSeconds(45), LOST, 100)).isEmpty();
        assertThat(reload(job.id()).status()).isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void rescueTakesAtMostTheLimit() {
        for (int i = 0; i < 3; i++) {
            insert(JobSpec.job());
        }
        claim("default", 3, WORKER, T0);
        var later = T0.plus(LEASE).plusSeconds(1);
        assertThat(store().rescueExpired(later, LOST, 2)).hasSize(2);
        assertThat(store().rescueExpired(later, LOST, 2)).hasSize(1);
    }

    @Test
    void theOldWorkerCannotFinishARescuedJob() {
        Job job = running(JobSpec.job());
        var later = T0.plus(LEASE).plusSeconds(1);
        store().rescueExpired(later, LOST, 100);
        claim("default", 1, "node-b", later);

        assertThat(store().finish(List.of(Finish.succeeded(job.id(), WORKER, null, null, later)))).isEmpty();
        assertThat(reload(job.id()).leaseOwner()).isEqualTo("node-b");
    }
}
