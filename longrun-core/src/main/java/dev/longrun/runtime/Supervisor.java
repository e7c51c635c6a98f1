package dev.longrun.runtime;

import dev.longrun.Job;
import dev.longrun.JobType;
import dev.longrun.store.Finish;
import dev.longrun.store.HeartbeatAck;
import dev.longrun.store.JobStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches this node's running jobs: flushes their coalesced progress, renews their leases (and learns
 * of cancel requests made on other nodes), and stops handlers that ran past their type's timeout.
 */
final class Supervisor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Supervisor.class);

    private final JobStore store;
    private final RunningJobs running;
    private final JobRunner runner;
    private final ProgressWriter progress;
    private final Map<String, JobType<?>> types;
    private final Clock clock;
    private final String owner;
    private final Duration lease;
    private final Duration flushInterval;
    private final WorkerPool pool;
    private final Thread thread;
    private volatile boolean stopped;
    private Instant lastHeartbeat = Instant.MIN;

    Supervisor(NodeContext node, RunningJobs running, WorkerPool pool, JobRunner runner, ProgressWriter progress,
               Duration flushInterval) {
        this.store = node.store();
        this.pool = pool;
        this.running = running;
        this.runner = runner;
        this.progress = progress;
        this.types = node.types();
        this.clock = node.clock();
        this.owner = node.owner();
        this.lease = node.lease();
        this.flushInterval = flushInterval;
        this.thread = Thread.ofPlatform().daemon().name("longrun-supervisor").start(this::loop);
    }

    private void loop() {
        while (!stopped) {
            try {
                Thread.sleep(flushInterval);
                tick();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("Supervisor tick failed: {}", e.getMessage());
            }
        }
    }

    void tick() {
        progress.flush(running.all());
        Instant now = clock.instant();
        stopTimedOut(now);
        if (!now.isBefore(lastHeartbeat.plus(lease.dividedBy(3)))) {
            heartbeat(now);
        }
    }

    private void heartbeat(Instant now) {
        Set<UUID> ids = new HashSet<>(running.ids());
        // Jobs claimed ahead hold a lease too; one this node lost must not start here.
        Set<UUID> ahead = new HashSet<>(pool.claimedAhead());
        ids.addAll(ahead);
        if (ids.isEmpty()) {
            lastHeartbeat = now;
            return;
        }
        List<HeartbeatAck> acks = store.heartbeat(owner, ids, now, now.plus(lease));
        lastHeartbeat = now;
        for (HeartbeatAck ack : acks) {
            ids.remove(ack.id());
            RunContext<?> ctx = running.get(ack.id());
            if (ctx != null && ack.cancelRequested()) {
                ctx.requestCancel();
            }
        }
        for (UUID lost : ids) {
            if (ahead.contains(lost) && running.get(lost) == null) {
                pool.forget(lost);
                continue;
            }
            // Not renewed: the job finished meanwhile, or another node took it over after our lease
            // expired. In the second case this handler must stop: the job runs elsewhere now.
            RunContext<?> ctx = running.get(lost);
            if (ctx != null && stillRunningElsewhere(lost)) {
                log.warn("Lost the lease of job {}; stopping its handler here", lost);
                ctx.stopByRuntime();
            }
        }
    }

    private boolean stillRunningElsewhere(UUID id) {
        return store.find(id).map(j -> !owner.equals(j.leaseOwner())).orElse(true);
    }

    private void stopTimedOut(Instant now) {
        List<RunContext<?>> expired = new ArrayList<>();
        for (RunContext<?> ctx : running.all()) {
            Duration timeout = timeoutOf(ctx.job());
            if (timeout != null && ctx.job().startedAt() != null && !now.isBefore(ctx.job().startedAt().plus(timeout))) {
                expired.add(ctx);
            }
        }
        for (RunContext<?> ctx : expired) {
            Duration timeout = timeoutOf(ctx.job());
            ctx.stopByRuntime();
            boolean won = runner.write(Finish.failed(ctx.jobId(), owner, "Timed out after " + Durations.words(timeout)
                    + ". Nothing more will run; retry it, perhaps with less data.", "timed_out", true, null, now));
            if (won) {
                log.info("Job {} timed out after {}", ctx.jobId(), timeout);
            }
            running.remove(ctx.jobId());
        }
    }

    private Duration timeoutOf(Job job) {
        if (job.timeoutSeconds() != null) {
            return Duration.ofSeconds(job.timeoutSeconds());
        }
        JobType<?> type = types.get(job.type());
        return type == null ? null : type.timeout();
    }

    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
