package dev.longrun.spring.sse;

import dev.longrun.Job;
import dev.longrun.Longrun;
import dev.longrun.spring.api.JobView;
import dev.longrun.spring.api.JobViews;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import tools.jackson.databind.json.JsonMapper;

/**
 * The newest view of each streamed job, rendered to frame bytes once and shared by all its subscribers: when a change
 * reaches 1,000 subscribers of one job, one of them reads, maps and serialises the job and the others reuse it,
 * instead of 1,000 store reads and serialisations. A per-job lock
 * makes the first reader do the work while the rest wait for it.
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
     * A job view and the head of its frame ({@code event:job} and the JSON as data lines), encoded once per version
     * however many subscribers send it; each subscriber adds only its id line.
     */
    record Rendered(JobView view, byte[] frameHead) {
        long version() {
            return view.version();
        }
    }

    /** Renders a view read elsewhere (the first frames of a user stream). */
    Rendered render(JobView view) {
        return new Rendered(view, SseFrames.jobHead(json.writeValueAsString(view)));
    }

    /** The job at {@code version} or newer (read again only when the cached one is older); empty when it is gone. */
    Optional<Rendered> atLeast(UUID id, long version) {
        Slot slot = slot(id);
        Rendered cached = slot.view;
        if (cached != null && cached.version() >= version) {
            return Optional.of(cached);
        }
        slot.lock.lock();
        try {
            cached = slot.view;
            if (cached != null && cached.version() >= version) {
                return Optional.of(cached);
            }
            return read(id, slot);
        } finally {
            slot.lock.unlock();
        }
    }

    /** The job as it is now (for the first frame of a stream). */
    Optional<Rendered> current(UUID id) {
        Slot slot = slot(id);
        slot.lock.lock();
        try {
            return read(id, slot);
        } finally {
            slot.lock.unlock();
        }
    }

    private Optional<Rendered> read(UUID id, Slot slot) {
        Optional<Job> job = longrun.get(id);
        if (job.isEmpty()) {
            slots.remove(id);
            return Optional.empty();
        }
        Rendered view = render(views.view(job.get()));
        if (slot.view == null || slot.view.version() <= view.version()) {
            slot.view = view;
        }
        return Optional.of(view);
    }

    private Slot slot(UUID id) {
        if (slots.size() > MAX_JOBS) {
            slots.clear(); // only costs a re-read per job
        }
        return slots.computeIfAbsent(id, k -> new Slot());
    }

    private static final class Slot {
        final ReentrantLock lock = new ReentrantLock();
        volatile Rendered view;
    }
}
