package dev.longrun.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.Job;
import dev.longrun.history.JobEvent;
import dev.longrun.history.JobHistory;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every change of a job's status, and every new step, leaves exactly one timeline row with what the job page shows
 * (from, to, attempt, when, the attempt's start, the message, the next start): on SQLite its triggers write them, on
 * PostgreSQL the statements that make the change (V13), so each statement that moves a job is driven here once.
 */
abstract class TimelineContract extends StoreTests {

    /** The timeline reader on the store's database. */
    abstract JobHistory timeline();

    private List<JobEvent> events(UUID id) {
        return timeline().events(id, 100);
    }

    private List<String> moves(UUID id) {
        return events(id).stream().map(e -> e.kind() + ":" + e.fromStatus() + ">" + e.status() + "@" + e.attempt()).toList();
    }

    private JobEvent last(UUID id) {
        List<JobEvent> all = events(id);
        return all.get(all.size() - 1);
    }

    @Test
    void aClaimAndEachFinishRecordTheAttemptWithItsStart() {
        Job done = running(JobSpec.job());
        Job failed = running(JobSpec.job());
        Job asking = running(JobSpec.job());
        Job stopped = running(JobSpec.job());
        Job later = running(JobSpec.job());
        Instant end = T0.plusSeconds(7);
        store().finish(List.of(Finish.succeeded(done.id(), WORKER, "{}", null, end),
                Finish.failed(failed.id(), WORKER, "Row 18: email is missing", "invalid", false, null, end),
                Finish.needsAction(asking.id(), WORKER, "{\"message\":\"Import 3 rows with warnings?\"}", null, end),
                Finish.cancelled(stopped.id(), WORKER, null, end),
                Finish.retryLater(later.id(), WORKER, "Connection reset", "transient", end.plusSeconds(30), end)));

        assertThat(moves(done.id())).containsExactly("status:null>pending@0", "status:pending>running@1", "status:running>succeeded@1");
        JobEvent start = events(done.id()).get(1);
        assertThat(start.at()).isEqualTo(T0);
        assertThat(start.attemptStartedAt()).isEqualTo(T0);
        JobEvent succeeded = last(done.id());
        assertThat(succeeded.at()).isEqualTo(end);
        assertThat(succeeded.attemptStartedAt()).isEqualTo(T0);
        assertThat(succeeded.message()).isNull();
        assertThat(succeeded.runAfter()).isNull();

        assertThat(last(failed.id())).satisfies(e -> {
            assertThat(e.status()).isEqualTo("failed");
            assertThat(e.message()).isEqualTo("Row 18: email is missing");
        });
        assertThat(last(asking.id())).satisfies(e -> {
            assertThat(e.status()).isEqualTo("needs_action");
            assertThat(e.message()).isEqualTo("Import 3 rows with warnings?");
        });
        assertThat(last(stopped.id()).status()).isEqualTo("cancelled");
        assertThat(last(later.id())).satisfies(e -> {
            assertThat(e.status()).isEqualTo("pending");
            assertThat(e.fromStatus()).isEqualTo("running");
            assertThat(e.message()).isEqualTo("Connection reset");
            assertThat(e.runAfter()).isEqualTo(end.plusSeconds(30));
            assertThat(e.attemptStartedAt()).isEqualTo(T0);
        });
    }

    @Test
    void aNewStepIsRecordedOnceAndProgressWithinAStepIsNot() {
        Job job = running(JobSpec.job());
        store().saveProgress(List.of(new ProgressUpdate(job.id(), WORKER, 1L, 10L, "Reading contacts", 1, 2, T0.plusSeconds(1))));
        store().saveProgress(List.of(new ProgressUpdate(job.id(), WORKER, 5L, 10L, "Reading contacts", 1, 2, T0.plusSeconds(2))));
        store().saveProgress(List.of(new ProgressUpdate(job.id(), WORKER, 6L, 10L, "Writing the file", 2, 2, T0.plusSeconds(3))));
        store().saveProgress(List.of(new ProgressUpdate(job.id(), WORKER, 7L, 10L, null, null, null, T0.plusSeconds(4))));

        assertThat(moves(job.id())).containsExactly("status:null>pending@0", "status:pending>running@1",
                "step:null>running@1", "step:null>running@1");
        List<JobEvent> steps = events(job.id()).subList(2, 4);
        assertThat(steps).extracting(JobEvent::step).containsExactly(1, 2);
        assertThat(steps).extracting(JobEvent::message).containsExactly("Reading contacts", "Writing the file");
        assertThat(steps).extracting(JobEvent::at).containsExactly(T0.plusSeconds(1), T0.plusSeconds(3));
        assertThat(steps).extracting(JobEvent::attemptStartedAt).containsOnly(T0);
    }

    @Test
    void cancelsConfirmsAndRefusedStartsAreRecordedFromTheStatusTheyLeft() {
        Job queued = insert(JobSpec.job().runAfter(T0.plusSeconds(3_600)));
        store().cancelPending(queued.id(), T0.plusSeconds(1));
        assertThat(moves(queued.id())).containsExactly("status:null>pending@0", "status:pending>cancelled@0");

        Job refused = insert(JobSpec.job().runAfter(T0.plusSeconds(3_600)));
        store().failPending(refused.id(), "The job it waited for failed", "dependency_failed", T0.plusSeconds(1));
        assertThat(moves(refused.id())).containsExactly("status:null>pending@0", "status:pending>failed@0");
        assertThat(last(refused.id()).message()).isEqualTo("The job it waited for failed");

        Job asking = running(JobSpec.job());
        store().finish(List.of(Finish.needsAction(asking.id(), WORKER, "{\"message\":\"Go on?\"}", null, T0.plusSeconds(2))));
        store().confirm(asking.id(), T0.plusSeconds(5));
        assertThat(last(asking.id())).satisfies(e -> {
            assertThat(e.fromStatus()).isEqualTo("needs_action");
            assertThat(e.status()).isEqualTo("pending");
            assertThat(e.attempt()).isZero();
            assertThat(e.runAfter()).isEqualTo(T0.plusSeconds(5));
        });

        Job declined = running(JobSpec.job());
        store().finish(List.of(Finish.needsAction(declined.id(), WORKER, "{\"message\":\"Go on?\"}", null, T0.plusSeconds(2))));
        store().cancelNeedsAction(declined.id(), T0.plusSeconds(6));
        assertThat(moves(declined.id())).endsWith("status:running>needs_action@1", "status:needs_action>cancelled@1");
    }

    @Test
    void lostWorkersReleasedJobsAndHandedBackCancelsAreRecorded() {
        Job retried = running(JobSpec.job().maxAttempts(2));
        Job lost = running(JobSpec.job().maxAttempts(1));
        store().rescueExpired(T0.plus(LEASE).plusSeconds(1), "The worker running it stopped", 100);
        assertThat(last(retried.id())).satisfies(e -> {
            assertThat(e.fromStatus() + ">" + e.status()).isEqualTo("running>pending");
            assertThat(e.attemptStartedAt()).isEqualTo(T0);
            assertThat(e.runAfter()).isEqualTo(T0.plus(LEASE).plusSeconds(1));
            assertThat(e.message()).isEqualTo("The worker running it stopped");
        });
        assertThat(last(lost.id())).satisfies(e -> {
            assertThat(e.fromStatus() + ">" + e.status()).isEqualTo("running>failed");
            assertThat(e.runAfter()).isNull();
        });

        Job released = running(JobSpec.job());
        store().release(WORKER, List.of(released.id()), T0.plusSeconds(4));
        assertThat(moves(released.id())).containsExactly("status:null>pending@0", "status:pending>running@1",
                "status:running>pending@0");

        Job waited = running(JobSpec.job());
        store().requestCancel(waited.id(), T0.plusSeconds(2));
        store().unclaim(WORKER, List.of(waited.id()), T0.plusSeconds(3));
        assertThat(moves(waited.id())).as("the claim that never started is forgotten")
                .containsExactly("status:null>pending@0", "status:pending>cancelled@0");
    }
}
