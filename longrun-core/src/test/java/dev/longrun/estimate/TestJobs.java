package dev.longrun.estimate;

import dev.longrun.Job;
import dev.longrun.JobStatus;
import java.time.Instant;
import java.util.UUID;

/** Job snapshots for estimator tests: only the fields the estimator reads are meaningful. */
final class TestJobs {

    private TestJobs() {
    }

    static Job counted(UUID id, String type, Instant startedAt, long current, long total) {
        return job(id, type, JobStatus.RUNNING, current, total, null, null, startedAt, null, null);
    }

    static Job indeterminate(UUID id, String type, Instant startedAt) {
        return job(id, type, JobStatus.RUNNING, null, null, null, null, startedAt, null, null);
    }

    static Job step(UUID id, String type, Instant startedAt, int step, int steps) {
        return job(id, type, JobStatus.RUNNING, null, null, step, steps, startedAt, null, null);
    }

    static Job pending(UUID id, String type) {
        return job(id, type, JobStatus.PENDING, null, null, null, null, null, null, null);
    }

    static Job waitingFor(UUID id, String type, UUID other) {
        return job(id, type, JobStatus.PENDING, null, null, null, null, null, null, other);
    }

    static Job finished(Job last, JobStatus status, Instant completedAt) {
        return job(last.id(), last.type(), status, last.progressCurrent(), last.progressTotal(), last.currentStep(),
                last.totalSteps(), last.startedAt(), completedAt, null);
    }

    static Job withStatus(Job last, JobStatus status) {
        return job(last.id(), last.type(), status, last.progressCurrent(), last.progressTotal(), last.currentStep(),
                last.totalSteps(), last.startedAt(), null, null);
    }

    private static Job job(UUID id, String type, JobStatus status, Long current, Long total, Integer step,
                           Integer steps, Instant startedAt, Instant completedAt, UUID waitingFor) {
        Instant created = startedAt != null ? startedAt.minusSeconds(5) : Instant.parse("2026-01-05T08:00:00Z");
        return new Job(id, "acct", "user", type, "default", 0, status, current, total, null, step, steps, created,
                startedAt, completedAt, created, null, null, true, null, 1, 3, null, null, null, null, null, null,
                null, null, false, waitingFor, waitingFor, null, null, null, null, null, 1);
    }
}
