package dev.longrun.runtime;

import dev.longrun.Action;
import dev.longrun.ItemStatus;
import dev.longrun.Job;
import dev.longrun.JobCancelledException;
import dev.longrun.JobContext;
import dev.longrun.JobItem;
import dev.longrun.JobResult;
import dev.longrun.LogLevel;
import dev.longrun.ResultFile;
import dev.longrun.result.ResultStore;
import dev.longrun.store.NewLog;
import dev.longrun.store.ProgressUpdate;
import dev.longrun.store.StoredFile;
import java.time.Clock;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One run of one job on this node. Progress, logs and items are only recorded in memory here; the
 * {@link ProgressWriter} drains them a few times a second, so a handler may report once per row.
 */
final class RunContext<P> implements JobContext<P> {

    static final int MAX_LOGS_PER_RUN = 2_000;

    private final Job job;
    private final P params;
    private final Clock clock;
    private final ResultStore results;
    private final Consumer<StoredFile> fileRecorder;
    private final ParamsBinder json;

    private volatile boolean cancelRequested;
    private volatile Thread thread;
    private volatile boolean stoppedByRuntime;

    private final AtomicBoolean progressDirty = new AtomicBoolean();
    private volatile Snapshot progress;
    private final Queue<NewLog> logs = new ConcurrentLinkedQueue<>();
    private final AtomicInteger logCount = new AtomicInteger();
    private final Queue<JobItem> items = new ConcurrentLinkedQueue<>();
    private volatile boolean recordedItems;
    private final java.util.concurrent.atomic.AtomicLong uncountedSucceeded = new java.util.concurrent.atomic.AtomicLong();
    private final List<Runnable> cancelHooks = new CopyOnWriteArrayList<>();
    private final List<String> fileKeys = new CopyOnWriteArrayList<>();
    private volatile Action pendingAction;

    RunContext(Job job, P params, Clock clock, ResultStore results, Consumer<StoredFile> fileRecorder, ParamsBinder json) {
        this.job = job;
        this.params = params;
        this.clock = clock;
        this.results = results;
        this.fileRecorder = fileRecorder;
        this.json = json;
        this.cancelRequested = job.cancelRequested();
    }

    private record Snapshot(Long current, Long total, String message, Integer step, Integer totalSteps) {
    }

    @Override public UUID jobId() { return job.id(); }
    @Override public Job job() { return job; }
    @Override public P params() { return params; }
    @Override public int attempt() { return job.attempt(); }
    @Override public boolean confirmed() { return job.confirmed(); }
    @Override public Clock clock() { return clock; }

    @Override
    public void progress(long current, long total, String message) {
        Snapshot prev = progress;
        report(new Snapshot(Math.max(0, current), total > 0 ? total : null, message,
                prev != null ? prev.step : job.currentStep(), prev != null ? prev.totalSteps : job.totalSteps()));
    }

    @Override
    public void step(int step, int totalSteps, String label) {
        report(new Snapshot(null, null, label, step, totalSteps));
    }

    @Override
    public void indeterminate(String message) {
        Snapshot prev = progress;
        report(new Snapshot(null, null, message, prev != null ? prev.step : job.currentStep(), prev != null ? prev.totalSteps : job.totalSteps()));
    }

    /**
     * Marks the progress for the next flush only when it differs from the last report: each write bumps the job's
     * version, and every browser that watches the job (ETag, event stream) then fetches the whole job again. Handlers
     * that repeat an unchanged sentence every slice (a typical "waiting" loop) would otherwise bump it every flush.
     */
    private void report(Snapshot next) {
        if (next.equals(progress)) {
            return;
        }
        progress = next;
        progressDirty.set(true);
    }

    @Override
    public void log(LogLevel level, String message) {
        int n = logCount.incrementAndGet();
        if (n < MAX_LOGS_PER_RUN) {
            logs.add(new NewLog(job.id(), level, message, clock.instant()));
        } else if (n == MAX_LOGS_PER_RUN) {
            logs.add(new NewLog(job.id(), LogLevel.WARN, "Further log lines of this run were left out", clock.instant()));
        }
    }

    @Override
    public boolean cancelRequested() {
        return cancelRequested;
    }

    @Override
    public void throwIfCancelled() {
        if (cancelRequested) {
            throw new JobCancelledException();
        }
    }

    @Override
    public void onCancel(Runnable cleanup) {
        cancelHooks.add(cleanup);
    }

    @Override
    public ItemOutcome item(String key) {
        return new Outcome(key);
    }

    @Override
    public void countSucceeded(long n) {
        if (n > 0) {
            uncountedSucceeded.addAndGet(n);
            recordedItems = true;
        }
    }

    @Override
    public JobResult needsAction(String kind, String message, Object preview) {
        pendingAction = new Action(kind, message, json.tree(preview));
        return JobResult.done();
    }

    @Override
    public ResultFile resultFile(String filename, String contentType, ResultWriter writer) throws Exception {
        Long rows;
        ResultStore.Upload upload = results.create(job.id(), filename);
        fileKeys.add(upload.key());
        fileRecorder.accept(new StoredFile(upload.key(), job.id(), filename, clock.instant()));
        try (upload) {
            rows = writer.write(upload.stream());
        }
        return new ResultFile(filename, contentType, upload.size(), rows, upload.key());
    }

    // --- used by the runtime -------------------------------------------------------------------

    void requestCancel() {
        cancelRequested = true;
    }

    /** The runtime stops this run (timeout or shutdown): the handler's own outcome is then ignored. */
    void stopByRuntime() {
        stoppedByRuntime = true;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    boolean stoppedByRuntime() {
        return stoppedByRuntime;
    }

    void bindThread(Thread t) {
        thread = t;
    }

    Action pendingAction() {
        return pendingAction;
    }

    boolean recordedItems() {
        return recordedItems;
    }

    /** Succeeded items counted with {@link #countSucceeded} rather than recorded one by one. */
    long uncountedSucceeded() {
        return uncountedSucceeded.get();
    }

    List<Runnable> cancelHooks() {
        return cancelHooks;
    }

    List<String> fileKeys() {
        return fileKeys;
    }

    /** The job as this run leaves it (latest progress, given status and end), without reading it back. */
    Job finishedAs(dev.longrun.JobStatus status, java.time.Instant completedAt) {
        Snapshot p = progress;
        Job j = job;
        return new Job(j.id(), j.accountId(), j.userId(), j.type(), j.queue(), j.priority(), status,
                p != null ? p.current : j.progressCurrent(), p != null ? p.total : j.progressTotal(),
                p != null ? p.message : j.progressMessage(), p != null ? p.step : j.currentStep(),
                p != null ? p.totalSteps : j.totalSteps(), j.createdAt(), j.startedAt(), completedAt, completedAt,
                j.runAfter(), j.estimatedDurationSeconds(), j.cancellable(), j.cancelRequestedAt(), j.attempt(),
                j.maxAttempts(), j.idempotencyKey(), j.params(), null, null, null, null, j.summary(), j.action(),
                j.confirmed(), j.dependsOn(), null, j.retryOf(), j.timeoutSeconds(), null, null, null, j.version() + 1);
    }

    /** The latest progress if it changed since the last call, else null. */
    ProgressUpdate takeProgress(String owner) {
        if (!progressDirty.getAndSet(false)) {
            return null;
        }
        Snapshot s = progress;
        return new ProgressUpdate(job.id(), owner, s.current, s.total, s.message, s.step, s.totalSteps, clock.instant());
    }

    void drainLogs(List<NewLog> into) {
        for (NewLog l; (l = logs.poll()) != null; ) {
            into.add(l);
        }
    }

    void requeueItems(List<JobItem> batch) {
        for (JobItem i : batch) {
            if (i.jobId().equals(job.id())) {
                items.add(i);
            }
        }
    }

    void drainItems(List<JobItem> into) {
        for (JobItem i; (i = items.poll()) != null; ) {
            into.add(i);
        }
    }

    private final class Outcome implements ItemOutcome {
        private final String key;
        private Object detail;

        Outcome(String key) {
            this.key = key;
        }

        @Override
        public ItemOutcome detail(Object detail) {
            this.detail = detail;
            return this;
        }

        @Override public void succeeded() { record(ItemStatus.SUCCEEDED, null, null); }
        @Override public void failed(String reason) { record(ItemStatus.FAILED, reason, true); }
        @Override public void failedPermanently(String reason) { record(ItemStatus.FAILED, reason, false); }
        @Override public void skipped(String reason) { record(ItemStatus.SKIPPED, reason, null); }
        @Override public void warning(String reason) { record(ItemStatus.WARNING, reason, null); }

        private void record(ItemStatus status, String message, Boolean retryable) {
            recordedItems = true;
            items.add(new JobItem(job.id(), key, status, message, json.tree(detail), clock.instant(), retryable));
        }
    }
}
