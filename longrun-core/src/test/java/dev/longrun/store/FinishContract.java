package dev.longrun.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.longrun.Action;
import dev.longrun.Job;
import dev.longrun.JobResult;
import dev.longrun.JobStatus;
import dev.longrun.ResultFile;
import dev.longrun.Summary;
import dev.longrun.event.JobEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

abstract class FinishContract extends StoreTests {

    final JobJson json = new JobJson();

    @Test
    void succeededStoresTheResultClearsTheErrorAndCompletesCountedProgress() {
        Job job = running(JobSpec.job());
        store().saveProgress(List.of(new ProgressUpdate(job.id(), WORKER, 40L, 100L, "Row 40", null, null, T0)));
        JobResult result = JobResult.file(new ResultFile("export.csv", "text/csv", 1234, 99L, "k/1"), "99 rows exported");

        List<JobEvent> events = store().finish(List.of(Finish.succeeded(job.id(), WORKER, json.write(result),
                json.write(new Summary(99, 1, 0, 0)), T0.plusSeconds(5))));

        Job done = reload(job.id());
        assertThat(events).containsExactly(new JobEvent(job.id(), done.version(), "acme", "ann", JobStatus.SUCCEEDED));
        assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(done.result()).isEqualTo(result);
        assertThat(done.summary()).isEqualTo(new Summary(99, 1, 0, 0));
        assertThat(done.completedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(done.progressCurrent()).isEqualTo(100L);
        assertThat(done.progressPct()).isEqualTo(100.0);
        assertThat(done.errorMessage()).isNull();
        assertThat(done.leaseOwner()).isNull();
    }

    @Test
    void failedStoresTheErrorAndCompletes() {
        Job job = running(JobSpec.job());

        store().finish(List.of(Finish.failed(job.id(), WORKER, "Row 18: email is missing", "permanent", false, null, T0.plusSeconds(1))));

        Job failed = reload(job.id());
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.errorMessage()).isEqualTo("Row 18: email is missing");
        assertThat(failed.errorCode()).isEqualTo("permanent");
        assertThat(failed.errorRetryable()).isFalse();
        assertThat(failed.completedAt()).isEqualTo(T0.plusSeconds(1));
    }

    @Test
    void retryLaterReturnsToPendingWithBackoffTheAttemptsErrorAndTheCancelRequestKept() {
        Job job = running(JobSpec.job());
        store().requestCancel(job.id(), T0);

        store().finish(List.of(Finish.retryLater(job.id(), WORKER, "Connection reset", "transient", T0.plusSeconds(4), T0.plusSeconds(1))));

        Job retrying = reload(job.id());
        assertThat(retrying.status()).isEqualTo(JobStatus.PENDING);
        assertThat(retrying.runAfter()).isEqualTo(T0.plusSeconds(4));
        assertThat(retrying.attempt()).isEqualTo(1);
        assertThat(retrying.errorMessage()).isEqualTo("Connection reset");
        assertThat(retrying.errorRetryable()).isTrue();
        assertThat(retrying.leaseOwner()).isNull();
        assertThat(retrying.leaseExpiresAt()).isNull();
        assertThat(retrying.cancelRequestedAt()).isEqualTo(T0);
        assertThat(retrying.completedAt()).isNull();
        assertThat(claim("default", 1, WORKER, T0.plusSeconds(3))).isEmpty();
        assertThat(claim("default", 1, WORKER, T0.plusSeconds(4))).singleElement()
                .satisfies(j -> assertThat(j.attempt()).isEqualTo(2));
    }

    @Test
    void aSuccessAfterARetryClearsTheEarlierError() {
        Job job = running(JobSpec.job());
        store().finish(List.of(Finish.retryLater(job.id(), WORKER, "Timeout", "transient", T0, T0)));
        claim("default", 1, WORKER, T0);

        store().finish(List.of(Finish.succeeded(job.id(), WORKER, null, null, T0.plusSeconds(1))));

        Job done = reload(job.id());
        assertThat(done.errorMessage()).isNull();
        assertThat(done.errorCode()).isNull();
        assertThat(done.errorRetryable()).isNull();
    }

    @Test
    void needsActionStoresTheQuestionAndReleasesTheLease() {
        Job job = running(JobSpec.job());
        Action action = new Action("import_preview", "Import the 839 valid rows?", json.readTree("{\"valid_rows\":839}"));

        store().finish(List.of(Finish.needsAction(job.id(), WORKER, json.write(action), null, T0.plusSeconds(2))));

        Job waiting = reload(job.id());
        assertThat(waiting.status()).isEqualTo(JobStatus.NEEDS_ACTION);
        assertThat(waiting.action()).isEqualTo(action);
        assertThat(waiting.leaseOwner()).isNull();
        assertThat(waiting.completedAt()).isNull();
    }

    @Test
    void cancelledCompletesTheJob() {
        Job job = running(JobSpec.job());
        store().finish(List.of(Finish.cancelled(job.id(), WORKER, json.write(new Summary(3, 0, 0, 0)), T0.plusSeconds(2))));
        Job cancelled = reload(job.id());
        assertThat(cancelled.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(cancelled.completedAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(cancelled.summary()).isEqualTo(new Summary(3, 0, 0, 0));
    }

    @Test
    void aWorkerThatLostTheJobChangesNothing() {
        Job job = running(JobSpec.job());

        List<JobEvent> events = store().finish(List.of(Finish.succeeded(job.id(), "node-b", null, null, T0)));

        assertThat(events).isEmpty();
        assertThat(reload(job.id())).isEqualTo(job);
    }

    @Test
    void aSecondFinishOfTheSameRunChangesNothing() {
        Job job = running(JobSpec.job());
        store().finish(List.of(Finish.failed(job.id(), WORKER, "boom", "permanent", false, null, T0)));
        Job failed = reload(job.id());

        assertThat(store().finish(List.of(Finish.succeeded(job.id(), WORKER, null, null, T0)))).isEmpty();
        assertThat(reload(job.id())).isEqualTo(failed);
    }

    @Test
    void oneCallFinishesManyJobsIntoDifferentStates() {
        for (int i = 0; i < 4; i++) {
            insert(JobSpec.job());
        }
        List<Job> jobs = claim("default", 4, WORKER, T0);

        List<JobEvent> events = store().finish(List.of(
                Finish.succeeded(jobs.get(0).id(), WORKER, null, null, T0),
                Finish.succeeded(jobs.get(1).id(), WORKER, null, null, T0),
                Finish.failed(jobs.get(2).id(), WORKER, "bad", "permanent", false, null, T0),
                Finish.retryLater(jobs.get(3).id(), "node-b", "late", "transient", T0, T0)));

        assertThat(events).extracting(JobEvent::status)
                .containsExactlyInAnyOrder(JobStatus.SUCCEEDED, JobStatus.SUCCEEDED, JobStatus.FAILED);
        assertThat(reload(jobs.get(3).id()).status()).isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void finishingIntoRunningIsRefused() {
        Job job = running(JobSpec.job());
        Finish bogus = new Finish(job.id(), WORKER, JobStatus.RUNNING, null, null, null, null, null, null, null, T0);
        assertThatThrownBy(() -> store().finish(List.of(bogus))).isInstanceOf(IllegalArgumentException.class);
    }
}
