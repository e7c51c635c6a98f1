package dev.longrun.runtime;

import dev.longrun.Job;
import dev.longrun.event.JobEvent;
import dev.longrun.store.ClaimRequest;
import dev.longrun.store.WorkQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The claim loop of this node: claims jobs (one statement), runs each on a virtual thread as a slot frees, and
 * sleeps until woken (a job was started, a slot freed, a NOTIFY arrived) or the fallback poll interval passed.
 *
 * <p>Claims run ahead of free slots when jobs are short: a node that claimed only for its free slots waited one claim
 * round trip per round of {@code concurrency} jobs (16 workers drained no-op jobs at 6 % of the database's limit in
 * {@code longrun-bench -Dbench=scale}). {@link ClaimAhead} sizes the reserve from the measured completion rate, so it
 * holds about what the workers finish during one claim round trip: none for jobs that take seconds (those stay pending
 * for any node to take), up to {@code 256 - concurrency} for no-op jobs (none from 256 workers up). Jobs claimed ahead hold a lease like running ones and are renewed by
 * the same heartbeat ({@link #claimedAhead()}).
 *
 * <p>A job claimed ahead reads "In progress" and no other node can take it, so it must not wait long: once the oldest
 * has waited {@link ClaimAhead#patienceNanos()} (the workers went on to long jobs), the whole reserve goes back to the
 * queue as if never claimed ({@link WorkQueue#unclaim}: same place in line, no start in its timeline) and the sizing
 * starts again from zero. At shutdown the reserve goes back the same way ({@link #drain}).
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
    /** One permit per handler that may run now. */
    private final Semaphore slots;
    /** Claimed here, waiting for a slot, in claim order. */
    private final ConcurrentLinkedDeque<Waiting> ahead = new ConcurrentLinkedDeque<>();
    private final AtomicInteger aheadCount = new AtomicInteger();
    private final ClaimAhead sizing;
    /** Jobs claimed here whose outcome is not written yet (their handler may already have returned). */
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Wakeup wakeup = new Wakeup();
    private final Thread loop;
    private volatile boolean stopping;

    /**
     * A job claimed ahead and when it was claimed, on the engine's clock (as its lease is), so a test that stops the
     * clock keeps a reserve in place.
     */
    private record Waiting(Job job, Instant since) {
    }

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
        this.sizing = new ClaimAhead(ClaimAhead.capFor(concurrency));
        this.loop = Thread.ofPlatform().daemon().name("longrun-claim").start(this::claimLoop);
    }

    void wake() {
        wakeup.signal();
    }

    private void claimLoop() {
        Duration backoff = pollInterval;
        while (!stopping) {
            try {
                handBackIfStale();
                sizing.measure();
                int target = sizing.target();
                int buffered = aheadCount.get();
                int want = slots.availablePermits() + target - buffered;
                // Top up once the reserve is half gone, so each claim carries a useful batch.
                boolean worthIt = want > 0 && (buffered == 0 || buffered <= target / 2);
                int claimed = 0;
                if (worthIt) {
                    claimed = claim(want);
                    backoff = pollInterval;
                }
                if (!worthIt || claimed < want) {
                    wakeup.await(untilStale(backoff));
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
        long t0 = System.nanoTime();
        List<Job> jobs = store.claim(new ClaimRequest(queues, limit, owner, now, now.plus(lease)));
        sizing.claimed(System.nanoTime() - t0);
        if (jobs.isEmpty()) {
            return 0;
        }
        publisher.accept(jobs.stream().map(j -> new JobEvent(j.id(), j.version(), j.accountId(), j.userId(), j.status())).toList());
        inFlight.addAndGet(jobs.size());
        aheadCount.addAndGet(jobs.size());
        Instant since = clock.instant();
        for (Job job : jobs) {
            ahead.addLast(new Waiting(job, since));
        }
        dispatch();
        return jobs.size();
    }

    /** Starts waiting jobs while slots are free. Called by the claim loop and by every handler that returns. */
    private void dispatch() {
        while (!ahead.isEmpty() && slots.tryAcquire()) {
            Waiting next = ahead.pollFirst();
            if (next == null) {
                slots.release();
                return;
            }
            aheadCount.decrementAndGet();
            start(next.job());
        }
    }

    private void start(Job job) {
        Thread.ofVirtual().name("longrun-job-" + job.type()).start(() -> {
            // The slot frees as soon as the handler returns: the outcome then waits for its batch write
            // without holding back the next job (a slot counts handlers, not pending writes).
            AtomicBoolean freed = new AtomicBoolean();
            Runnable freeSlot = () -> {
                if (freed.compareAndSet(false, true)) {
                    sizing.completed();
                    slots.release();
                    if (!stopping) {
                        dispatch();
                    }
                    if (aheadCount.get() <= sizing.target() / 2) {
                        wakeup.signal();
                    }
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

    /** Jobs claimed by this node that wait for a slot: their leases are renewed with the running ones'. */
    Collection<UUID> claimedAhead() {
        List<UUID> ids = new ArrayList<>();
        for (Waiting w : ahead) {
            ids.add(w.job().id());
        }
        return ids;
    }

    /** A job claimed ahead whose lease this node lost (the heartbeat did not renew it): it must not start here. */
    void forget(UUID id) {
        if (ahead.removeIf(w -> w.job().id().equals(id))) {
            aheadCount.decrementAndGet();
            inFlight.decrementAndGet();
        }
    }

    int busy() {
        return concurrency - slots.availablePermits();
    }

    /**
     * Stops claiming, hands the jobs claimed ahead back to the queue, and waits up to {@code grace} for running jobs.
     * Returns true when all finished.
     */
    boolean drain(Duration grace) throws InterruptedException {
        stopping = true;
        loop.interrupt();
        loop.join(2_000);
        releaseAhead();
        long deadline = System.nanoTime() + grace.toNanos();
        if (!slots.tryAcquire(concurrency, grace.toMillis(), TimeUnit.MILLISECONDS)) {
            return false;
        }
        // handlers are done; let their outcomes reach the database before the writer closes
        while (inFlight.get() > 0 && System.nanoTime() < deadline + 2_000_000_000L) {
            Thread.sleep(5);
        }
        return true;
    }

    /** The claim loop's wait: no longer than until the oldest job claimed ahead runs out of patience. */
    private Duration untilStale(Duration backoff) {
        Waiting oldest = ahead.peekFirst();
        if (oldest == null) {
            return backoff;
        }
        long left = sizing.patienceNanos() - waitedNanos(oldest);
        return left < backoff.toNanos() ? Duration.ofNanos(Math.max(0, left)) : backoff;
    }

    private long waitedNanos(Waiting w) {
        return Duration.between(w.since(), clock.instant()).toNanos();
    }

    /**
     * Hands the reserve back when its oldest job waited out {@link ClaimAhead#patienceNanos()}: the workers are held by
     * jobs longer than the rate the reserve was sized from, so every job in it would wait as long, and the sizing
     * restarts from zero (it grows again from the completions of the next claims).
     */
    private void handBackIfStale() {
        Waiting oldest = ahead.peekFirst();
        if (oldest == null || waitedNanos(oldest) < sizing.patienceNanos()) {
            return;
        }
        sizing.handedBack();
        int back = releaseAhead();
        log.debug("Handed {} jobs claimed ahead back to the queue; the workers are busy with longer jobs", back);
    }

    /**
     * Gives every job still claimed ahead back to the queue, unstarted; returns how many went back. Those whose lease
     * this node lost meanwhile are another node's now and are dropped. If the database cannot be written, a running
     * node keeps the jobs (their leases are renewed as before) and tries again after another wait; a stopping node
     * leaves them to be rescued when their leases expire.
     */
    private int releaseAhead() {
        List<Waiting> taken = new ArrayList<>();
        for (Waiting w; (w = ahead.pollFirst()) != null; ) {
            aheadCount.decrementAndGet();
            taken.add(w);
        }
        if (taken.isEmpty()) {
            return 0;
        }
        try {
            List<JobEvent> back = store.unclaim(owner, taken.stream().map(w -> w.job().id()).toList(), clock.instant());
            inFlight.addAndGet(-taken.size());
            publisher.accept(back);
            return back.size();
        } catch (RuntimeException e) {
            if (stopping) {
                inFlight.addAndGet(-taken.size());
                log.warn("Could not hand back {} jobs claimed ahead; they will be rescued when their lease expires", taken.size(), e);
                return 0;
            }
            Instant now = clock.instant();
            for (int i = taken.size() - 1; i >= 0; i--) {
                ahead.addFirst(new Waiting(taken.get(i).job(), now));
            }
            aheadCount.addAndGet(taken.size());
            log.warn("Could not hand back {} jobs claimed ahead ({}); they stay here and go back at the next try",
                    taken.size(), e.getMessage());
            dispatch();
            return 0;
        }
    }

    @Override
    public void close() {
        stopping = true;
        loop.interrupt();
    }
}
