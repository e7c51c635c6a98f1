package dev.longrun.runtime;

import dev.longrun.Job;
import dev.longrun.event.JobEvent;
import dev.longrun.store.ClaimRequest;
import dev.longrun.store.WorkQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The claim loop of this node: claims as many jobs as it has free slots (one statement), runs each on
 * a virtual thread, and sleeps until woken (a job was started, a slot freed, a NOTIFY arrived) or the
 * fallback poll interval passed.
 */
final class WorkerPool implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WorkerPool.class);

    private final WorkQueue store;
    private final JobRunner runner;
    private final Clock clock;
    private final Set<String> queues;
    private final String owner;
    private final int concurrency;
    private final Duration lease;
    private final Duration pollInterval;
    private final Consumer<List<JobEvent>> publisher;
    private final Semaphore slots;
    /** Jobs claimed here whose outcome is not written yet (their handler may already have returned). */
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Wakeup wakeup = new Wakeup();
    private final Thread loop;
    private volatile boolean stopping;

    WorkerPool(NodeContext node, JobRunner runner, Set<String> queues, int concurrency, Duration pollInterval) {
        this.store = node.store();
        this.runner = runner;
        this.clock = node.clock();
        this.queues = queues;
        this.owner = node.owner();
        this.concurrency = concurrency;
        this.lease = node.lease();
        this.pollInterval = pollInterval;
        this.publisher = node.publish();
        this.slots = new Semaphore(concurrency);
        this.loop = Thread.ofPlatform().daemon().name("longrun-claim").start(this::claimLoop);
    }

    void wake() {
        wakeup.signal();
    }

    private void claimLoop() {
        Duration backoff = pollInterval;
        while (!stopping) {
            try {
                int free = slots.drainPermits();
                int claimed = 0;
                if (free > 0) {
                    try {
                        claimed = claim(free);
                        backoff = pollInterval;
                    } finally {
                        slots.release(free - claimed);
                    }
                }
                if (claimed < free || free == 0) {
                    wakeup.await(backoff);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // Database unreachable: nothing is lost (jobs stay pending); try again, slowing down.
                log.warn("Could not claim jobs: {}", e.getMessage());
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10) : backoff.multipliedBy(2);
                try {
                    wakeup.await(backoff);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    private int claim(int limit) {
        Instant now = clock.instant();
        List<Job> jobs = store.claim(new ClaimRequest(queues, limit, owner, now, now.plus(lease)));
        if (jobs.isEmpty()) {
            return 0;
        }
        publisher.accept(jobs.stream().map(j -> new JobEvent(j.id(), j.version(), j.accountId(), j.userId(), j.status())).toList());
        for (Job job : jobs) {
            inFlight.incrementAndGet();
            Thread.ofVirtual().name("longrun-job-" + job.type()).start(() -> {
                // The slot frees as soon as the handler returns: the outcome then waits for its batch write
                // without holding back the next claim (a slot counts handlers, not pending writes).
                AtomicBoolean freed = new AtomicBoolean();
                Runnable freeSlot = () -> {
                    if (freed.compareAndSet(false, true)) {
                        slots.release();
                        wakeup.signal();
                    }
                };
                try {
                    runner.run(job, freeSlot);
                } catch (RuntimeException e) {
                    log.error("Job {} crashed the runner; its lease will expire and it will run again", job.id(), e);
                } finally {
                    freeSlot.run();
                    inFlight.decrementAndGet();
                }
            });
        }
        return jobs.size();
    }

    int busy() {
        return concurrency - slots.availablePermits();
    }

    /** Stops claiming; waits up to {@code grace} for running jobs. Returns true when all finished. */
    boolean drain(Duration grace) throws InterruptedException {
        stopping = true;
        loop.interrupt();
        loop.join(2_000);
        long deadline = System.nanoTime() + grace.toNanos();
        if (!slots.tryAcquire(concurrency, grace.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            return false;
        }
        // handlers are done; let their outcomes reach the database before the writer closes
        while (inFlight.get() > 0 && System.nanoTime() < deadline + 2_000_000_000L) {
            Thread.sleep(5);
        }
        return true;
    }

    @Override
    public void close() {
        stopping = true;
        loop.interrupt();
    }
}
