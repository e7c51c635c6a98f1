package dev.longrun.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.Job;
import dev.longrun.JobStatus;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** User-driven changes: cancel, confirm, failing pending jobs, and dependents. */
abstract class CancelContract extends StoreTests {

    @Test
    void aPendingJobIsCancelledAtOnce() {
        Job job = insert(JobSpec.job());

        Job cancelled = store().cancelPending(job.id(), T0.plusSeconds(1)).orElseThrow();

        assertThat(cancelled.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(cancelled.completedAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(cancelled.version()).isEqualTo(job.version() + 1);
        assertThat(store().cancelPending(job.id(), T0.plusSeconds(2))).isEmpty();
    }

    @Test
    void cancelOfRunningJobOnlyMarksItUntilTheWorkerStops() {
        Job job = running(JobSpec.job());

        assertThat(store().cancelPending(job.id(), T0)).isEmpty();
        Job marked = store().requestCancel(job.id(), T0.plusSeconds(1)).orElseThrow();

        assertThat(marked.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(marked.cancelRequested()).isTrue();
        assertThat(marked.cancelRequestedAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(store().requestCancel(job.id(), T0.plusSeconds(2))).isEmpty();
        assertThat(reload(job.id()).cancelRequestedAt()).isEqualTo(T0.plusSeconds(1));
    }

    @Test
    void aCancelAfterCompletionChangesNothing() {
        Job job = running(JobSpec.job());
        store().finish(List.of(Finish.succeeded(job.id(), WORKER, null, null, T0)));
        Job done = reload(job.id());

        assertThat(store().requestCancel(job.id(), T0)).isEmpty();
        assertThat(store().cancelPending(job.id(), T0)).isEmpty();
        assertThat(store().cancelNeedsAction(job.id(), T0)).isEmpty();
        assertThat(reload(job.id())).isEqualTo(done);
    }

    @Test
    void aJobWaitingForTheUserCanBeCancelledOrConfirmed() {
        Job first = needsAction(JobSpec.job());
        Job second = needsAction(JobSpec.job());

        assertThat(store().cancelNeedsAction(first.id(), T0.plusSeconds(5)).orElseThrow().status()).isEqualTo(JobStatus.CANCELLED);
        Job confirmed = store().confirm(second.id(), T0.plusSeconds(6)).orElseThrow();

        assertThat(confirmed.status()).isEqualTo(JobStatus.PENDING);
        assertThat(confirmed.confirmed()).isTrue();
        assertThat(confirmed.attempt()).isZero();
        assertThat(confirmed.runAfter()).isEqualTo(T0.plusSeconds(6));
        assertThat(store().confirm(second.id(), T0.plusSeconds(7))).isEmpty();
        assertThat(claim("default", 1, WORKER, T0.plusSeconds(6))).singleElement()
                .satisfies(j -> assertThat(j.confirmed()).isTrue());
    }

    @Test
    void confirmOfAJobThatDoesNotWaitForTheUserChangesNothing() {
        Job job = insert(JobSpec.job());
        assertThat(store().confirm(job.id(), T0)).isEmpty();
        assertThat(store().cancelNeedsAction(job.id(), T0)).isEmpty();
    }

    @Test
    void failPendingFailsOnlyPendingJobs() {
        Job pending = insert(JobSpec.job());
        Job run = running(JobSpec.job().queue("other"));

        Job failed = store().failPending(pending.id(), "The export it depends on failed.", "dependency_failed", T0).orElseThrow();

        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.errorCode()).isEqualTo("dependency_failed");
        assertThat(failed.errorRetryable()).isFalse();
        assertThat(failed.completedAt()).isEqualTo(T0);
        assertThat(store().failPending(run.id(), "x", "y", T0)).isEmpty();
    }

    @Test
    void dependentsOfAFinishedJobAreFoundAndReleased() {
        Job export = running(JobSpec.job());
        Job report = insert(JobSpec.job().waitingFor(export.id()));
        Job unrelated = insert(JobSpec.job().waitingFor(UUID.randomUUID()));
        assertThat(store().findBlockedDependents(10)).isEmpty();

        store().finish(List.of(Finish.succeeded(export.id(), WORKER, null, null, T0)));

        assertThat(store().findBlockedDependents(10)).extracting(Job::id).containsExactly(report.id());
        Job released = store().releaseWaiting(report.id(), T0.plusSeconds(1)).orElseThrow();
        assertThat(released.waitingFor()).isNull();
        assertThat(released.dependsOn()).isEqualTo(export.id());
        assertThat(store().releaseWaiting(report.id(), T0.plusSeconds(1))).isEmpty();
        assertThat(store().findBlockedDependents(10)).isEmpty();
        assertThat(claim("default", 5, WORKER, T0.plusSeconds(1))).extracting(Job::id).containsExactly(report.id());
        assertThat(reload(unrelated.id()).waitingFor()).isNotNull();
    }

    private Job needsAction(JobSpec spec) {
        Job job = running(spec);
        store().finish(List.of(Finish.needsAction(job.id(), WORKER, "{\"kind\":\"import_preview\"}", null, T0)));
        return reload(job.id());
    }
}
