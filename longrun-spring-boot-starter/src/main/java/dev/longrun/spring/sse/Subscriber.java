package dev.longrun.spring.sse;

import dev.longrun.Job;
import dev.longrun.Longrun;
import dev.longrun.event.JobEvent;
import dev.longrun.spring.api.JobViews;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open event stream. The engine's dispatcher only drops change notices into this subscriber's bounded queue
 * (never blocking); the subscriber's own virtual thread re-reads each changed job, skips versions it already sent,
 * writes the frames and the heartbeats. A client that stops reading blocks only this thread; one that falls more
 * than a queue's length behind is disconnected and reconnects with Last-Event-ID.
 */
final class Subscriber implements Runnable {

    private final SseHub hub;
    private final Longrun longrun;
    private final JobViews views;
    private final SseEmitter emitter;
    private final Predicate<JobEvent> filter;
    private final Supplier<List<Job>> initial;
    private final UUID singleJob;
    private final Duration heartbeat;
    private final ArrayBlockingQueue<JobEvent> queue;
    private final Map<UUID, Long> sent = new HashMap<>();
    private volatile boolean closed;
    private volatile Thread thread;

    Subscriber(SseHub hub, Longrun longrun, JobViews views, SseEmitter emitter, Predicate<JobEvent> filter,
               Supplier<List<Job>> initial, UUID singleJob, Long lastEventId, Duration heartbeat, int bufferSize) {
        this.hub = hub;
        this.longrun = longrun;
        this.views = views;
        this.emitter = emitter;
        this.filter = filter;
        this.initial = initial;
        this.singleJob = singleJob;
        this.heartbeat = heartbeat;
        this.queue = new ArrayBlockingQueue<>(bufferSize);
        if (singleJob != null && lastEventId != null) {
            sent.put(singleJob, lastEventId);
        }
    }

    /** Called on the engine's dispatcher thread: must not block. */
    void offer(JobEvent event) {
        if (closed || !filter.test(event)) {
            return;
        }
        if (!queue.offer(event)) {
            close(); // fell too far behind: the client reconnects and resumes from its Last-Event-ID
        }
    }

    void start() {
        thread = Thread.ofVirtual().name("longrun-sse").start(this);
    }

    @Override
    public void run() {
        try {
            for (Job job : initial.get()) {
                if (send(job)) {
                    return;
                }
            }
            while (!closed) {
                JobEvent first = queue.poll(heartbeat.toMillis(), TimeUnit.MILLISECONDS);
                if (first == null) {
                    emitter.send(SseEmitter.event().comment("heartbeat"));
                    continue;
                }
                if (sendChanges(first)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            // The client went away or the response is unusable: nothing to tell it.
        } finally {
            close();
        }
    }

    /** Sends the latest state of every job with a queued change; true when the stream is done. */
    private boolean sendChanges(JobEvent first) throws IOException {
        List<JobEvent> batch = new ArrayList<>();
        batch.add(first);
        queue.drainTo(batch);
        Map<UUID, Long> latest = new LinkedHashMap<>();
        for (JobEvent e : batch) {
            latest.merge(e.jobId(), e.version(), Math::max);
        }
        for (Map.Entry<UUID, Long> e : latest.entrySet()) {
            if (e.getValue() <= sent.getOrDefault(e.getKey(), 0L)) {
                continue;
            }
            Job job = longrun.get(e.getKey()).orElse(null);
            if (job != null && send(job)) {
                return true;
            }
        }
        return false;
    }

    /** Sends a job unless this version was sent already; true when a single-job stream reached its end. */
    private boolean send(Job job) throws IOException {
        if (job.version() > sent.getOrDefault(job.id(), 0L)) {
            SseEmitter.SseEventBuilder event = SseEmitter.event().name("job").data(views.view(job), MediaType.APPLICATION_JSON);
            if (singleJob != null) {
                event.id(Long.toString(job.version()));
            }
            emitter.send(event);
            sent.put(job.id(), job.version());
        }
        if (singleJob != null && job.isTerminal()) {
            emitter.complete();
            return true;
        }
        return false;
    }

    void close() {
        if (closed) {
            return;
        }
        closed = true;
        hub.remove(this);
        try {
            emitter.complete();
        } catch (RuntimeException ignored) {
            // already completed or the connection is gone
        }
        Thread t = thread;
        if (t != null && t != Thread.currentThread()) {
            t.interrupt();
        }
    }
}
