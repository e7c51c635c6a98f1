package dev.longrun.spring.sse;

import dev.longrun.Job;
import dev.longrun.JobQuery;
import dev.longrun.JobStatus;
import dev.longrun.Longrun;
import dev.longrun.event.JobEvent;
import dev.longrun.spring.api.JobView;
import dev.longrun.spring.api.JobViews;
import dev.longrun.spring.security.Caller;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fans the engine's job-change events (of this node and, on PostgreSQL, of every node) out to the open event
 * streams. Holds one subscription to {@link Longrun#events()}; each stream is a {@link SseConnection} with its own bounded set of pending changes
 * and virtual thread, so no subscriber can slow the engine or another subscriber.
 */
public final class SseHub implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SseHub.class);

    private final Longrun longrun;
    private final JobViews views;
    private final Duration heartbeat;
    private final int bufferSize;
    private final JsonMapper json;
    private final ViewCache cache;
    private final Set<SseConnection> subscribers = ConcurrentHashMap.newKeySet();
    private final StreamEnds ends;
    private final AutoCloseable subscription;
    /** Shutdown began ({@link StreamsShutdown}): streams end at once. */
    private volatile boolean ending;
    private volatile java.util.function.Function<JobView, List<SseEmitter.SseEventBuilder>> companions = job -> List.of();

    public SseHub(Longrun longrun, JobViews views, JsonMapper json, Duration heartbeat, int bufferSize) {
        this(longrun, views, json, heartbeat, bufferSize, StreamEnds.MAX_WAIT);
    }

    /** {@code endsMaxWait}: how long a due end waits at most for the other streams ({@link StreamEnds#MAX_WAIT}; tests). */
    SseHub(Longrun longrun, JobViews views, JsonMapper json, Duration heartbeat, int bufferSize, Duration endsMaxWait) {
        this.ends = new StreamEnds(endsMaxWait);
        this.longrun = longrun;
        this.views = views;
        this.heartbeat = heartbeat;
        this.bufferSize = bufferSize;
        this.json = json;
        this.cache = new ViewCache(longrun, views, json);
        this.subscription = longrun.events().subscribe(this::dispatch);
    }

    /** The job now, then each change ({@code id:} = version); ends after a terminal state. */
    void job(Job job, Long lastEventId, FrameSink sink) {
        job(job, lastEventId, sink, e -> true);
    }

    /** {@link #job} that also asks {@code alsoFilter} on the dispatcher's thread (tests: to hold the dispatcher mid-change). */
    void job(Job job, Long lastEventId, FrameSink sink, java.util.function.Predicate<JobEvent> alsoFilter) {
        open(sink, e -> e.jobId().equals(job.id()) && alsoFilter.test(e),
                () -> cache.current(job.id()).stream().toList(), job.id(), lastEventId, bufferSize, null);
    }

    /**
     * Every active job of the caller now, then each change of any of its jobs; never ends by itself. Frames carry
     * {@code id:} = the newest change delivered (epoch millis); with {@code lastEventId} the stream resumes: first every
     * job changed since then (minus {@link UserStreamResume#OVERLAP}), so a reconnecting browser keeps its list.
     */
    void user(Caller caller, Long lastEventId, FrameSink sink) {
        user(caller, lastEventId, sink, bufferSize);
    }

    void user(Caller caller, FrameSink sink, int capacity) {
        user(caller, null, sink, capacity);
    }

    private void user(Caller caller, Long lastEventId, FrameSink sink, int capacity) {
        if (caller.jobId() != null) {
            open(sink, e -> e.jobId().equals(caller.jobId()), () -> cache.current(caller.jobId()).stream().toList(), null, null, capacity, null);
            return;
        }
        long connectedAt = longrun.clock().millis();
        UserStreamResume resume = new UserStreamResume(longrun, caller, sink);
        open(sink,
                e -> Objects.equals(e.accountId(), caller.accountId()) && Objects.equals(e.userId(), caller.userId()),
                () -> resume.initialJobs(lastEventId).stream().map(j -> cache.render(views.view(j))).toList(),
                null, null, capacity, connectedAt);
    }

    /**
     * Frames another feature sends right after a job's frame on user streams ({@code /api/events}); used by
     * dev.longrun.spring.notify to follow a job's outcome with its {@code notification} event.
     */
    public void companionFrames(java.util.function.Function<JobView, List<SseEmitter.SseEventBuilder>> companions) {
        this.companions = Objects.requireNonNull(companions);
    }

    List<byte[]> companionsOf(JobView job) {
        try {
            return companions.apply(job).stream().map(event -> SseFrames.of(event, json)).toList();
        } catch (RuntimeException e) {
            log.debug("No companion frames for job {}: {}", job.id(), e.toString());
            return List.of();
        }
    }

    public int subscriberCount() {
        return subscribers.size();
    }

    private void open(FrameSink sink, java.util.function.Predicate<JobEvent> filter,
                            java.util.function.Supplier<List<ViewCache.Rendered>> initial, java.util.UUID singleJob, Long lastEventId,
                            int capacity, Long startPosition) {
        if (ending) {
            sink.complete(); // a request that was on its way when shutdown began: the client reconnects elsewhere
            return;
        }
        SseConnection s = new SseConnection(this, cache, sink, filter, initial, singleJob, lastEventId, heartbeat, capacity, startPosition);
        sink.onEnd(s::close);
        subscribers.add(s); // before the first read, so no change between the read and the subscription is lost
        s.start();
        if (ending) {
            s.end(); // endStreams() may have listed the subscribers before this one joined
        }
    }

    /**
     * Shutdown began: ends every open stream cleanly, and every stream opened from now on at once. Each EventSource
     * reconnects (to another node, or to this one after its restart) and resumes from its Last-Event-ID. A stream
     * still busy after {@code patience} (its client stopped reading, so its write blocks) is cut off as
     * {@link #close()} would.
     */
    void endStreams(Duration patience) {
        ending = true;
        List<SseConnection> open = List.copyOf(subscribers);
        open.forEach(SseConnection::end);
        long deadline = System.nanoTime() + patience.toNanos();
        try {
            for (SseConnection s : open) {
                if (!s.awaitEnd(deadline)) {
                    s.close();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            open.forEach(SseConnection::close);
        }
    }

    /** Streams stay open again (the application started again after a stop). */
    void acceptStreams() {
        ending = false;
    }

    StreamEnds ends() {
        return ends;
    }

    void remove(SseConnection s) {
        subscribers.remove(s);
    }

    /**
     * Hands a change to every stream. While it does, it counts as a stream with changes to write: else the streams it
     * handed the change to first could all have written it (on the other carrier, while this thread waited for a
     * core) and let {@link StreamEnds} end finished streams while the rest of the change was still to be handed out,
     * so their frames would queue behind those ends.
     */
    private void dispatch(JobEvent event) {
        ends.startedWriting();
        try {
            for (SseConnection s : subscribers) {
                try {
                    s.offer(event);
                } catch (RuntimeException e) {
                    log.debug("Dropping a subscriber that failed on an event: {}", e.toString());
                    s.close();
                }
            }
        } finally {
            ends.doneWriting();
        }
    }

    @Override
    public void close() {
        try {
            subscription.close();
        } catch (Exception e) {
            log.debug("Closing the event subscription failed: {}", e.toString());
        }
        List.copyOf(subscribers).forEach(SseConnection::close);
        ends.close();
    }
}
