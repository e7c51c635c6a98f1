package dev.longrun.runtime;

import dev.longrun.Job;
import dev.longrun.JobCancelledException;
import dev.longrun.JobResult;
import dev.longrun.JobType;
import dev.longrun.LongrunException;
import dev.longrun.PermanentFailure;
import dev.longrun.RetryPolicy;
import dev.longrun.Summary;
import dev.longrun.result.ResultStore;
import dev.longrun.store.Finish;
import dev.longrun.store.JobJson;
import dev.longrun.store.RecordStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one claimed job: bind params → run the handler → decide the outcome → write it → clean up.
 * Every write names the state it expects (running, held by this node), so a job this node lost
 * (timed out, rescued elsewhere, cancelled first) is never overwritten.
 */
final class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final Map<String, JobType<?>> types;
    private final RecordStore records;
    private final ResultStore results;
    private final ParamsBinder json;
    private final JobJson stored = new JobJson();
    private final Clock clock;
    private final String owner;
    private final GroupCommit<Finish, Boolean> finisher;
    private final ProgressWriter progress;
    private final Consumer<Job> onSucceeded;
    private final Duration lease;
    private final RunningJobs running;

    JobRunner(NodeContext node, RunningJobs running, GroupCommit<Finish, Boolean> finisher, ProgressWriter progress,
              Consumer<Job> onSucceeded) {
        this.types = node.types();
        this.records = node.store().records();
        this.results = node.results();
        this.json = node.json();
        this.clock = node.clock();
        this.owner = node.owner();
        this.lease = node.lease();
        this.running = running;
        this.finisher = finisher;
        this.progress = progress;
        this.onSucceeded = onSucceeded;
    }

    /**
     * Runs the job; {@code handlerDone} is called once the handler has returned, before the outcome is
     * written, so the worker slot can take new work while the write waits for its batch.
     */
    void run(Job job, Runnable handlerDone) {
        JobType<?> type = types.get(job.type());
        if (type == null) {
            handlerDone.run();
            write(Finish.failed(job.id(), owner, "This server has no handler for job type '" + job.type()
                    + "'. Deploy a version that knows it, then retry.", "unknown_type", true, null, clock.instant()));
            return;
        }
        execute(job, type, handlerDone);
    }

    private <P> void execute(Job job, JobType<P> type, Runnable handlerDone) {
        P params;
        try {
            params = json.bind(job.params(), type.paramsType());
        } catch (LongrunException e) {
            handlerDone.run();
            write(Finish.failed(job.id(), owner, e.getMessage(), "invalid_params", false, null, clock.instant()));
            return;
        }
        RunContext<P> ctx = new RunContext<>(job, params, clock, results, records::recordFile, json);
        ctx.bindThread(Thread.currentThread());
        running.add(ctx);
        Outcome outcome;
        try {
            outcome = job.cancelRequested() ? new Outcome.Cancelled() : runHandler(type, ctx);
        } finally {
            running.remove(job.id());
            Thread.interrupted(); // a stop by the runtime must not leak into the writes below
            handlerDone.run();
        }
        progress.flush(List.of(ctx));
        record(job, type, ctx, outcome);
    }

    private <P> Outcome runHandler(JobType<P> type, RunContext<P> ctx) {
        try {
            JobResult result = type.handler().run(ctx);
            if (ctx.stoppedByRuntime()) {
                return new Outcome.StoppedByRuntime();
            }
            return ctx.pendingAction() != null ? new Outcome.NeedsAction(ctx.pendingAction())
                    : new Outcome.Succeeded(result == null ? JobResult.done() : result);
        } catch (JobCancelledException e) {
            return ctx.stoppedByRuntime() ? new Outcome.StoppedByRuntime() : new Outcome.Cancelled();
        } catch (PermanentFailure e) {
            return new Outcome.Failed(e.code(), e.getMessage());
        } catch (LongrunException e) {
            return new Outcome.Failed(e.code(), e.getMessage());
        } catch (Throwable e) {
            if (ctx.stoppedByRuntime()) {
                return new Outcome.StoppedByRuntime();
            }
            if (e instanceof Error && !(e instanceof StackOverflowError) && !(e instanceof AssertionError)) {
                log.error("Job {} ({}) hit a JVM error", ctx.jobId(), type.name(), e);
            }
            return ctx.cancelRequested() && e instanceof InterruptedException ? new Outcome.Cancelled() : new Outcome.Transient(e);
        }
    }

    private void record(Job job, JobType<?> type, RunContext<?> ctx, Outcome outcome) {
        Instant now = clock.instant();
        String summary = ctx.recordedItems() || job.summary() != null ? stored.write(summaryOf(job, ctx)) : null;
        switch (outcome) {
            case Outcome.Succeeded s -> {
                boolean won = write(Finish.succeeded(job.id(), owner, stored.write(s.result()), summary, now));
                if (won) {
                    onSucceeded.accept(ctx.finishedAs(dev.longrun.JobStatus.SUCCEEDED, now));
                } else {
                    deleteFiles(ctx);
                }
            }
            case Outcome.NeedsAction n -> write(Finish.needsAction(job.id(), owner, stored.write(n.action()), summary, now));
            // Cleanup first, state second: "Cancelled" or "Failed" is only shown once partial output is gone.
            case Outcome.Cancelled c -> {
                cleanUp(ctx);
                write(Finish.cancelled(job.id(), owner, summary, now));
            }
            case Outcome.Failed f -> {
                cleanUp(ctx);
                write(Finish.failed(job.id(), owner, f.message(), f.code(), false, summary, now));
            }
            case Outcome.Transient t -> {
                cleanUp(ctx);
                retryOrFail(job, type.retryPolicy(), ctx, t.error(), summary, now);
            }
            case Outcome.StoppedByRuntime r -> cleanUp(ctx);
        }
    }

    private void retryOrFail(Job job, RetryPolicy policy, RunContext<?> ctx, Throwable error, String summary, Instant now) {
        String reason = describe(error);
        if (ctx.cancelRequested()) {
            write(Finish.cancelled(job.id(), owner, summary, now));
        } else if (job.attempt() < job.maxAttempts()) {
            Instant runAfter = now.plus(policy.delayAfter(job.attempt()));
            write(Finish.retryLater(job.id(), owner, reason, "transient", runAfter, now));
        } else {
            String message = job.maxAttempts() > 1 ? "Failed after " + job.maxAttempts() + " attempts: " + reason : reason;
            write(Finish.failed(job.id(), owner, message, "attempts_exhausted", true, summary, now));
        }
    }

    private Summary summaryOf(Job job, RunContext<?> ctx) {
        Summary items;
        try {
            items = records.countItems(job.id());
        } catch (RuntimeException e) {
            items = job.summary();
        }
        long counted = ctx.uncountedSucceeded();
        if (items == null || counted == 0) {
            return items;
        }
        return new Summary(items.succeeded() + counted, items.failed(), items.skipped(), items.warnings());
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return "Unexpected error (" + e.getClass().getSimpleName() + ")";
        }
        return message.length() > 1000 ? message.substring(0, 1000) + "…" : message;
    }

    /**
     * Writes an outcome, retrying while the database is unreachable (up to one lease: after that the job
     * is rescued and runs again, so nothing is lost). Returns whether this node's write won.
     */
    boolean write(Finish finish) {
        long deadline = System.nanoTime() + lease.toNanos();
        long backoffMs = 50;
        while (true) {
            try {
                return finisher.submit(finish).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (ExecutionException e) {
                if (System.nanoTime() > deadline) {
                    log.warn("Gave up writing the outcome of job {}; its lease will expire and it will run again", finish.id(), e.getCause());
                    return false;
                }
                try {
                    Thread.sleep(backoffMs);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return false;
                }
                backoffMs = Math.min(backoffMs * 2, 2_000);
            }
        }
    }

    private void cleanUp(RunContext<?> ctx) {
        for (Runnable hook : ctx.cancelHooks()) {
            try {
                hook.run();
            } catch (RuntimeException e) {
                log.warn("A cleanup hook of job {} failed", ctx.jobId(), e);
            }
        }
        deleteFiles(ctx);
    }

    private void deleteFiles(RunContext<?> ctx) {
        for (String key : ctx.fileKeys()) {
            try {
                results.delete(key);
                records.markFileDeleted(key);
            } catch (Exception e) {
                log.warn("Could not delete partial file {} of job {}", key, ctx.jobId(), e);
            }
        }
    }
}
