package dev.longrun.store;

import dev.longrun.event.JobEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells other nodes what changed here. Runs after the changes committed, on its own thread, and sends
 * everything queued meanwhile in one go: NOTIFY never sits inside a job's transaction and a burst of
 * completions costs a handful of notifications.
 */
final class Announcer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Announcer.class);

    private final SqlJobStore store;
    private final String origin;
    private final LinkedBlockingQueue<JobEvent> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean stopped;

    /** @param origin this process's name in the payloads, so that its own listener skips them */
    Announcer(SqlJobStore store, String origin) {
        this.store = store;
        this.origin = origin;
        this.thread = Thread.ofPlatform().daemon().name("longrun-announce").start(this::loop);
    }

    void add(List<JobEvent> events) {
        queue.addAll(events);
    }

    private void loop() {
        List<JobEvent> batch = new ArrayList<>();
        while (!stopped || !queue.isEmpty()) {
            try {
                JobEvent first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, 5_000);
                store.announce(origin, latestPerJob(batch));
            } catch (InterruptedException e) {
                if (stopped) {
                    return;
                }
            } catch (RuntimeException e) {
                // Other nodes still see the change at their next poll; only the push is lost.
                log.warn("Could not announce {} job changes: {}", batch.size(), e.getMessage());
            } finally {
                batch.clear();
            }
        }
    }

    /** Other nodes re-read a job by id, so only its newest change in a batch needs to travel. */
    static Collection<JobEvent> latestPerJob(List<JobEvent> batch) {
        Map<UUID, JobEvent> latest = new LinkedHashMap<>();
        for (JobEvent e : batch) {
            latest.merge(e.jobId(), e, (a, b) -> b.version() >= a.version() ? b : a);
        }
        return latest.values();
    }

    @Override
    public void close() {
        stopped = true;
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
