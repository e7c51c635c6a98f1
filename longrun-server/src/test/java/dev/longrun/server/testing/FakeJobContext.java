package dev.longrun.server.testing;

import dev.longrun.ItemStatus;
import dev.longrun.Job;
import dev.longrun.JobCancelledException;
import dev.longrun.JobContext;
import dev.longrun.JobResult;
import dev.longrun.JobStatus;
import dev.longrun.LogLevel;
import dev.longrun.ResultFile;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A JobContext for running one handler directly in a test, without the engine: records progress, items,
 * logs, the needs_action stop and result files, and lets a test request a cancel at a chosen moment.
 */
public final class FakeJobContext<P> implements JobContext<P> {

    public record Item(String key, ItemStatus status, String reason, Object detail, Boolean retryable) {
    }

    public record Stop(String kind, String message, Object preview) {
    }

    private final Job job;
    private final P params;
    private final int attempt;
    private final boolean confirmed;
    public final List<String> messages = new CopyOnWriteArrayList<>();
    public final List<long[]> progress = new CopyOnWriteArrayList<>();
    public final List<String> logs = new CopyOnWriteArrayList<>();
    public final Map<String, Item> items = new LinkedHashMap<>();
    public final Map<String, byte[]> files = new LinkedHashMap<>();
    public final List<Runnable> cancelHooks = new ArrayList<>();
    public Stop stop;
    private volatile boolean cancelRequested;
    private Predicate<String> cancelWhen = m -> false;

    public FakeJobContext(String accountId, String userId, P params, int attempt, boolean confirmed) {
        this(job(UUID.randomUUID(), accountId, userId, null, null), params, attempt, confirmed);
    }

    public FakeJobContext(Job job, P params, int attempt, boolean confirmed) {
        this.job = job;
        this.params = params;
        this.attempt = attempt;
        this.confirmed = confirmed;
    }

    /** A job snapshot with only the fields handlers read. */
    public static Job job(UUID id, String accountId, String userId, UUID retryOf, UUID dependsOn) {
        Instant now = Instant.now();
        return new Job(id, accountId, userId, "test", "default", 0, JobStatus.RUNNING, null, null, null, null, null,
                now, now, null, now, null, null, true, null, 1, 3, null, null, null, null, null, null, null, null,
                false, dependsOn, null, retryOf, null, null, null, null, 1);
    }

    /** The same job run again (next attempt, or after a confirm). */
    public FakeJobContext<P> rerun(int attempt, boolean confirmed) {
        return new FakeJobContext<>(job, params, attempt, confirmed);
    }

    /** Requests a cancel as soon as a progress message matching {@code when} is reported. */
    public FakeJobContext<P> cancelWhen(Predicate<String> when) {
        this.cancelWhen = when;
        return this;
    }

    /** Runs the cancel hooks as the engine does after the handler stopped cancelled. */
    public void runCancelHooks() {
        cancelHooks.forEach(Runnable::run);
    }

    @Override public UUID jobId() { return job.id(); }
    @Override public Job job() { return job; }
    @Override public P params() { return params; }
    @Override public int attempt() { return attempt; }
    @Override public boolean confirmed() { return confirmed; }
    @Override public Clock clock() { return Clock.systemUTC(); }

    @Override
    public void progress(long current, long total, String message) {
        progress.add(new long[] {current, total});
        report(message);
    }

    @Override
    public void step(int step, int totalSteps, String label) {
        report("step " + step + "/" + totalSteps + ": " + label);
    }

    @Override
    public void indeterminate(String message) {
        report(message);
    }

    private void report(String message) {
        messages.add(message);
        if (cancelWhen.test(message)) {
            cancelRequested = true;
        }
    }

    @Override public void log(LogLevel level, String message) { logs.add(level + " " + message); }
    @Override public boolean cancelRequested() { return cancelRequested; }

    @Override
    public void throwIfCancelled() {
        if (cancelRequested) {
            throw new JobCancelledException();
        }
    }

    @Override public void onCancel(Runnable cleanup) { cancelHooks.add(cleanup); }

    /** Items counted with {@link #countSucceeded}, as the runtime adds them to the summary. */
    public long countedSucceeded;

    @Override
    public void countSucceeded(long n) {
        countedSucceeded += n;
    }

    @Override
    public ItemOutcome item(String key) {
        return new ItemOutcome() {
            private Object detail;

            @Override public ItemOutcome detail(Object detail) { this.detail = detail; return this; }
            @Override public void succeeded() { put(ItemStatus.SUCCEEDED, null, null); }
            @Override public void failed(String reason) { put(ItemStatus.FAILED, reason, true); }
            @Override public void failedPermanently(String reason) { put(ItemStatus.FAILED, reason, false); }
            @Override public void skipped(String reason) { put(ItemStatus.SKIPPED, reason, null); }
            @Override public void warning(String reason) { put(ItemStatus.WARNING, reason, null); }

            private void put(ItemStatus status, String reason, Boolean retryable) {
                synchronized (items) {
                    items.put(key, new Item(key, status, reason, detail, retryable));
                }
            }
        };
    }

    public List<Item> items(ItemStatus status) {
        synchronized (items) {
            return items.values().stream().filter(i -> i.status() == status).toList();
        }
    }

    @Override
    public JobResult needsAction(String kind, String message, Object preview) {
        stop = new Stop(kind, message, preview);
        return JobResult.message(message);
    }

    @Override
    public ResultFile resultFile(String filename, String contentType, ResultWriter writer) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Long rows = writer.write(out);
        files.put(filename, out.toByteArray());
        return new ResultFile(filename, contentType, out.size(), rows, "test/" + filename);
    }
}
