package dev.longrun.spring.sse;

import dev.longrun.Job;
import dev.longrun.Longrun;
import dev.longrun.spring.api.JobView;
import dev.longrun.spring.api.JobViews;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The newest view of each streamed job, rendered to frame bytes once and shared by all its subscribers: when a change
 * reaches 1,000 subscribers of one job, one of them reads, maps and serialises the job and the others reuse it,
 * instead of 1,000 store reads and serialisations.
 * <p>
 * The others wait for that one read on a future its reader completes, which wakes them all at once. They used to
 * wait on a lock: about half of the 1,000 streams of a change found it held, and a lock lets its waiters go one after
 * another, each woken only when the one before it ran and let go, so the frames of a change queued behind a chain of
 * up to 500 hand-offs from one virtual thread to the next.
 */
final class ViewCache {

    private static final int MAX_JOBS = 10_000;

    private final Longrun longrun;
    private final JobViews views;
    private final JsonMapper json;
    private final ConcurrentHashMap<UUID, Slot> slots = new ConcurrentHashMap<>();

    ViewCache(Longrun longrun, JobViews views, JsonMapper json) {
        this.longrun = longrun;
        this.views = views;
        this.json = json;
    }

    /**
     * A job view and its frame, encoded once per version however many subscribers send it: {@code frameHead} is
     * {@code event:job} and the JSON as data lines (a user stream adds its own id line), {@code jobFrame} the whole frame
     * of a job stream, whose id is the version (passed to the sink as it is: no array per send).
     */
    record Rendered(JobView view, byte[] frameHead, byte[][] jobFrame) {
        long version() {
            return view.version();
        }
    }

    /** Renders a view read elsewhere (the first frames of a user stream). */
    Rendered render(JobView view) {
        byte[] head = SseFrames.jobHead(json.writeValueAsString(view));
        return new Rendered(view, head, new byte[][] {SseFrames.withId(head, view.version())});
    }

    /** The job at {@code version} or newer (read again only when the cached one is older); null when it is gone. */
    Rendered atLeast(UUID id, long version) {
        Slot slot = slot(id);
        while (true) {
            Rendered cached = slot.view.get();
            if (cached != null && cached.version() >= version) {
                return cached;
            }
            CompletableFuture<Rendered> reading = slot.reading.get();
            if (reading == null) {
                CompletableFuture<Rendered> mine = new CompletableFuture<>();
                if (slot.reading.compareAndSet(null, mine)) {
                    return readFor(id, slot, mine);
                }
                continue;
            }
            Rendered read = join(reading);
            if (read == null || read.version() >= version) {
                return read;
            }
            // that read began before this version was written: read again
        }
    }

    /** The job as it is now (for the first frame of a stream). */
    Optional<Rendered> current(UUID id) {
        return Optional.ofNullable(read(id, slot(id)));
    }

    private Rendered readFor(UUID id, Slot slot, CompletableFuture<Rendered> mine) {
        Rendered read;
        try {
            read = read(id, slot);
        } catch (RuntimeException | Error e) {
            slot.reading.set(null);
            mine.completeExceptionally(e);
            throw e;
        }
        // Published before the waiters wake, so one that wants a newer version starts the next read.
        slot.reading.set(null);
        mine.complete(read);
        return read;
    }

    private static Rendered join(CompletableFuture<Rendered> reading) {
        try {
            return reading.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    private Rendered read(UUID id, Slot slot) {
        Optional<Job> job = longrun.get(id);
        if (job.isEmpty()) {
            slots.remove(id);
            return null;
        }
        Rendered view = render(views.view(job.get()));
        slot.view.accumulateAndGet(view, (cached, read) -> cached == null || cached.version() <= read.version() ? read : cached);
        return view;
    }

    private Slot slot(UUID id) {
        if (slots.size() > MAX_JOBS) {
            slots.clear(); // only costs a re-read per job
        }
        return slots.computeIfAbsent(id, k -> new Slot());
    }

    private static final class Slot {
        final AtomicReference<Rendered> view = new AtomicReference<>();
        /** The read in progress, which readers of an older cached view wait for. */
        final AtomicReference<CompletableFuture<Rendered>> reading = new AtomicReference<>();
    }
}
