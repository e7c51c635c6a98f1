package dev.longrun.spring.sse;

import dev.longrun.event.JobEvent;
import dev.longrun.spring.api.JobView;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One open event stream. The engine's dispatcher only notes changed jobs in this subscriber's bounded
 * {@link PendingChanges} (never blocking); the subscriber's own virtual thread re-reads each changed job, skips versions it already sent,
 * writes the frames and the heartbeats. A client that stops reading blocks only this thread; one that falls more
 * behind on more than {@code sse.buffer-size} different jobs is disconnected and reconnects with Last-Event-ID.
 * A single-job stream that sent its job's final state leaves the end of its response to {@link StreamEnds}, which ends
 * it once the other streams wrote that state too.
 */
final class SseConnection implements Runnable {

    private static final java.util.Set<String> TERMINAL = java.util.Set.of("succeeded", "failed", "cancelled");

    private final SseHub hub;
    private final ViewCache cache;
    private final FrameSink sink;
    private final Predicate<JobEvent> filter;
    private final Supplier<List<ViewCache.Rendered>> initial;
    private final UUID singleJob;
    private final Duration heartbeat;
    private final PendingChanges changes;
    /** The newest version sent of each job, updated in place (no boxed version per frame). */
    private final Map<UUID, long[]> sent = new HashMap<>();
    /** User streams: the event id, the newest change (epoch millis) this stream is known to have delivered. */
    private Long position;
    private volatile boolean closed;
    private volatile Thread thread;
    /** A single-job stream sent its job's final state: its response ends after the fan-out ({@link StreamEnds}). */
    private boolean reachedEnd;

    SseConnection(SseHub hub, ViewCache cache, FrameSink sink, Predicate<JobEvent> filter, Supplier<List<ViewCache.Rendered>> initial, UUID singleJob, Long lastEventId, Duration heartbeat, int bufferSize, Long startPosition) {
        this.hub = hub;
        this.cache = cache;
        this.sink = sink;
        this.filter = filter;
        this.initial = initial;
        this.singleJob = singleJob;
        this.heartbeat = heartbeat;
        this.changes = new PendingChanges(bufferSize, hub.ends()::startedWriting);
        this.position = startPosition;
        if (singleJob != null && lastEventId != null) {
            sent.put(singleJob, new long[] {lastEventId});
        }
    }

    /** Called on the engine's dispatcher thread: must not block. */
    void offer(JobEvent event) {
        if (closed || !filter.test(event)) {
            return;
        }
        if (!changes.add(event)) {
            close(); // fell too far behind: the client reconnects and resumes from its Last-Event-ID
        }
    }

    void start() {
        thread = Thread.ofVirtual().name("longrun-sse").start(this);
    }

    @Override
    public void run() {
        try {
            List<ViewCache.Rendered> first = initial.get();
            for (ViewCache.Rendered job : first) {
                if (send(job)) {
                    return;
                }
            }
            if (first.isEmpty() && position != null) {
                sink.send(SseFrames.idEnd(position)); // no event, but the client learns where it is
            }
            while (!closed) {
                PendingChanges.Batch changed = changes.take(heartbeat.toMillis());
                if (changed.size() == 0) {
                    if (changes.isClosed()) {
                        break; // ended by end(): the response completes below
                    }
                    sink.send(SseFrames.HEARTBEAT);
                    continue;
                }
                try {
                    if (sendChanges(changed)) {
                        return;
                    }
                } finally {
                    hub.ends().doneWriting();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            // The client went away or the response is unusable: nothing to tell it.
        } finally {
            close();
            if (changes.close()) {
                hub.ends().doneWriting(); // changes heard after the last take, never to be written
            }
            // Only after this thread's last write, so nothing is written after the end.
            if (reachedEnd) {
                hub.ends().endAfterFanOut(sink);
            } else {
                sink.complete();
            }
        }
    }

    /** Sends the latest state of every changed job not sent at that version yet; true when the stream is done. */
    private boolean sendChanges(PendingChanges.Batch changed) throws IOException {
        for (int i = 0; i < changed.size(); i++) {
            if (changed.version(i) <= sentVersion(changed.id(i))) {
                continue;
            }
            ViewCache.Rendered job = cache.atLeast(changed.id(i), changed.version(i));
            if (job != null && send(job)) {
                return true;
            }
        }
        return false;
    }

    /** Sends a job unless this version was sent already; true when a single-job stream reached its end (not ended yet). */
    private boolean send(ViewCache.Rendered rendered) throws IOException {
        JobView job = rendered.view();
        if (job.version() > sentVersion(job.id())) {
            // a job stream's whole frame, else its head: the same arrays for every subscriber of this version
            if (singleJob != null) {
                sink.send(rendered.jobFrame());
            } else if (position != null) {
                position = Math.max(position, job.updatedAt().toEpochMilli());
                sink.send(rendered.frameHead(), SseFrames.idEnd(position));
            } else {
                sink.send(rendered.frameHead(), SseFrames.END);
            }
            long[] version = sent.get(job.id());
            if (version == null) {
                sent.put(job.id(), new long[] {job.version()});
            } else {
                version[0] = job.version();
            }
            if (singleJob == null) {
                for (byte[] companion : hub.companionsOf(job)) {
                    sink.send(companion);
                }
            }
        }
        if (singleJob != null && TERMINAL.contains(job.status())) {
            reachedEnd = true;
            return true;
        }
        return false;
    }

    private long sentVersion(UUID job) {
        long[] version = sent.get(job);
        return version == null ? 0 : version[0];
    }

    /**
     * Ends the stream cleanly (the node is shutting down): its thread finishes the frame it may be writing, stops and
     * completes the response. Not interrupted as by {@link #close()}, which could cut a write short (an aborted
     * response) or a database read (a pooled connection the engine's own shutdown still uses).
     */
    void end() {
        if (changes.close()) {
            hub.ends().doneWriting(); // changes never to be written (the thread's own changes.close() finds none)
        }
    }

    /** Waits until {@code deadline} (nanoTime) for the stream's thread to stop; true when it did. */
    boolean awaitEnd(long deadline) throws InterruptedException {
        Thread t = thread;
        return t == null || t.join(java.time.Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }

    void close() {
        if (closed) {
            return;
        }
        closed = true;
        hub.remove(this);
        Thread t = thread; // the thread ends the response when it stops (blocked in a write, when the write fails)
        if (t != null && t != Thread.currentThread()) {
            t.interrupt();
        }
    }
}
