package dev.longrun.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.Job;
import dev.longrun.JobStatus;
import dev.longrun.event.JobEvent;
import dev.longrun.history.JobHistory;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@link WorkQueue#unclaim}: a job a node claimed ahead of its workers and never started goes back exactly as it was
 * before the claim, in its place in line, and its timeline shows no start.
 */
abstract class UnclaimContract extends StoreTests {

    /** The timeline reader on the store's database. */
    abstract JobHistory timeline();

    private List<String> statuses(UUID id) {
        return timeline().events(id, 100).stream().map(e -> e.fromStatus() + ">" + e.status()).toList();
    }

    private static void assertAsBefore(Job back, Job before, java.time.Instant handedBackAt) {
        assertThat(back).usingRecursiveComparison().ignoringFields("version", "updatedAt").isEqualTo(before);
        assertThat(back.version()).isEqualTo(before.version() + 2);
        assertThat(back.updatedAt()).isEqualTo(handedBackAt);
    }

    @Test
    void unclaimedJobsArePendingAsBeforeTheirClaimAndKeepTheirPlaceInLine() {
        Job first = insert(JobSpec.job().runAfter(T0.minusSeconds(30)));
        Job second = insert(JobSpec.job().runAfter(T0.minusSeconds(20)));
        Job third = insert(JobSpec.job().runAfter(T0.minusSeconds(10)));
        List<Job> claimed = claim("default", 2, WORKER, T0.plusSeconds(2));
        assertThat(claimed).extracting(Job::id).containsExactly(first.id(), second.id());

        List<JobEvent> events = store().unclaim(WORKER, List.of(first.id(), second.id()), T0.plusSeconds(3));

        assertThat(events).extracting(JobEvent::jobId).containsExactlyInAnyOrder(first.id(), second.id());
        assertThat(events).allSatisfy(e -> assertThat(e.status()).isEqualTo(JobStatus.PENDING));
        assertThat(events).extracting(JobEvent::version).containsOnly(first.version() + 2);
        assertAsBefore(reload(first.id()), first, T0.plusSeconds(3));
        assertAsBefore(reload(second.id()), second, T0.plusSeconds(3));
        assertThat(statuses(first.id())).as("only queued: the claim's start is gone").containsExactly("null>pending");
        assertThat(claim("default", 3, "node-b", T0.plusSeconds(4))).extracting(Job::id)
                .containsExactly(first.id(), second.id(), third.id());
    }

    @Test
    void anUnclaimedRetryKeepsItsLastAttemptsStartAndHeartbeat() {
        Job job = running(JobSpec.job());
        store().heartbeat(WORKER, List.of(job.id()), T0.plusSeconds(5), T0.plusSeconds(5).plus(LEASE));
        store().finish(List.of(Finish.retryLater(job.id(), WORKER, "Connection reset", "transient", T0.plusSeconds(8), T0.plusSeconds(6))));
        Job retrying = reload(job.id());
        Job second = claim("default", 1, WORKER, T0.plusSeconds(9)).get(0);
        assertThat(second.attempt()).isEqualTo(2);
        assertThat(second.startedAt()).isEqualTo(T0.plusSeconds(9));

        store().unclaim(WORKER, List.of(job.id()), T0.plusSeconds(10));

        Job back = reload(job.id());
        assertAsBefore(back, retrying, T0.plusSeconds(10));
        assertThat(back.attempt()).isEqualTo(1);
        assertThat(back.startedAt()).isEqualTo(T0);
        assertThat(back.heartbeatAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(statuses(job.id())).containsExactly("null>pending", "pending>running", "running>pending");
    }

    @Test
    void onlyTheLeaseOwnerUnclaimsAndOnlyWhileTheJobIsRunning() {
        Job job = running(JobSpec.job());

        assertThat(store().unclaim("node-b", List.of(job.id()), T0.plusSeconds(1))).isEmpty();
        assertThat(reload(job.id())).isEqualTo(job);

        store().finish(List.of(Finish.succeeded(job.id(), WORKER, null, null, T0.plusSeconds(2))));
        assertThat(store().unclaim(WORKER, List.of(job.id()), T0.plusSeconds(3))).isEmpty();
        assertThat(reload(job.id()).status()).isEqualTo(JobStatus.SUCCEEDED);
    }

    @Test
    void aJobWhoseCancelWasAskedForWhileItWaitedIsCancelledWithoutAStart() {
        Job job = running(JobSpec.job());
        store().requestCancel(job.id(), T0.plusSeconds(1));

        List<JobEvent> events = store().unclaim(WORKER, List.of(job.id()), T0.plusSeconds(2));

        assertThat(events).singleElement().satisfies(e -> assertThat(e.status()).isEqualTo(JobStatus.CANCELLED));
        Job cancelled = reload(job.id());
        assertThat(cancelled.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(cancelled.completedAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(cancelled.attempt()).isZero();
        assertThat(cancelled.startedAt()).isNull();
        assertThat(cancelled.version()).isEqualTo(events.get(0).version());
        assertThat(statuses(job.id())).containsExactly("null>pending", "pending>cancelled");
    }
}
