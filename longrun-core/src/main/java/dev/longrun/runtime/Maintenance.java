package dev.longrun.runtime;

import dev.longrun.Job;
import dev.longrun.JobStatus;
import dev.longrun.JobType;
import dev.longrun.event.JobEvent;
import dev.longrun.result.ResultStore;
import dev.longrun.store.JobStore;
import dev.longrun.store.RecordStore;
import dev.longrun.store.StoredFile;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work no single job owns, done by every node (each step is one guarded statement, so nodes doing it
 * at once is harmless): rescue jobs of dead workers, release or fail jobs waiting on others, and
 * prune old jobs, files and expired idempotency keys.
 */
final class Maintenance implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Maintenance.class);
    static final String LOST_WORKER = "The worker stopped responding. The job was not finished; retry it to run it again.";

    private final JobStore store;
    private final RecordStore records;
    private final ResultStore results;
    private final Map<String, JobType<?>> types;
    private final Clock clock;
    private final Duration retention;
    private final Duration fileRetention;
    private final Consumer<List<JobEvent>> publisher;
    private final Runnable wakeWorkers;
    private final Duration interval;
    private final Duration rescueInterval;
    private final Wakeup wakeup = new Wakeup();
    private final Thread thread;
    private volatile boolean stopped;
    private Instant lastPrune = Instant.MIN;
    private long lastRescueNanos = System.nanoTime();
    /** Wake-ups after successes come in floods under load; dependents are resolved at most this often. */
    private static final long MIN_SPACING_MS = 100;

    Maintenance(NodeContext node, Duration retention, Duration fileRetention, Duration interval, Duration rescueInterval) {
        this.store = node.store();
        this.records = node.store().records();
        this.results = node.results();
        this.types = node.types();
        this.clock = node.clock();
        this.retention = retention;
        this.fileRetention = fileRetention;
        this.publisher = node.publish();
        this.wakeWorkers = node.wakeWorkers();
        this.interval = interval;
        this.rescueInterval = rescueInterval;
        this.thread = Thread.ofPlatform().daemon().name("longrun-maintenance").start(this::loop);
    }

    /** Runs the dependency step soon, e.g. after a job with dependents finished. */
    void wake() {
        wakeup.signal();
    }

    private void loop() {
        while (!stopped) {
            try {
                wakeup.await(interval.compareTo(rescueInterval) < 0 ? interval : rescueInterval);
                tick();
                Thread.sleep(MIN_SPACING_MS);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("Maintenance step failed: {}", e.getMessage());
            }
        }
    }

    void tick() {
        Instant now = clock.instant();
        if (System.nanoTime() - lastRescueNanos >= rescueInterval.toNanos()) {
            rescue(now);
            lastRescueNanos = System.nanoTime();
        }
        resolveDependencies(now);
        if (!now.isBefore(lastPrune.plus(Duration.ofMinutes(10)))) {
            prune(now);
            lastPrune = now;
        }
    }

    private void rescue(Instant now) {
        List<JobEvent> rescued = store.rescueExpired(now, LOST_WORKER, 500);
        if (!rescued.isEmpty()) {
            log.info("Rescued {} jobs whose worker stopped responding", rescued.size());
            publisher.accept(rescued);
            wakeWorkers.run();
        }
    }

    private void resolveDependencies(Instant now) {
        List<JobEvent> changed = new ArrayList<>();
        for (Job waiting : store.findBlockedDependents(500)) {
            Optional<Job> dependency = store.find(waiting.waitingFor());
            JobStatus depStatus = dependency.map(Job::status).orElse(JobStatus.CANCELLED);
            Optional<Job> result = depStatus == JobStatus.SUCCEEDED
                    ? store.releaseWaiting(waiting.id(), now)
                    : store.failPending(waiting.id(), dependencyFailedMessage(dependency.orElse(null), waiting.waitingFor()), "dependency_failed", now);
            result.ifPresent(j -> changed.add(new JobEvent(j.id(), j.version(), j.accountId(), j.userId(), j.status())));
        }
        if (!changed.isEmpty()) {
            publisher.accept(changed);
            wakeWorkers.run();
        }
    }

    String dependencyFailedMessage(Job dependency, java.util.UUID id) {
        if (dependency == null) {
            return "The job this one waits for (" + id + ") no longer exists, so this one did not start.";
        }
        JobType<?> type = types.get(dependency.type());
        String name = type != null ? type.label() : dependency.type();
        String what = dependency.status() == JobStatus.CANCELLED ? "was cancelled" : "failed";
        return "Did not start: \"" + name + "\" (job " + dependency.id() + "), which this job waits for, " + what
                + ". Retry that job first, then start this one again.";
    }

    private void prune(Instant now) {
        for (StoredFile file : records.filesCreatedBefore(now.minus(fileRetention), 1_000)) {
            try {
                results.delete(file.storageKey());
                records.markFileDeleted(file.storageKey());
            } catch (Exception e) {
                log.warn("Could not delete expired result file {}", file.storageKey(), e);
            }
        }
        int forgotten = store.purgeIdempotencyKeys(now, 10_000);
        if (forgotten > 0) {
            log.info("Forgot {} idempotency keys past their lifetime", forgotten);
        }
        int pruned = store.pruneFinished(now.minus(retention), 10_000);
        if (pruned > 0) {
            log.info("Deleted {} jobs finished more than {} ago", pruned, retention);
        }
    }

    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
    }
}
