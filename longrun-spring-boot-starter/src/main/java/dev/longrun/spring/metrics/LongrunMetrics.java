package dev.longrun.spring.metrics;

import dev.longrun.Job;
import dev.longrun.JobStatus;
import dev.longrun.Longrun;
import dev.longrun.event.JobEvent;
import dev.longrun.spring.sse.SseHub;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prometheus metrics derived from the engine's events, at a store read per state change (not per progress write):
 * {@code longrun.jobs.started|succeeded|failed|cancelled{type}}, {@code longrun.jobs.pickup.latency{type}},
 * {@code longrun.queue.depth{queue}} and {@code longrun.sse.subscribers}. The job counters count what this node did
 * (the jobs its workers claimed and finished, the cancels it served), from {@link Longrun#localEvents()}: sum them
 * over the nodes for the cluster. Queue depth is the database's, the same on every node: aggregate it with max().
 */
public final class LongrunMetrics implements MeterBinder, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LongrunMetrics.class);
    private static final int MAX_TRACKED = 100_000;

    private final Longrun longrun;
    private final SseHub hub;
    private final QueueDepths depths;
    /** Last status seen per job, terminal ones included, so a repeated event is counted once. */
    private final Map<java.util.UUID, JobStatus> lastStatus = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<java.util.UUID, JobStatus> eldest) {
                    return size() > MAX_TRACKED;
                }
            });
    private final ArrayBlockingQueue<JobEvent> transitions = new ArrayBlockingQueue<>(10_000);
    private volatile MeterRegistry registry;
    private volatile boolean closed;
    private AutoCloseable subscription;
    private Thread worker;

    public LongrunMetrics(Longrun longrun, SseHub hub) {
        this.longrun = longrun;
        this.hub = hub;
        this.depths = new QueueDepths(longrun, Duration.ofSeconds(5));
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("longrun.sse.subscribers", hub, SseHub::subscriberCount)
                .description("Open Server-Sent Event streams on this node").register(registry);
        for (String queue : depths.queues()) {
            Gauge.builder("longrun.queue.depth", depths, d -> d.depth(queue)).tag("queue", queue)
                    .description("Runnable pending jobs in the queue").register(registry);
        }
        subscription = longrun.localEvents().subscribe(this::onEvent);
        worker = Thread.ofVirtual().name("longrun-metrics").start(this::drain);
    }

    /** On the dispatcher thread: only notes real status changes and hands them to the worker. */
    private void onEvent(JobEvent e) {
        JobStatus[] seen = new JobStatus[1];
        lastStatus.compute(e.jobId(), (id, old) -> {
            seen[0] = old;
            return old != null && old.isTerminal() ? old : e.status(); // a finished job never changes again
        });
        JobStatus before = seen[0];
        if (before != null && before.isTerminal()) {
            return;
        }
        if (before != e.status() && (e.status() == JobStatus.RUNNING || e.status().isTerminal())) {
            transitions.offer(e);
        }
    }

    private void drain() {
        while (!closed) {
            try {
                JobEvent e = transitions.poll(1, TimeUnit.SECONDS);
                if (e != null) {
                    record(e);
                }
            } catch (InterruptedException ie) {
                return;
            } catch (RuntimeException ex) {
                log.debug("Metrics could not read a job: {}", ex.toString());
            }
        }
    }

    private void record(JobEvent e) {
        Job job = longrun.get(e.jobId()).orElse(null);
        MeterRegistry r = registry;
        if (job == null || r == null) {
            return;
        }
        String name = switch (e.status()) {
            case RUNNING -> "longrun.jobs.started";
            case SUCCEEDED -> "longrun.jobs.succeeded";
            case FAILED -> "longrun.jobs.failed";
            case CANCELLED -> "longrun.jobs.cancelled";
            default -> null;
        };
        if (name == null) {
            return;
        }
        Counter.builder(name).tag("type", job.type()).description("Jobs that reached this state").register(r).increment();
        if (e.status() == JobStatus.RUNNING && job.startedAt() != null) {
            Instant ready = job.runAfter() != null && job.runAfter().isAfter(job.createdAt()) ? job.runAfter() : job.createdAt();
            Duration latency = Duration.between(ready, job.startedAt());
            Timer.builder("longrun.jobs.pickup.latency").tag("type", job.type())
                    .description("Time from a job being runnable to a worker starting it").register(r)
                    .record(latency.isNegative() ? Duration.ZERO : latency);
        }
    }

    @Override
    public void close() {
        closed = true;
        if (worker != null) {
            worker.interrupt();
        }
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                log.debug("Closing the metrics subscription failed: {}", e.toString());
            }
        }
    }
}
